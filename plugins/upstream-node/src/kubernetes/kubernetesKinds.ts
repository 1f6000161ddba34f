/** A kind the portal lists from clusters: where its list lives in the Kubernetes API. */
export interface KubernetesKind {
  kind: string;
  /** `''` for the core group. */
  group: string;
  version: string;
  plural: string;
}

/**
 * Every kind Argo CD assesses the health of, at the version the portal reads it. HPAs are read
 * through autoscaling/v2, which the API server serves for HPAs of every version (v1 objects
 * converted); Rollouts only where Argo Rollouts is installed.
 */
export const KUBERNETES_KINDS = {
  Deployment: {
    kind: 'Deployment',
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
  },
  StatefulSet: {
    kind: 'StatefulSet',
    group: 'apps',
    version: 'v1',
    plural: 'statefulsets',
  },
  DaemonSet: {
    kind: 'DaemonSet',
    group: 'apps',
    version: 'v1',
    plural: 'daemonsets',
  },
  ReplicaSet: {
    kind: 'ReplicaSet',
    group: 'apps',
    version: 'v1',
    plural: 'replicasets',
  },
  Pod: { kind: 'Pod', group: '', version: 'v1', plural: 'pods' },
  Job: { kind: 'Job', group: 'batch', version: 'v1', plural: 'jobs' },
  CronJob: {
    kind: 'CronJob',
    group: 'batch',
    version: 'v1',
    plural: 'cronjobs',
  },
  Service: { kind: 'Service', group: '', version: 'v1', plural: 'services' },
  Ingress: {
    kind: 'Ingress',
    group: 'networking.k8s.io',
    version: 'v1',
    plural: 'ingresses',
  },
  PersistentVolumeClaim: {
    kind: 'PersistentVolumeClaim',
    group: '',
    version: 'v1',
    plural: 'persistentvolumeclaims',
  },
  HorizontalPodAutoscaler: {
    kind: 'HorizontalPodAutoscaler',
    group: 'autoscaling',
    version: 'v2',
    plural: 'horizontalpodautoscalers',
  },
  Rollout: {
    kind: 'Rollout',
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'rollouts',
  },
} satisfies Record<string, KubernetesKind>;

export function apiVersionOf(kind: KubernetesKind): string {
  return kind.group ? `${kind.group}/${kind.version}` : kind.version;
}

/** The cluster-wide list path of a kind, e.g. `/apis/apps/v1/daemonsets`. */
export function listPathOf(kind: KubernetesKind): string {
  return kind.group
    ? `/apis/${kind.group}/${kind.version}/${kind.plural}`
    : `/api/${kind.version}/${kind.plural}`;
}
