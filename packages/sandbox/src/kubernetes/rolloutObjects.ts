import { Release } from '../world/buildWorld';
import { Workload } from '../world/workloads';
import {
  condition,
  container,
  metadata,
  Obj,
  releaseLabels,
  selectorLabels,
  shortHash,
} from './objectMeta';
import { podSet, replicaSetObjects } from './replicaSets';
import { autoscalerObject, serviceObject } from './serviceObjects';

type RolloutWorkload = Extract<Workload, { kind: 'Rollout' }>;

export const ROLLOUT_API_VERSION = 'argoproj.io/v1alpha1';

/** The canary steps of a Rollout: each weight, then a two-minute pause. */
export function canarySteps(workload: RolloutWorkload): Obj[] {
  return workload.canaryWeights.flatMap(setWeight => [
    { setWeight },
    { pause: { duration: '2m' } },
  ]);
}

/**
 * A service delivered by Argo Rollouts with a canary strategy, its last update fully promoted:
 * the Rollout (all steps done, phase Healthy, the current ReplicaSet stable), the current
 * ReplicaSet with its pods and the previous one scaled to zero, the Service and an autoscaler
 * of the Rollout. Unlike built-in kinds, the Rollout carries its `apiVersion` and `kind` in lists.
 */
export function rolloutObjects(
  release: Release,
  workload: RolloutWorkload,
  cluster: string,
  nowMs: number,
): Record<string, Obj[]> {
  const name = release.service.name;
  const createdAt = release.history[release.history.length - 1].deployedAt;
  const [current, previous] = release.history;
  const replicas = release.replicas;
  const sets = [
    podSet(release, current, replicas, 'running'),
    ...(previous ? [podSet(release, previous, 0, 'running')] : []),
  ];
  const stable = sets[0];
  const steps = canarySteps(workload);
  // The last pause ends the update, two minutes a step after the deploy (releases are at least
  // five minutes old, so every update the sandbox shows is complete).
  const completedAt = Math.min(
    current.deployedAt + workload.canaryWeights.length * 120_000,
    nowMs,
  );
  const rsName = `${name}-${stable.podTemplateHash}`;
  const { replicasets, pods } = replicaSetObjects(
    release,
    cluster,
    sets,
    {
      apiVersion: ROLLOUT_API_VERSION,
      kind: 'Rollout',
      name,
      hashLabel: 'rollouts-pod-template-hash',
      annotations: set => ({
        'rollout.argoproj.io/desired-replicas': String(replicas),
        'rollout.argoproj.io/revision': String(set.revision),
      }),
    },
    nowMs,
  );
  const rollout = {
    apiVersion: ROLLOUT_API_VERSION,
    kind: 'Rollout',
    metadata: metadata(release, cluster, name, createdAt, {
      generation: current.id,
      annotations: { 'rollout.argoproj.io/revision': String(current.id) },
    }),
    spec: {
      replicas,
      revisionHistoryLimit: 3,
      progressDeadlineSeconds: 600,
      selector: { matchLabels: selectorLabels(release) },
      template: {
        metadata: { labels: releaseLabels(release) },
        spec: { containers: [container(release, stable.image)] },
      },
      strategy: {
        canary: { maxSurge: '25%', maxUnavailable: 0, steps },
      },
    },
    status: {
      HPAReplicas: replicas,
      availableReplicas: replicas,
      blueGreen: {},
      canary: {},
      conditions: [
        condition(
          'Available',
          'True',
          'AvailableReason',
          'Rollout has minimum availability',
          current.deployedAt + 60_000,
        ),
        condition(
          'Completed',
          'True',
          'RolloutCompleted',
          'RolloutCompleted',
          completedAt,
        ),
        condition(
          'Healthy',
          'True',
          'RolloutHealthy',
          'Rollout is healthy',
          completedAt,
        ),
        condition(
          'Paused',
          'False',
          'RolloutResumed',
          'Rollout is resumed',
          completedAt,
        ),
        condition(
          'Progressing',
          'True',
          'NewReplicaSetAvailable',
          `ReplicaSet "${rsName}" has successfully progressed.`,
          completedAt,
        ),
      ],
      currentPodHash: stable.podTemplateHash,
      currentStepHash: shortHash(10, JSON.stringify(steps)),
      currentStepIndex: steps.length,
      observedGeneration: String(current.id),
      phase: 'Healthy',
      readyReplicas: replicas,
      replicas,
      selector: Object.entries(selectorLabels(release))
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
      stableRS: stable.podTemplateHash,
      updatedReplicas: replicas,
    },
  };
  return {
    rollouts: [rollout],
    replicasets,
    pods,
    services: [serviceObject(release, cluster, createdAt)],
    horizontalpodautoscalers: [
      autoscalerObject(
        release,
        cluster,
        createdAt,
        { apiVersion: ROLLOUT_API_VERSION, kind: 'Rollout' },
        replicas,
      ),
    ],
  };
}
