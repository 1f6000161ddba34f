import fs from 'node:fs';
import path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import { parse } from 'yaml';

/*
 * Published schemas of Kubernetes, Argo CD and Argo Rollouts from shared/contracts beside the
 * checkout (as on CI), never copied into this repository.
 */
const contracts = path.resolve(__dirname, '../../../../../shared/contracts');

function readText(file: string): string {
  const full = path.join(contracts, file);
  if (!fs.existsSync(full)) {
    throw new Error(
      `Contract data not found at ${full}: clone the portal next to the shared/ folder (see README, "Contract data")`,
    );
  }
  return fs.readFileSync(full, 'utf8');
}

function read(file: string) {
  return JSON.parse(readText(file));
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map<string, ValidateFunction>();

function check(key: string, schema: () => object, body: unknown): void {
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema());
    compiled.set(key, validate);
  }
  if (!validate(body)) {
    throw new Error(
      `Not valid against ${key}: ${ajv.errorsText(validate.errors, {
        separator: '; ',
      })}`,
    );
  }
}

/** Throws with every error when `body` does not match the schema in `file`. */
export function assertSchema(file: string, body: unknown): void {
  check(file, () => read(file), body);
}

export const KUBERNETES_SCHEMAS =
  'kubernetes/schemas-v1.32.2-standalone-strict';
export const ARGOCD_APPLICATION_SCHEMA =
  'argocd/application_v1alpha1.jsonschema.json';
export const ROLLOUT_CRD = 'argo-rollouts/rollout-crd.yaml';

/** A strict v1.32 schema of ObjectMeta and of ListMeta, for custom resources and lists. */
function objectMetaSchema() {
  return read(`${KUBERNETES_SCHEMAS}/deployment-apps-v1.json`).properties
    .metadata;
}
function listMetaSchema() {
  return read(`${KUBERNETES_SCHEMAS}/podlist-v1.json`).properties.metadata;
}

/**
 * A CRD's `openAPIV3Schema` of one version as a JSON Schema as strict as the Kubernetes ones:
 * an object with `properties` takes no other field (unless `x-kubernetes-preserve-unknown-fields`
 * says it does), `nullable` allows null, and `metadata` is the strict ObjectMeta of Kubernetes
 * v1.32 (a CRD's schema leaves it to the API server). `x-kubernetes-validations` (CEL) are not
 * evaluated.
 */
function crdSchema(file: string, version: string) {
  const crd = parse(readText(file));
  const served = crd.spec.versions.find((v: any) => v.name === version);
  if (!served) throw new Error(`${file} has no version ${version}`);
  const strict = (node: any): any => {
    if (Array.isArray(node)) return node.map(strict);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, any> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-kubernetes-') || key === 'nullable') continue;
      if (key === 'properties') {
        out.properties = Object.fromEntries(
          Object.entries(value as object).map(([k, v]) => [k, strict(v)]),
        );
      } else if (
        [
          'items',
          'additionalProperties',
          'not',
          'anyOf',
          'allOf',
          'oneOf',
        ].includes(key)
      ) {
        out[key] = strict(value);
      } else {
        out[key] = value;
      }
    }
    if (
      node.properties &&
      out.additionalProperties === undefined &&
      !node['x-kubernetes-preserve-unknown-fields']
    ) {
      out.additionalProperties = false;
    }
    if (node['x-kubernetes-int-or-string'] && !out.anyOf) {
      delete out.type;
      out.anyOf = [{ type: 'integer' }, { type: 'string' }];
    }
    if (node.nullable && typeof out.type === 'string') {
      out.type = [out.type, 'null'];
    }
    return out;
  };
  const schema = strict(served.schema.openAPIV3Schema);
  schema.properties.metadata = objectMetaSchema();
  return schema;
}

/**
 * Throws with every error when `body` is not a Kubernetes list of `listKind` whose items match
 * an object schema of shared/contracts: a v1.32 strict schema file (`deployment-apps-v1.json`) or,
 * for a custom resource, its CRD (`{ crd: ROLLOUT_CRD, version: 'v1alpha1' }`). The list is
 * checked as the published list schemas are built (`deploymentlist-apps-v1.json`): `apiVersion`,
 * `kind`, ListMeta `metadata` and `items`, nothing else.
 */
export function assertListSchema(
  item: string | { crd: string; version: string },
  listKind: string,
  body: unknown,
): void {
  const key =
    typeof item === 'string'
      ? `${KUBERNETES_SCHEMAS}/${item}`
      : `${item.crd}@${item.version}`;
  check(
    `${key} as ${listKind}`,
    () => {
      const itemSchema =
        typeof item === 'string'
          ? read(`${KUBERNETES_SCHEMAS}/${item}`)
          : crdSchema(item.crd, item.version);
      // As in the published list schemas: `$schema` belongs at the root only.
      delete itemSchema.$schema;
      return {
        type: 'object',
        required: ['items'],
        additionalProperties: false,
        properties: {
          apiVersion: { type: 'string' },
          kind: { enum: [listKind] },
          metadata: listMetaSchema(),
          items: { type: 'array', items: itemSchema },
        },
      };
    },
    body,
  );
}

/** Throws with every error when `body` does not match the CRD's schema of `version`. */
export function assertCrdSchema(
  crd: string,
  version: string,
  body: unknown,
): void {
  check(`${crd}@${version}`, () => crdSchema(crd, version), body);
}

/** A recorded or documented GitLab answer from shared/contracts/gitlab-api/examples. */
export function gitlabExample(file: string): any {
  return read(`gitlab-api/examples/${file}`);
}

/**
 * GitLab publishes no schema, so an answer is checked against GitLab's documented example of it:
 * every field the sandbox sends must exist there with the same JSON type (null matches any, as
 * GitLab's fields are nullable), nested objects and array items alike. Returns the mismatches.
 */
export function shapeMismatches(example: any, actual: any, at = '$'): string[] {
  if (example === null || actual === null || example === undefined) {
    return [];
  }
  if (Array.isArray(example) || Array.isArray(actual)) {
    if (!Array.isArray(example) || !Array.isArray(actual)) {
      return [`${at}: array in one, not in the other`];
    }
    if (example.length === 0) return [];
    return actual.flatMap((item, i) =>
      shapeMismatches(example[0], item, `${at}[${i}]`),
    );
  }
  if (typeof example !== typeof actual) {
    return [`${at}: ${typeof actual}, GitLab's example has ${typeof example}`];
  }
  if (typeof actual !== 'object') return [];
  return Object.keys(actual).flatMap(key =>
    key in example
      ? shapeMismatches(example[key], actual[key], `${at}.${key}`)
      : [`${at}.${key}: not a field of GitLab's example`],
  );
}
