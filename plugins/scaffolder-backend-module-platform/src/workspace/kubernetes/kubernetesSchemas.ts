import Ajv, { ErrorObject } from 'ajv';
import { kustomizationSchema } from './kustomizationSchema';
import { validateStrictly, ValidateFn } from './unknownFields';

/** Checks one manifest of a known type; returns its schema errors (unknown fields included). */
export type ManifestValidator = (manifest: unknown) => ErrorObject[];

/**
 * Which npm package holds the generated validators of an API group. Each package's validators are
 * generated from the published schema: the Kubernetes OpenAPI (kubernetes-models), Argo CD's and
 * External Secrets' CRDs. The 4.x/2.x/0.5.x lines are used because they ship CommonJS; the
 * newer lines are ESM-only, which this CommonJS backend (and Jest) cannot `require`.
 */
function modulePathOf(group: string, version: string, kind: string) {
  if (group === '' || group.endsWith('.k8s.io') || !group.includes('.')) {
    const apiVersion = group ? `${group}/${version}` : version;
    return `kubernetes-models/${apiVersion}/${kind}`;
  }
  if (group === 'argoproj.io') {
    return `@kubernetes-models/argo-cd/${group}/${version}/${kind}`;
  }
  if (
    group === 'external-secrets.io' ||
    group === 'generators.external-secrets.io'
  ) {
    return `@kubernetes-models/external-secrets/${group}/${version}/${kind}`;
  }
  return undefined;
}

interface ModelClass {
  apiVersion?: string;
  kind?: string;
  prototype: { validate(this: unknown): void };
}

/** A generated model's `validate` (it throws) in Ajv's calling convention. */
function validateFnOf(model: ModelClass): ValidateFn {
  const fn: ValidateFn = data => {
    try {
      model.prototype.validate.call(data);
      fn.errors = null;
      return true;
    } catch (error) {
      const errors = (error as { errors?: ErrorObject[] }).errors;
      if (!errors) throw error;
      fn.errors = errors;
      return false;
    }
  };
  return fn;
}

const API_VERSION =
  /^(?:([a-z0-9]([a-z0-9.-]*[a-z0-9])?)\/)?(v\d+(?:(?:alpha|beta)\d+)?)$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

/**
 * The schemas `platform:validate` checks Kubernetes manifests against, built into the package so
 * a production portal needs no schema files: Kubernetes built-in kinds, Argo CD
 * (Application, ApplicationSet, AppProject), External Secrets, and kustomize's Kustomization.
 * Looked up lazily per kind (the Kubernetes package alone has ~1,800 generated validators).
 */
export class KubernetesSchemas {
  private readonly cache = new Map<string, ManifestValidator | undefined>();
  private kustomization?: ManifestValidator;

  /** The validator of `apiVersion` + `kind`, or undefined when no schema is known. */
  validatorFor(
    apiVersion: string,
    kind: string,
  ): ManifestValidator | undefined {
    const key = `${apiVersion}/${kind}`;
    if (!this.cache.has(key)) {
      this.cache.set(key, this.load(apiVersion, kind));
    }
    return this.cache.get(key);
  }

  private load(
    apiVersion: string,
    kind: string,
  ): ManifestValidator | undefined {
    const version = API_VERSION.exec(apiVersion);
    if (!version || !KIND.test(kind)) return undefined;
    const [, group = '', , versionName] = version;
    if (group === 'kustomize.config.k8s.io') {
      return ['Kustomization', 'Component'].includes(kind)
        ? this.kustomizationValidator()
        : undefined;
    }
    const modulePath = modulePathOf(group, versionName, kind);
    if (!modulePath) return undefined;
    let model: ModelClass | undefined;
    try {
      // The path is built only from the two patterns above, never from free text.
      model = require(modulePath)[kind];
    } catch {
      return undefined;
    }
    // A module of that name can be a nested type (`v1/PodSpec`), not a top-level kind.
    if (!model || model.apiVersion !== apiVersion || model.kind !== kind) {
      return undefined;
    }
    const validate = validateFnOf(model);
    return manifest => validateStrictly(validate, manifest);
  }

  private kustomizationValidator(): ManifestValidator {
    if (!this.kustomization) {
      const validate = new Ajv({ allErrors: true }).compile(
        kustomizationSchema,
      );
      this.kustomization = manifest =>
        validate(manifest) ? [] : [...(validate.errors ?? [])];
    }
    return this.kustomization;
  }
}
