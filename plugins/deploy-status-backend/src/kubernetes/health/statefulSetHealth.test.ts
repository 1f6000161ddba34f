import type { V1StatefulSet } from '@kubernetes/client-node';
import { ApiObject, statefulSets } from './__fixtures__';
import { statefulSetHealth } from './statefulSetHealth';

const health = (object: ApiObject) =>
  statefulSetHealth(object as unknown as V1StatefulSet);

describe('statefulSetHealth (gitops-engine health_statefulset.go)', () => {
  it('Progressing while the status has no observedGeneration yet', () => {
    expect(health(statefulSets.notObservedYet)).toEqual({
      health: 'Progressing',
      message: 'Waiting for statefulset spec update to be observed...',
    });
  });

  it('Progressing while the controller has not observed the current generation', () => {
    expect(health(statefulSets.generationNotObserved)).toEqual({
      health: 'Progressing',
      message: 'Waiting for statefulset spec update to be observed...',
    });
  });

  it('Progressing while fewer pods are ready than desired', () => {
    expect(health(statefulSets.podsNotReady)).toEqual({
      health: 'Progressing',
      message: 'Waiting for 2 pods to be ready...',
    });
  });

  it('Progressing while a partitioned rolling update has pods above the partition to update', () => {
    expect(health(statefulSets.partitionedRolloutInProgress)).toEqual({
      health: 'Progressing',
      message:
        'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...',
    });
  });

  it('Healthy once the pods above the partition are updated', () => {
    expect(health(statefulSets.partitionedRolloutDone)).toEqual({
      health: 'Healthy',
      message: 'partitioned roll out complete: 2 new pods have been updated...',
    });
  });

  it('Healthy with the default RollingUpdate (partition 0) once every pod is updated', () => {
    expect(health(statefulSets.healthy)).toEqual({
      health: 'Healthy',
      message: 'partitioned roll out complete: 3 new pods have been updated...',
    });
  });

  it('Healthy with OnDelete, whatever the revisions', () => {
    expect(health(statefulSets.onDelete)).toEqual({
      health: 'Healthy',
      message: 'statefulset has 3 ready pods',
    });
  });

  it('Progressing, without rollingUpdate, while the update revision is not current', () => {
    expect(health(statefulSets.rollingWithoutPartitionUpdating)).toEqual({
      health: 'Progressing',
      message:
        'waiting for statefulset rolling update to complete 1 pods at revision checkout-db-84b6d5c7f9...',
    });
  });

  it('Healthy, without rollingUpdate, once the update revision is current', () => {
    expect(health(statefulSets.rollingWithoutPartitionDone)).toEqual({
      health: 'Healthy',
      message:
        'statefulset rolling update complete 3 pods at revision checkout-db-6d8c9f7b5...',
    });
  });

  it('Progressing, never throwing, without any status', () => {
    const object = structuredClone(statefulSets.healthy);
    delete object.status;
    expect(health(object).health).toBe('Progressing');
  });

  it('Unknown, naming the field, when the partition is not a number', () => {
    const object = structuredClone(statefulSets.partitionedRolloutDone);
    object.spec.updateStrategy.rollingUpdate.partition = 'one';
    expect(health(object)).toEqual({
      health: 'Unknown',
      message:
        'failed to convert unstructured StatefulSet to typed: spec.updateStrategy.rollingUpdate.partition: expected an integer, got the string "one"',
    });
  });
});
