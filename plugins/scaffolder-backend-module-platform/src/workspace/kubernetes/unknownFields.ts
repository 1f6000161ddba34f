import { ErrorObject } from 'ajv';

/** A JSON Schema validator in Ajv's calling convention. */
export type ValidateFn = ((data: unknown) => boolean) & {
  errors?: ErrorObject[] | null;
};

interface Visit {
  /** Keys the validator looked up on this object. */
  read: Set<string>;
  /** Whether it listed the object's keys (a map, or `additionalProperties: false`). */
  listed: boolean;
  proxy: object;
}

/**
 * Runs a generated validator and also reports fields it does not know, the way the
 * "standalone-strict" Kubernetes schemas (kubeconform's `-strict`) and the API server's strict
 * field validation do.
 *
 * The generated validators of `kubernetes-models` come from the published OpenAPI and CRD
 * schemas, which leave `additionalProperties` out; Ajv's code for such an object looks up each
 * declared property by name and never lists the object's keys. Watching those look-ups through
 * a Proxy gives, per object, exactly the declared properties, so any other key is unknown. An
 * object whose keys the validator lists is a map (`additionalProperties: {…}`, labels) or already
 * strict; an object it does not look into at all is free-form (`x-kubernetes-preserve-unknown-fields`,
 * Helm `valuesObject`). Both are left alone, as the strict schemas leave them.
 */
export function validateStrictly(
  validate: ValidateFn,
  data: unknown,
): ErrorObject[] {
  const visits = new Map<object, Visit>();
  const watch = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const existing = visits.get(value);
    if (existing) return existing.proxy;
    const visit: Visit = { read: new Set(), listed: false, proxy: {} };
    visit.proxy = new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === 'string') visit.read.add(key);
        return watch(Reflect.get(target, key, receiver));
      },
      has(target, key) {
        if (typeof key === 'string') visit.read.add(key);
        return Reflect.has(target, key);
      },
      getOwnPropertyDescriptor(target, key) {
        if (typeof key === 'string') visit.read.add(key);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
      ownKeys(target) {
        visit.listed = true;
        return Reflect.ownKeys(target);
      },
    });
    visits.set(value, visit);
    return visit.proxy;
  };

  const valid = validate(watch(data));
  const errors = valid ? [] : [...(validate.errors ?? [])];

  const walk = (value: unknown, pointer: string) => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${pointer}/${i}`));
      return;
    }
    const visit = visits.get(value);
    if (visit && !visit.listed && visit.read.size > 0) {
      for (const key of Object.keys(value)) {
        if (!visit.read.has(key)) {
          errors.push({
            instancePath: pointer,
            schemaPath: '#/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key },
            message: 'must NOT have additional properties',
          });
        }
      }
    }
    for (const [key, item] of Object.entries(value)) {
      walk(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  walk(data, '');
  return errors;
}
