import type { V1ReplicaSet } from '@kubernetes/client-node';
import { Fields } from './objectFields';
import { assessed, HealthVerdict, verdict } from './verdict';

/**
 * A ReplicaSet's health by Argo CD (gitops-engine `health_replicaset.go`): Progressing until the
 * controller has observed the current generation; Degraded with a ReplicaFailure condition that
 * is True (pods cannot be created, e.g. a quota); Progressing until every desired replica is
 * available; otherwise Healthy.
 */
export function replicaSetHealth(replicaSet: V1ReplicaSet): HealthVerdict {
  return assessed('failed to convert unstructured ReplicaSet to typed', () => {
    const object = Fields.of(replicaSet);
    const metadata = object.object('metadata');
    const spec = object.object('spec');
    const status = object.object('status');

    if (metadata.integer('generation') > status.integer('observedGeneration')) {
      return verdict(
        'Progressing',
        'Waiting for rollout to finish: observed replica set generation less than desired generation',
      );
    }
    const failure = status
      .objects('conditions')
      .find(condition => condition.string('type') === 'ReplicaFailure');
    if (failure && failure.string('status') === 'True') {
      return verdict('Degraded', failure.string('message'));
    }
    const desired = spec.optionalInteger('replicas');
    const available = status.integer('availableReplicas');
    if (desired !== undefined && available < desired) {
      return verdict(
        'Progressing',
        `Waiting for rollout to finish: ${available} out of ${desired} new replicas are available...`,
      );
    }
    return verdict('Healthy');
  });
}
