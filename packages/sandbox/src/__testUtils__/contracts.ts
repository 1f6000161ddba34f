import fs from 'node:fs';
import path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';

/*
 * Published schemas of Kubernetes and Argo CD from shared/contracts beside the checkout (as on
 * CI), never copied into this repository.
 */
const contracts = path.resolve(__dirname, '../../../../../shared/contracts');

function read(file: string) {
  const full = path.join(contracts, file);
  if (!fs.existsSync(full)) {
    throw new Error(
      `Contract data not found at ${full}: clone the portal next to the shared/ folder (see README, "Contract data")`,
    );
  }
  return JSON.parse(fs.readFileSync(full, 'utf8'));
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map<string, ValidateFunction>();

/** Throws with every error when `body` does not match the schema in `file`. */
export function assertSchema(file: string, body: unknown): void {
  let validate = compiled.get(file);
  if (!validate) {
    validate = ajv.compile(read(file));
    compiled.set(file, validate);
  }
  if (!validate(body)) {
    throw new Error(
      `Not valid against ${file}: ${ajv.errorsText(validate.errors, {
        separator: '; ',
      })}`,
    );
  }
}

export const KUBERNETES_SCHEMAS =
  'kubernetes/schemas-v1.32.2-standalone-strict';
export const ARGOCD_APPLICATION_SCHEMA =
  'argocd/application_v1alpha1.jsonschema.json';

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
