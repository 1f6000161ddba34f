import { KubernetesObject } from '@internal/upstream-node';
import {
  ReplicaCounts,
  ResourceStatus,
} from '@internal/plugin-deploy-status-common';
import { resourceHealth } from './health';

const count = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

/** Replica counts where the kind has them, read as `kubectl get` shows them. */
function replicasOf(object: KubernetesObject): ReplicaCounts | undefined {
  const spec = object.spec ?? {};
  const status = object.status ?? {};
  switch (object.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet':
    case 'Rollout':
      return {
        desired: typeof spec.replicas === 'number' ? spec.replicas : 1,
        ready: count(status.readyReplicas),
        available: count(status.availableReplicas),
        updated: count(status.updatedReplicas),
      };
    case 'DaemonSet':
      return {
        desired: count(status.desiredNumberScheduled),
        ready: count(status.numberReady),
        available: count(status.numberAvailable),
        updated: count(status.updatedNumberScheduled),
      };
    default:
      return undefined;
  }
}

function scalingOf(object: KubernetesObject): ResourceStatus['scaling'] {
  if (object.kind !== 'HorizontalPodAutoscaler') {
    return undefined;
  }
  return {
    current: count(object.status?.currentReplicas),
    desired: count(object.status?.desiredReplicas),
    min:
      typeof object.spec?.minReplicas === 'number'
        ? object.spec.minReplicas
        : undefined,
    max: count(object.spec?.maxReplicas),
  };
}

/** One object as the deploy status shows it: Argo CD's verdict and the counts people look for. */
export function resourceStatusOf(object: KubernetesObject): ResourceStatus {
  const verdict = resourceHealth(object as any);
  return {
    kind: object.kind,
    name: String(object.metadata?.name ?? ''),
    namespace: String(object.metadata?.namespace ?? ''),
    ...(verdict && { health: verdict.health }),
    ...(verdict?.message && { message: verdict.message }),
    ...(replicasOf(object) && { replicas: replicasOf(object) }),
    ...(scalingOf(object) && { scaling: scalingOf(object) }),
  };
}

/**
 * Whether another object controls this one (a Deployment's ReplicaSet, a ReplicaSet's pod, a
 * CronJob's Job). Argo CD's application health counts the objects in git, never their children;
 * so does the portal.
 */
export function isControlled(object: KubernetesObject): boolean {
  return (object.metadata?.ownerReferences ?? []).some(
    owner => owner?.controller === true,
  );
}
