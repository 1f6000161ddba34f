import { applicationHealth } from './applicationHealth';
import { HOOK_FINALIZER, IGNORE_HEALTHCHECK } from './argoAnnotations';
import { cronJobHealth } from './cronJobHealth';
import { daemonSetHealth } from './daemonSetHealth';
import { deploymentHealth } from './deploymentHealth';
import { horizontalPodAutoscalerHealth } from './horizontalPodAutoscalerHealth';
import { ingressHealth } from './ingressHealth';
import { jobHealth } from './jobHealth';
import { isJsonObject } from './objectFields';
import { persistentVolumeClaimHealth } from './persistentVolumeClaimHealth';
import { podHealth } from './podHealth';
import { replicaSetHealth } from './replicaSetHealth';
import { rolloutHealth } from './rolloutHealth';
import { serviceHealth } from './serviceHealth';
import { statefulSetHealth } from './statefulSetHealth';
import { assessed, HealthVerdict, verdict } from './verdict';

export type { HealthVerdict } from './verdict';

/** An object as the API server answers it, as JSON (timestamps are strings). */
export interface KubernetesResource {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    annotations?: Record<string, string>;
    generation?: number;
    deletionTimestamp?: string | Date;
    finalizers?: string[];
  };
  spec?: unknown;
  status?: unknown;
}

interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

type Check = (object: any, gvk: GroupVersionKind) => HealthVerdict;

/**
 * gitops-engine converts these kinds to the typed struct of one version only; an object of any
 * other version fails the conversion ("unsupported … GVK"), which Argo CD reports as Unknown.
 */
function onlyVersion(
  version: string,
  check: (object: any) => HealthVerdict,
): Check {
  return (object, gvk) =>
    gvk.version === version
      ? check(object)
      : verdict(
          'Unknown',
          `unsupported ${gvk.kind} GVK: ${gvk.group}/${gvk.version}, Kind=${gvk.kind}`,
        );
}

/**
 * The checks Argo CD runs, by API group and kind: gitops-engine's built-in Go checks
 * (`GetHealthCheckFunc`), the Lua checks Argo CD ships for `batch/CronJob` and
 * `argoproj.io/Rollout`, and the customisation it documents for `argoproj.io/Application`.
 */
const CHECKS: Record<string, Record<string, Check>> = {
  apps: {
    Deployment: onlyVersion('v1', deploymentHealth),
    StatefulSet: onlyVersion('v1', statefulSetHealth),
    ReplicaSet: onlyVersion('v1', replicaSetHealth),
    DaemonSet: onlyVersion('v1', daemonSetHealth),
  },
  extensions: {
    Ingress: ingressHealth,
  },
  'networking.k8s.io': {
    Ingress: ingressHealth,
  },
  '': {
    Service: onlyVersion('v1', serviceHealth),
    PersistentVolumeClaim: onlyVersion('v1', persistentVolumeClaimHealth),
    Pod: onlyVersion('v1', podHealth),
  },
  batch: {
    Job: onlyVersion('v1', jobHealth),
    CronJob: cronJobHealth,
  },
  autoscaling: {
    // Every version: v1, v2beta1, v2beta2, v2 (any other is Unknown, as in gitops-engine).
    HorizontalPodAutoscaler: horizontalPodAutoscalerHealth,
  },
  'argoproj.io': {
    Rollout: rolloutHealth,
    Application: applicationHealth,
  },
};

function groupVersionKindOf(object: KubernetesResource): GroupVersionKind {
  const apiVersion =
    typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  return {
    group: slash >= 0 ? apiVersion.slice(0, slash) : '',
    version: slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion,
    kind: typeof object.kind === 'string' ? object.kind : '',
  };
}

/** `metadata` as Argo CD's unstructured accessors read it: what is not of its type is absent. */
function metadataOf(object: KubernetesResource) {
  const metadata = isJsonObject(object.metadata) ? object.metadata : {};
  const annotations = isJsonObject(metadata.annotations)
    ? metadata.annotations
    : {};
  const finalizers = Array.isArray(metadata.finalizers)
    ? metadata.finalizers
    : [];
  const deletionTimestamp = metadata.deletionTimestamp;
  return {
    ignoreHealthcheck: annotations[IGNORE_HEALTHCHECK] === 'true',
    beingDeleted:
      (typeof deletionTimestamp === 'string' && deletionTimestamp !== '') ||
      deletionTimestamp instanceof Date,
    hookFinalizer: finalizers.includes(HOOK_FINALIZER),
  };
}

/**
 * Argo CD's verdict on one object, as its application controller gives it; undefined when Argo
 * CD does not assess the object (then it counts as present, not as unhealthy):
 *
 * - with the annotation `argocd.argoproj.io/ignore-healthcheck: "true"`;
 * - of a kind Argo CD has no check for (ConfigMap, Secret, ServiceAccount, most custom
 *   resources…), unless it is being deleted.
 *
 * An object being deleted (`metadata.deletionTimestamp`), of any kind, is Progressing, "Pending
 * deletion", unless it carries Argo CD's hook finalizer. Otherwise the kind's check decides, by
 * API group and kind as gitops-engine dispatches them: `apps` Deployment, StatefulSet,
 * ReplicaSet, DaemonSet; core Service, PersistentVolumeClaim, Pod; `batch` Job and CronJob;
 * `autoscaling` HorizontalPodAutoscaler (every version); Ingress in `networking.k8s.io` and
 * `extensions`; `argoproj.io` Rollout and Application. A malformed object never throws: it gets
 * the verdict Argo CD gives it, usually Unknown with a message naming the field.
 */
export function resourceHealth(
  object: KubernetesResource,
): HealthVerdict | undefined {
  if (!isJsonObject(object)) return undefined;
  const metadata = metadataOf(object);
  if (metadata.ignoreHealthcheck) return undefined;
  if (metadata.beingDeleted && !metadata.hookFinalizer) {
    return verdict('Progressing', 'Pending deletion');
  }
  const gvk = groupVersionKindOf(object);
  const checks = Object.prototype.hasOwnProperty.call(CHECKS, gvk.group)
    ? CHECKS[gvk.group]
    : {};
  if (!Object.prototype.hasOwnProperty.call(checks, gvk.kind)) {
    return undefined;
  }
  return assessed(`failed to get the health of ${gvk.kind}`, () =>
    checks[gvk.kind](object, gvk),
  );
}
