import type { V1StatefulSet } from '@kubernetes/client-node';
import { Fields } from './objectFields';
import { assessed, HealthVerdict, verdict } from './verdict';

/**
 * A StatefulSet's health by Argo CD (gitops-engine `health_statefulset.go`): Progressing until
 * the controller has observed the current generation and every desired pod is ready. Then, with
 * a RollingUpdate strategy that has `rollingUpdate` set (the API server always sets it), Healthy
 * once the pods above the partition are updated; with OnDelete, Healthy; otherwise Healthy once
 * the current revision is the update revision.
 */
export function statefulSetHealth(set: V1StatefulSet): HealthVerdict {
  return assessed('failed to convert unstructured StatefulSet to typed', () => {
    const object = Fields.of(set);
    const metadata = object.object('metadata');
    const spec = object.object('spec');
    const status = object.object('status');

    const observed = status.integer('observedGeneration');
    if (observed === 0 || metadata.integer('generation') > observed) {
      return verdict(
        'Progressing',
        'Waiting for statefulset spec update to be observed...',
      );
    }
    const desired = spec.optionalInteger('replicas');
    const ready = status.integer('readyReplicas');
    if (desired !== undefined && ready < desired) {
      return verdict(
        'Progressing',
        `Waiting for ${desired - ready} pods to be ready...`,
      );
    }
    const strategy = spec.object('updateStrategy');
    const updated = status.integer('updatedReplicas');
    const rollingUpdate = strategy.optionalObject('rollingUpdate');
    if (strategy.string('type') === 'RollingUpdate' && rollingUpdate) {
      const partition = rollingUpdate.optionalInteger('partition');
      if (desired !== undefined && partition !== undefined) {
        if (updated < desired - partition) {
          return verdict(
            'Progressing',
            `Waiting for partitioned roll out to finish: ${updated} out of ${
              desired - partition
            } new pods have been updated...`,
          );
        }
      }
      return verdict(
        'Healthy',
        `partitioned roll out complete: ${updated} new pods have been updated...`,
      );
    }
    if (strategy.string('type') === 'OnDelete') {
      return verdict('Healthy', `statefulset has ${ready} ready pods`);
    }
    const updateRevision = status.string('updateRevision');
    const currentRevision = status.string('currentRevision');
    if (updateRevision !== currentRevision) {
      return verdict(
        'Progressing',
        `waiting for statefulset rolling update to complete ${updated} pods at revision ${updateRevision}...`,
      );
    }
    return verdict(
      'Healthy',
      `statefulset rolling update complete ${status.integer(
        'currentReplicas',
      )} pods at revision ${currentRevision}...`,
    );
  });
}
