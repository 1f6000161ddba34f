import type { V1Deployment } from '@kubernetes/client-node';
import { Fields } from './objectFields';
import { assessed, HealthVerdict, quoted, verdict } from './verdict';

/**
 * A Deployment's health by Argo CD (gitops-engine `health_deployment.go`, itself
 * `kubectl rollout status`): paused is Suspended; until the controller has observed the current
 * generation it is Progressing; a Progressing condition with reason ProgressDeadlineExceeded is
 * Degraded; otherwise it is Progressing until every desired replica is updated, no old replica
 * is left and every updated replica is available.
 */
export function deploymentHealth(deployment: V1Deployment): HealthVerdict {
  return assessed('failed to convert unstructured Deployment to typed', () => {
    const object = Fields.of(deployment);
    const metadata = object.object('metadata');
    const spec = object.object('spec');
    const status = object.object('status');

    if (spec.boolean('paused')) {
      return verdict('Suspended', 'Deployment is paused');
    }
    if (metadata.integer('generation') > status.integer('observedGeneration')) {
      return verdict(
        'Progressing',
        'Waiting for rollout to finish: observed deployment generation less than desired generation',
      );
    }
    const progressing = status
      .objects('conditions')
      .find(condition => condition.string('type') === 'Progressing');
    if (progressing?.string('reason') === 'ProgressDeadlineExceeded') {
      return verdict(
        'Degraded',
        `Deployment ${quoted(
          metadata.string('name'),
        )} exceeded its progress deadline`,
      );
    }
    const desired = spec.optionalInteger('replicas');
    const replicas = status.integer('replicas');
    const updated = status.integer('updatedReplicas');
    const available = status.integer('availableReplicas');
    if (desired !== undefined && updated < desired) {
      return verdict(
        'Progressing',
        `Waiting for rollout to finish: ${updated} out of ${desired} new replicas have been updated...`,
      );
    }
    if (replicas > updated) {
      return verdict(
        'Progressing',
        `Waiting for rollout to finish: ${
          replicas - updated
        } old replicas are pending termination...`,
      );
    }
    if (available < updated) {
      return verdict(
        'Progressing',
        `Waiting for rollout to finish: ${available} of ${updated} updated replicas are available...`,
      );
    }
    return verdict('Healthy');
  });
}
