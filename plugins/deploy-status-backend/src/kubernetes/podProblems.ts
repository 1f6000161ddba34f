import { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import { Health, PodProblem } from '@internal/plugin-deploy-status-common';

/** Waiting reasons that do not go away by waiting: the pod needs a fix. */
const FAILING_WAIT_REASONS = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);

/** Reasons that make an environment Degraded (the others, like Pending, are Progressing). */
export const DEGRADING_REASONS = new Set([
  ...FAILING_WAIT_REASONS,
  'OOMKilled',
  'Failed',
  'Evicted',
]);

export function podProblemHealth(problem: PodProblem): Health {
  return DEGRADING_REASONS.has(problem.reason) ? 'Degraded' : 'Progressing';
}

function containers(pod: V1Pod): V1ContainerStatus[] {
  return [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
}

export function restartsOf(pod: V1Pod): number {
  return (pod.status?.containerStatuses ?? []).reduce(
    (sum, c) => sum + (c.restartCount ?? 0),
    0,
  );
}

export function isPodReady(pod: V1Pod): boolean {
  return (
    pod.status?.phase === 'Running' &&
    (pod.status.conditions ?? []).some(
      c => c.type === 'Ready' && c.status === 'True',
    )
  );
}

/** The first container problem Kubernetes reports, the way `kubectl get pods` shows it. */
function containerProblem(
  pod: V1Pod,
): { reason: string; message?: string } | undefined {
  for (const container of containers(pod)) {
    const waiting = container.state?.waiting;
    const lastTerminated = container.lastState?.terminated;
    if (waiting?.reason && FAILING_WAIT_REASONS.has(waiting.reason)) {
      // A crash loop whose last run ran out of memory is best named by that.
      if (
        waiting.reason === 'CrashLoopBackOff' &&
        lastTerminated?.reason === 'OOMKilled'
      ) {
        return {
          reason: 'OOMKilled',
          message: `container ${container.name} ran out of memory and is restarted with back-off`,
        };
      }
      return {
        reason: waiting.reason,
        message: waiting.message ?? `container ${container.name}`,
      };
    }
    if (container.state?.terminated?.reason === 'OOMKilled') {
      return {
        reason: 'OOMKilled',
        message: `container ${container.name} ran out of memory`,
      };
    }
  }
  return undefined;
}

/**
 * Why a pod is not serving, or undefined when it is ready (or done: Succeeded pods of jobs).
 * Reasons: CrashLoopBackOff, ImagePullBackOff, ErrImagePull, OOMKilled, CreateContainerConfigError…
 * (from the containers), Pending (not scheduled or still starting), Failed/Evicted, NotReady
 * (running, but its readiness probe fails).
 */
export function podProblem(pod: V1Pod): PodProblem | undefined {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || isPodReady(pod)) {
    return undefined;
  }
  const base = {
    name: pod.metadata?.name ?? '',
    namespace: pod.metadata?.namespace ?? '',
    restarts: restartsOf(pod),
  };
  const fromContainers = containerProblem(pod);
  if (fromContainers) {
    return { ...base, ...fromContainers };
  }
  if (phase === 'Failed') {
    return {
      ...base,
      reason: pod.status?.reason === 'Evicted' ? 'Evicted' : 'Failed',
      message: pod.status?.message,
    };
  }
  if (phase === 'Pending' || phase === undefined) {
    const unscheduled = pod.status?.conditions?.find(
      c => c.type === 'PodScheduled' && c.status === 'False',
    );
    const waiting = containers(pod).find(c => c.state?.waiting)?.state?.waiting;
    return {
      ...base,
      reason: 'Pending',
      message: unscheduled?.message ?? waiting?.reason ?? 'waiting to start',
    };
  }
  const notReady = pod.status?.conditions?.find(c => c.type === 'Ready');
  return {
    ...base,
    reason: 'NotReady',
    message: notReady?.message ?? 'readiness probe not passing',
  };
}
