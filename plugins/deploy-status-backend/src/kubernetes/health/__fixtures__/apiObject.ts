/*
 * Fixture objects are written as a kube-apiserver (v1.32, kind) answers them: every field the
 * server defaults is there, timestamps are RFC 3339 strings. Each one is checked against the
 * published strict schema of its kind (fixtures.test.ts), so they must stay exactly valid.
 */

/** One object as JSON, as the API server answers it. */
export interface ApiObject {
  apiVersion: string;
  kind: string;
  metadata: Record<string, any>;
  spec?: any;
  status?: any;
  [key: string]: unknown;
}

export const CREATED = '2026-06-15T04:20:00Z';
export const LATER = '2026-06-15T04:21:30Z';
export const NAMESPACE = 'checkout';

let serial = 0;

/** A stable, well-formed UID for the n-th fixture object. */
function uid(): string {
  serial += 1;
  const hex = serial.toString(16).padStart(12, '0');
  return `6f1c2a4e-93b7-4c1d-8e5a-${hex}`;
}

/** `metadata` as the API server fills it in (`generation` only for the kinds that have one: pass it). */
export function objectMeta(
  name: string,
  extra: Record<string, any> = {},
  namespaced = true,
): Record<string, any> {
  return {
    name,
    ...(namespaced && { namespace: NAMESPACE }),
    uid: uid(),
    resourceVersion: String(4100 + serial),
    creationTimestamp: CREATED,
    labels: { 'app.kubernetes.io/name': 'checkout-api' },
    ...extra,
  };
}

/** A 64-hex container or image digest, derived from a word so fixtures stay readable. */
export function digest(word: string): string {
  let hex = '';
  for (let i = 0; hex.length < 64; i++) {
    hex += ((word.charCodeAt(i % word.length) * (i + 7)) % 256)
      .toString(16)
      .padStart(2, '0');
  }
  return hex.slice(0, 64);
}

/** A deep copy with changes, for variants of one object. */
export function variant<T extends ApiObject>(
  base: T,
  change: (copy: T) => void,
): T {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}
