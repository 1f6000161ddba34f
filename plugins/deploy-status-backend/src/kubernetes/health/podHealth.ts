import type { V1Pod } from '@kubernetes/client-node';
import { IGNORE_RESTART_POLICY, isHook } from './argoAnnotations';
import { Fields } from './objectFields';
import { assessed, HealthVerdict, quoted, verdict } from './verdict';

/** Waiting reasons that do not pass by waiting (`ErrImagePull`, `CreateContainerError`, `CrashLoopBackOff`…). */
function isFailingWaitReason(reason: string): boolean {
  return (
    reason.startsWith('Err') ||
    reason.endsWith('Error') ||
    reason.endsWith('BackOff')
  );
}

/** Why a container of a failed pod failed (gitops-engine `getFailMessage`), or `''`. */
function failMessage(container: Fields): string {
  const terminated = container.object('state').optionalObject('terminated');
  if (!terminated) return '';
  const message = terminated.string('message');
  if (message) return message;
  if (terminated.string('reason') === 'OOMKilled') return 'OOMKilled';
  const exitCode = terminated.integer('exitCode');
  if (exitCode !== 0) {
    return `container ${quoted(
      container.string('name'),
    )} failed with exit code ${exitCode}`;
  }
  return '';
}

/**
 * A Pod's health by Argo CD (gitops-engine `health_pod.go`, with the
 * `argocd.argoproj.io/ignore-restart-policy` annotation as Argo CD documents it).
 *
 * A pod with restartPolicy Always is long-running: a container waiting for a reason that does not
 * pass by waiting (`Err…`, `…Error`, `…BackOff`) makes it Degraded, with the waiting messages;
 * running, it is Healthy once Ready, Degraded when not Ready and a container has terminated
 * before (`lastState.terminated`), otherwise Progressing. A pod with restartPolicy OnFailure or
 * Never runs to completion, like a Job (such pods are often resource hooks): Progressing while it
 * runs, whatever its containers do, Healthy once Succeeded. In every case Pending is Progressing,
 * Succeeded Healthy and Failed Degraded (with the pod's message, else the first failed
 * container's). The annotation `argocd.argoproj.io/ignore-restart-policy: "true"` assesses a
 * running OnFailure/Never pod as long-running, except a resource hook, whose completion is read
 * from its health.
 */
export function podHealth(pod: V1Pod): HealthVerdict {
  return assessed('failed to convert unstructured Pod to typed', () => {
    const object = Fields.of(pod);
    const annotations = object.object('metadata').stringMap('annotations');
    const spec = object.object('spec');
    const status = object.object('status');
    const restartPolicy = spec.string('restartPolicy');
    const phase = status.string('phase');
    const message = status.string('message');
    const containers = status.objects('containerStatuses');
    const initContainers = status.objects('initContainerStatuses');

    const longRunning =
      restartPolicy === 'Always' ||
      (phase === 'Running' &&
        annotations[IGNORE_RESTART_POLICY] === 'true' &&
        !isHook(annotations));

    if (longRunning) {
      const waitingMessages = containers.flatMap(container => {
        const waiting = container.object('state').optionalObject('waiting');
        return waiting && isFailingWaitReason(waiting.string('reason'))
          ? [waiting.string('message')]
          : [];
      });
      if (waitingMessages.length > 0) {
        return verdict('Degraded', waitingMessages.join(', '));
      }
    }

    switch (phase) {
      case 'Pending':
        return verdict('Progressing', message);
      case 'Succeeded':
        return verdict('Healthy', message);
      case 'Failed': {
        if (message) return verdict('Degraded', message);
        for (const container of [...initContainers, ...containers]) {
          const failure = failMessage(container);
          if (failure) return verdict('Degraded', failure);
        }
        return verdict('Degraded');
      }
      case 'Running': {
        if (longRunning) {
          const ready = status
            .objects('conditions')
            .find(condition => condition.string('type') === 'Ready');
          if (ready?.string('status') === 'True') {
            return verdict('Healthy', message);
          }
          const restarted = containers.some(
            container =>
              container.object('lastState').optionalObject('terminated') !==
              undefined,
          );
          return verdict(restarted ? 'Degraded' : 'Progressing', message);
        }
        if (restartPolicy === 'OnFailure' || restartPolicy === 'Never') {
          return verdict('Progressing', message);
        }
        return verdict(
          'Unknown',
          message ||
            (restartPolicy
              ? `spec.restartPolicy ${quoted(
                  restartPolicy,
                )} is none of Always, OnFailure, Never`
              : 'spec.restartPolicy is not set'),
        );
      }
      default:
        return verdict(
          'Unknown',
          message ||
            (phase
              ? `status.phase is ${quoted(phase)}`
              : 'status.phase is not set'),
        );
    }
  });
}
