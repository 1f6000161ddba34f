import fs from 'node:fs';
import path from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { HorizontalPodAutoscaler as HpaV1 } from 'kubernetes-models/autoscaling/v1/HorizontalPodAutoscaler';
import { HorizontalPodAutoscaler as HpaV2beta1 } from 'kubernetes-models/autoscaling/v2beta1/HorizontalPodAutoscaler';
import { HorizontalPodAutoscaler as HpaV2beta2 } from 'kubernetes-models/autoscaling/v2beta2/HorizontalPodAutoscaler';
import { Ingress as ExtensionsIngress } from 'kubernetes-models/extensions/v1beta1/Ingress';

/*
 * The published schemas every fixture object must match exactly (unknown fields rejected):
 *
 * - Kubernetes v1.32 "standalone-strict" JSON Schemas (kubeconform's), for the kinds they have;
 * - the models of `kubernetes-models` (generated from the Kubernetes OpenAPI) for the versions
 *   the contracts lack (autoscaling/v1, v2beta2, v2beta1; extensions/v1beta1 Ingress), with
 *   unknown fields found by watching which fields the model reads;
 * - the Rollout CRD's openAPIV3Schema (Argo Rollouts) and the Application JSON Schema (Argo CD),
 *   made strict the way kubeconform's `-strict` does it, `metadata` checked as ObjectMeta.
 *
 * Read in place from ../shared/contracts beside the repository (see its SOURCES.md).
 */

/** The repository root, from src/kubernetes/health/__testUtils__ of this plugin. */
const repoRoot = path.resolve(__dirname, '../../../../../..');
export const contractsDir = path.resolve(repoRoot, '../shared/contracts');

function contract(file: string): string {
  const full = path.join(contractsDir, file);
  if (!fs.existsSync(full)) {
    throw new Error(
      `Contract data not found at ${full}: clone the portal next to the shared/ folder`,
    );
  }
  return fs.readFileSync(full, 'utf8');
}

export function contractJson(file: string): any {
  return JSON.parse(contract(file));
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

type Check = (object: unknown) => string[];

function ajvCheck(validate: ValidateFunction, at = ''): Check {
  return object =>
    validate(object)
      ? []
      : (validate.errors ?? []).map(error => describeError(error, at));
}

function describeError(error: ErrorObject, at = ''): string {
  const where = `${at}${error.instancePath}` || '/';
  if (error.keyword === 'additionalProperties') {
    const field = (error.params as { additionalProperty: string })
      .additionalProperty;
    return `${where}: unknown field ${field}`;
  }
  return `${where}: ${error.message}`;
}

const KUBERNETES = 'kubernetes/schemas-v1.32.2-standalone-strict';

function kubernetesSchema(file: string): Check {
  return ajvCheck(ajv.compile(contractJson(`${KUBERNETES}/${file}`)));
}

/**
 * kubeconform's `-strict` for a CRD schema: every object schema that lists its properties, and
 * neither declares `additionalProperties` nor keeps unknown fields
 * (`x-kubernetes-preserve-unknown-fields`), rejects other fields.
 */
function strict(schema: any): any {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: any = {};
  for (const [key, value] of Object.entries(schema)) {
    copy[key] =
      key === 'properties' || key === 'definitions'
        ? Object.fromEntries(
            Object.entries(value as object).map(([k, v]) => [k, strict(v)]),
          )
        : strict(value);
  }
  if (
    copy.properties &&
    copy.additionalProperties === undefined &&
    copy['x-kubernetes-preserve-unknown-fields'] !== true
  ) {
    copy.additionalProperties = false;
  }
  return copy;
}

/** ObjectMeta as the strict Kubernetes schemas have it, for the CRDs (whose metadata is free). */
const objectMeta = ajvCheck(
  ajv.compile(
    contractJson(`${KUBERNETES}/configmap-v1.json`).properties.metadata,
  ),
  '/metadata',
);

function crdCheck(schema: any): Check {
  const validate = ajv.compile(strict(schema));
  return object => [
    ...ajvCheck(validate)(object),
    ...objectMeta((object as any)?.metadata),
  ];
}

const rolloutCrd = parse(contract('argo-rollouts/rollout-crd.yaml'));

interface Model {
  prototype: { validate(this: unknown): void };
}

/**
 * A `kubernetes-models` model as a strict check. Its generated validator reads each declared
 * field by name and never lists an object's keys, except for maps (labels, annotations…) and
 * free-form objects; so on every object whose keys it did not list, the keys it did not read are
 * unknown fields.
 */
function modelCheck(model: Model): Check {
  return object => {
    const reads = new Map<
      object,
      { keys: Set<string>; listed: boolean; proxy: object }
    >();
    const watch = (value: unknown): unknown => {
      if (value === null || typeof value !== 'object') return value;
      const known = reads.get(value);
      if (known) return known.proxy;
      const visit = { keys: new Set<string>(), listed: false, proxy: value };
      visit.proxy = new Proxy(value, {
        get(target, key, receiver) {
          if (typeof key === 'string') visit.keys.add(key);
          return watch(Reflect.get(target, key, receiver));
        },
        has(target, key) {
          if (typeof key === 'string') visit.keys.add(key);
          return Reflect.has(target, key);
        },
        getOwnPropertyDescriptor(target, key) {
          if (typeof key === 'string') visit.keys.add(key);
          return Reflect.getOwnPropertyDescriptor(target, key);
        },
        ownKeys(target) {
          visit.listed = true;
          return Reflect.ownKeys(target);
        },
      });
      reads.set(value, visit);
      return visit.proxy;
    };
    const errors: string[] = [];
    try {
      model.prototype.validate.call(watch(object));
    } catch (error) {
      const found = (error as { errors?: ErrorObject[] }).errors;
      if (!found) throw error;
      errors.push(...found.map(e => describeError(e)));
    }
    const walk = (value: unknown, pointer: string) => {
      if (value === null || typeof value !== 'object') return;
      const visit = reads.get(value);
      if (
        visit &&
        !visit.listed &&
        visit.keys.size > 0 &&
        !Array.isArray(value)
      ) {
        for (const key of Object.keys(value)) {
          if (!visit.keys.has(key)) {
            errors.push(`${pointer || '/'}: unknown field ${key}`);
          }
        }
      }
      for (const [key, item] of Object.entries(value)) {
        walk(item, `${pointer}/${key}`);
      }
    };
    walk(object, '');
    return errors;
  };
}

const CHECKS: Record<string, () => Check> = {
  'v1/Pod': () => kubernetesSchema('pod-v1.json'),
  'v1/Service': () => kubernetesSchema('service-v1.json'),
  'v1/PersistentVolumeClaim': () =>
    kubernetesSchema('persistentvolumeclaim-v1.json'),
  'v1/ConfigMap': () => kubernetesSchema('configmap-v1.json'),
  'v1/Secret': () => kubernetesSchema('secret-v1.json'),
  'v1/ServiceAccount': () => kubernetesSchema('serviceaccount-v1.json'),
  'apps/v1/Deployment': () => kubernetesSchema('deployment-apps-v1.json'),
  'apps/v1/StatefulSet': () => kubernetesSchema('statefulset-apps-v1.json'),
  'apps/v1/DaemonSet': () => kubernetesSchema('daemonset-apps-v1.json'),
  'apps/v1/ReplicaSet': () => kubernetesSchema('replicaset-apps-v1.json'),
  'batch/v1/Job': () => kubernetesSchema('job-batch-v1.json'),
  'batch/v1/CronJob': () => kubernetesSchema('cronjob-batch-v1.json'),
  'networking.k8s.io/v1/Ingress': () =>
    kubernetesSchema('ingress-networking-v1.json'),
  'autoscaling/v2/HorizontalPodAutoscaler': () =>
    kubernetesSchema('horizontalpodautoscaler-autoscaling-v2.json'),
  'autoscaling/v2beta2/HorizontalPodAutoscaler': () => modelCheck(HpaV2beta2),
  'autoscaling/v2beta1/HorizontalPodAutoscaler': () => modelCheck(HpaV2beta1),
  'autoscaling/v1/HorizontalPodAutoscaler': () => modelCheck(HpaV1),
  'extensions/v1beta1/Ingress': () => modelCheck(ExtensionsIngress),
  'argoproj.io/v1alpha1/Rollout': () =>
    crdCheck(rolloutCrd.spec.versions[0].schema.openAPIV3Schema),
  'argoproj.io/v1alpha1/Application': () =>
    crdCheck(contractJson('argocd/application_v1alpha1.jsonschema.json')),
};

const compiled = new Map<string, Check>();

/** Where each kind's schema comes from, for test names. */
export function schemaKeyOf(object: { apiVersion?: string; kind?: string }) {
  return `${object.apiVersion}/${object.kind}`;
}

/** Every way `object` breaks its kind's published schema (empty when it is exactly valid). */
export function schemaErrors(object: {
  apiVersion?: string;
  kind?: string;
}): string[] {
  const key = schemaKeyOf(object);
  if (!CHECKS[key]) {
    throw new Error(`No contract schema for ${key}`);
  }
  let check = compiled.get(key);
  if (!check) {
    check = CHECKS[key]();
    compiled.set(key, check);
  }
  return check(object);
}
