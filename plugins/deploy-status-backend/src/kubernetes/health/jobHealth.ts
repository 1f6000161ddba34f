import type { V1Job } from '@kubernetes/client-node';
import { Fields } from './objectFields';
import { assessed, HealthVerdict, verdict } from './verdict';

/**
 * A Job's health by Argo CD (gitops-engine `health_job.go`), from its conditions: a Failed
 * condition is Degraded (its message); a Complete condition is Healthy; a Suspended condition
 * that is True is Suspended. Without any of them the Job is still running: Progressing, except
 * that a Job whose `spec.suspend` is true is Suspended, as Argo CD documents it, before the
 * controller has added its Suspended condition. Like gitops-engine, a Failed or Complete
 * condition counts whatever its status, and a Suspended condition that is False (a resumed Job)
 * counts as finished, hence Healthy.
 */
export function jobHealth(job: V1Job): HealthVerdict {
  return assessed('failed to convert unstructured Job to typed', () => {
    const object = Fields.of(job);
    const spec = object.object('spec');
    const status = object.object('status');

    let failed = false;
    let failMessage = '';
    let complete = false;
    let message = '';
    let suspended = false;
    for (const condition of status.objects('conditions')) {
      switch (condition.string('type')) {
        case 'Failed':
          failed = true;
          complete = true;
          failMessage = condition.string('message');
          break;
        case 'Complete':
          complete = true;
          message = condition.string('message');
          break;
        case 'Suspended':
          complete = true;
          message = condition.string('message');
          if (condition.string('status') === 'True') suspended = true;
          break;
        default:
      }
    }
    if (!complete) {
      if (spec.boolean('suspend')) return verdict('Suspended');
      return verdict('Progressing', message);
    }
    if (failed) return verdict('Degraded', failMessage);
    // gitops-engine gives a suspended Job the (always empty) failure message here.
    if (suspended) return verdict('Suspended', failMessage);
    return verdict('Healthy', message);
  });
}
