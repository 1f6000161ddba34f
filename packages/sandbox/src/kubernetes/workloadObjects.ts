import { Release } from '../world/buildWorld';
import { cronJobObjects } from './cronJobObjects';
import { daemonSetObjects } from './daemonSetObjects';
import {
  condition,
  container,
  metadata,
  Obj,
  selectorLabels,
  releaseLabels,
} from './objectMeta';
import { podSet, PodSet, replicaSetObjects } from './replicaSets';
import { rolloutObjects } from './rolloutObjects';
import {
  autoscalerObject,
  ingressHost,
  ingressObject,
  serviceObject,
} from './serviceObjects';
import { statefulSetObjects } from './statefulSetObjects';

/*
 * The Kubernetes objects one release runs as in one cluster, shaped as kube-apiserver returns them
 * in lists (built-in kinds' items without kind and apiVersion), by the release's workload (see
 * WORKLOADS): a Deployment with its ReplicaSet(s), Pods, Service and HorizontalPodAutoscaler (and
 * for an exposed service a LoadBalancer Service and an Ingress), a StatefulSet with its Pods,
 * headless Service and PersistentVolumeClaims, a DaemonSet with a Pod per node, a CronJob with
 * its last Job and that Job's Pod, or an Argo Rollouts Rollout with its ReplicaSets, Pods,
 * Service and autoscaler. Tests validate them against the published v1.32 JSON schemas and the
 * Rollout CRD.
 */

/** What a release's manifests hold: the objects Argo CD manages (the rest their controllers make). */
export interface ManagedResource {
  kind: string;
  name: string;
}

/** The objects of a release's manifests, by kind: what Argo CD lists in `status.resources`. */
export function managedResources(release: Release): ManagedResource[] {
  const name = release.service.name;
  const of = (...kinds: string[]) => kinds.map(kind => ({ kind, name }));
  const { workload } = release;
  switch (workload.kind) {
    case 'StatefulSet':
      return of('StatefulSet', 'Service');
    case 'DaemonSet':
      return of('DaemonSet');
    case 'CronJob':
      return of('CronJob');
    case 'Rollout':
      return of('Rollout', 'Service', 'HorizontalPodAutoscaler');
    default:
      return of(
        'Deployment',
        'Service',
        'HorizontalPodAutoscaler',
        ...(workload.exposure ? ['Ingress'] : []),
      );
  }
}

function podSets(release: Release): PodSet[] {
  const [current, previous] = release.history;
  if (release.trouble === 'crash-loop') {
    return [podSet(release, current, release.replicas, 'crash-loop')];
  }
  if (release.trouble === 'degraded-rollout') {
    // The new version cannot pull its image; the old one keeps serving.
    return [
      podSet(release, current, 1, 'image-pull'),
      podSet(release, previous, release.replicas, 'running'),
    ];
  }
  return [podSet(release, current, release.replicas, 'running')];
}

/** The Deployment's conditions, as the deployment controller sets them for each kind of trouble. */
function deploymentConditionsOf(
  release: Release,
  name: string,
  newest: PodSet,
) {
  const at = release.history[0].deployedAt;
  const replicaSet = `ReplicaSet "${name}-${newest.podTemplateHash}"`;
  const available = condition(
    'Available',
    'True',
    'MinimumReplicasAvailable',
    'Deployment has minimum availability.',
    at,
  );
  if (release.trouble === 'degraded-rollout') {
    return [
      available,
      condition(
        'Progressing',
        'False',
        'ProgressDeadlineExceeded',
        `${replicaSet} has timed out progressing.`,
        at + 600_000,
      ),
    ];
  }
  if (release.trouble === 'crash-loop') {
    return [
      condition(
        'Available',
        'False',
        'MinimumReplicasUnavailable',
        'Deployment does not have minimum availability.',
        at,
      ),
      condition(
        'Progressing',
        'True',
        'ReplicaSetUpdated',
        `${replicaSet} is progressing.`,
        at,
      ),
    ];
  }
  return [
    available,
    condition(
      'Progressing',
      'True',
      'NewReplicaSetAvailable',
      `${replicaSet} has successfully progressed.`,
      at,
    ),
  ];
}

function deploymentObjects(
  release: Release,
  cluster: string,
  nowMs: number,
): Record<string, Obj[]> {
  const name = release.service.name;
  // The release's first deploy created its Deployment, Service and autoscaler.
  const createdAt = release.history[release.history.length - 1].deployedAt;
  const sets = podSets(release);
  const selector = selectorLabels(release);
  const ready = sets
    .filter(s => s.podState === 'running')
    .reduce((n, s) => n + s.replicas, 0);
  const updated = sets[0].replicas;
  const current = release.history[0];
  const deploymentConditions = deploymentConditionsOf(release, name, sets[0]);
  const total = sets.reduce((n, s) => n + s.replicas, 0);
  const exposure =
    release.workload.kind === 'Deployment'
      ? release.workload.exposure
      : undefined;
  const containerOf = (image: string) =>
    container(
      release,
      image,
      exposure
        ? {
            ports: [
              { name: 'http', containerPort: 8080 },
              { name: 'grpc', containerPort: 9090 },
            ],
          }
        : {},
    );
  const deployment = {
    metadata: metadata(release, cluster, name, createdAt, {
      generation: current.id,
      annotations: {
        'deployment.kubernetes.io/revision': String(current.id),
      },
    }),
    spec: {
      replicas: release.replicas,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: releaseLabels(release) },
        spec: {
          containers: [containerOf(sets[0].image)],
        },
      },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: current.id,
      replicas: total,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(total - ready > 0 ? { unavailableReplicas: total - ready } : {}),
      conditions: deploymentConditions,
    },
  };
  const { replicasets, pods } = replicaSetObjects(
    release,
    cluster,
    sets,
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name,
      hashLabel: 'pod-template-hash',
      annotations: set => ({
        'deployment.kubernetes.io/desired-replicas': String(release.replicas),
        'deployment.kubernetes.io/max-replicas': String(release.replicas + 1),
        'deployment.kubernetes.io/revision': String(set.revision),
      }),
      container: containerOf,
    },
    nowMs,
  );
  return {
    deployments: [deployment],
    replicasets,
    pods,
    services: [
      serviceObject(
        release,
        cluster,
        createdAt,
        exposure ? 'LoadBalancer' : 'ClusterIP',
      ),
    ],
    horizontalpodautoscalers: [
      autoscalerObject(
        release,
        cluster,
        createdAt,
        { apiVersion: 'apps/v1', kind: 'Deployment' },
        total,
      ),
    ],
    ...(exposure
      ? {
          ingresses: [
            ingressObject(
              release,
              cluster,
              createdAt,
              ingressHost(release, exposure.ingressHostPrefix),
            ),
          ],
        }
      : {}),
  };
}

/** Every object of one release in one cluster, by plural resource name. */
export function workloadObjects(
  release: Release,
  cluster: string,
  nowMs: number,
): Record<string, Obj[]> {
  switch (release.workload.kind) {
    case 'StatefulSet':
      return statefulSetObjects(release, release.workload, cluster, nowMs);
    case 'DaemonSet':
      return daemonSetObjects(release, cluster, nowMs);
    case 'CronJob':
      return cronJobObjects(release, release.workload, cluster, nowMs);
    case 'Rollout':
      return rolloutObjects(release, release.workload, cluster, nowMs);
    default:
      return deploymentObjects(release, cluster, nowMs);
  }
}
