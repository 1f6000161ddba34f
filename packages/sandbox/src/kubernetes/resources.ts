/**
 * The resources the sandbox's API servers list, by plural: API group/version, kind and list kind,
 * as discovery reports them. Argo CD's `status.resources` take each kind's group and version
 * from here too, so the two stand-ins cannot disagree.
 */
export const RESOURCES: Record<
  string,
  { groupVersion: string; kind: string; listKind: string }
> = {
  pods: { groupVersion: 'v1', kind: 'Pod', listKind: 'PodList' },
  services: { groupVersion: 'v1', kind: 'Service', listKind: 'ServiceList' },
  configmaps: {
    groupVersion: 'v1',
    kind: 'ConfigMap',
    listKind: 'ConfigMapList',
  },
  limitranges: {
    groupVersion: 'v1',
    kind: 'LimitRange',
    listKind: 'LimitRangeList',
  },
  resourcequotas: {
    groupVersion: 'v1',
    kind: 'ResourceQuota',
    listKind: 'ResourceQuotaList',
  },
  persistentvolumeclaims: {
    groupVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    listKind: 'PersistentVolumeClaimList',
  },
  deployments: {
    groupVersion: 'apps/v1',
    kind: 'Deployment',
    listKind: 'DeploymentList',
  },
  replicasets: {
    groupVersion: 'apps/v1',
    kind: 'ReplicaSet',
    listKind: 'ReplicaSetList',
  },
  statefulsets: {
    groupVersion: 'apps/v1',
    kind: 'StatefulSet',
    listKind: 'StatefulSetList',
  },
  daemonsets: {
    groupVersion: 'apps/v1',
    kind: 'DaemonSet',
    listKind: 'DaemonSetList',
  },
  horizontalpodautoscalers: {
    groupVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    listKind: 'HorizontalPodAutoscalerList',
  },
  jobs: { groupVersion: 'batch/v1', kind: 'Job', listKind: 'JobList' },
  cronjobs: {
    groupVersion: 'batch/v1',
    kind: 'CronJob',
    listKind: 'CronJobList',
  },
  ingresses: {
    groupVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    listKind: 'IngressList',
  },
  // Argo Rollouts' CRD, installed in every sandbox cluster.
  rollouts: {
    groupVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    listKind: 'RolloutList',
  },
};

/**
 * Custom resources: the API server keeps their items as it stored them, with `apiVersion` and
 * `kind`; built-in kinds' list items have neither.
 */
export const CUSTOM_RESOURCES = new Set(['rollouts']);

/** A kind's API group (`''` for the core group) and version, as Argo CD names them. */
export function groupVersionOf(kind: string): {
  group: string;
  version: string;
} {
  const resource = Object.values(RESOURCES).find(r => r.kind === kind);
  if (!resource) throw new Error(`the sandbox does not serve ${kind}`);
  const [group, version] = resource.groupVersion.includes('/')
    ? resource.groupVersion.split('/')
    : ['', resource.groupVersion];
  return { group, version };
}
