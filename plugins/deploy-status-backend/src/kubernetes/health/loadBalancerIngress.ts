import { Fields, isJsonObject } from './objectFields';

/**
 * Whether `status.loadBalancer.ingress` has an entry with an `ip` or a `hostname`: Argo CD's
 * documented rule for a LoadBalancer Service and for an Ingress. (gitops-engine itself only asks
 * for a non-empty list, so it also accepts an entry like `{}`; the documented rule is followed.)
 *
 * Strict (the Service check, which converts the object to its typed struct first): a field of
 * the wrong type throws `MalformedField`. Lenient (the Ingress check, which reads the list with
 * `unstructured.NestedSlice` and ignores its error): anything unreadable is no address.
 */
export function hasLoadBalancerAddress(
  object: unknown,
  mode: 'strict' | 'lenient',
): boolean {
  if (mode === 'lenient') {
    const status = isJsonObject(object) ? object.status : undefined;
    const loadBalancer = isJsonObject(status) ? status.loadBalancer : undefined;
    const ingress = isJsonObject(loadBalancer)
      ? loadBalancer.ingress
      : undefined;
    return (
      Array.isArray(ingress) &&
      ingress.some(
        entry =>
          isJsonObject(entry) &&
          ((typeof entry.ip === 'string' && entry.ip !== '') ||
            (typeof entry.hostname === 'string' && entry.hostname !== '')),
      )
    );
  }
  return Fields.of(object)
    .object('status')
    .object('loadBalancer')
    .objects('ingress')
    .some(
      entry => entry.string('ip') !== '' || entry.string('hostname') !== '',
    );
}
