import type { V1ReplicaSet } from '@kubernetes/client-node';
import { ApiObject, replicaSets } from './__fixtures__';
import { replicaSetHealth } from './replicaSetHealth';

const health = (object: ApiObject) =>
  replicaSetHealth(object as unknown as V1ReplicaSet);

describe('replicaSetHealth (gitops-engine health_replicaset.go)', () => {
  it('Healthy when every desired replica is available', () => {
    expect(health(replicaSets.healthy)).toEqual({ health: 'Healthy' });
  });

  it('Progressing while the controller has not observed the current generation', () => {
    expect(health(replicaSets.generationNotObserved)).toEqual({
      health: 'Progressing',
      message:
        'Waiting for rollout to finish: observed replica set generation less than desired generation',
    });
  });

  it('Degraded with a ReplicaFailure condition that is True, with its message', () => {
    expect(health(replicaSets.replicaFailure)).toEqual({
      health: 'Degraded',
      message: replicaSets.replicaFailure.status.conditions[0].message,
    });
  });

  it('Progressing while fewer replicas are available than desired', () => {
    expect(health(replicaSets.notAllAvailable)).toEqual({
      health: 'Progressing',
      message:
        'Waiting for rollout to finish: 1 out of 3 new replicas are available...',
    });
  });

  it('Healthy again when the ReplicaFailure condition is False', () => {
    const object = structuredClone(replicaSets.replicaFailure);
    object.status.conditions[0].status = 'False';
    object.status.availableReplicas = 3;
    expect(health(object)).toEqual({ health: 'Healthy' });
  });

  it('Unknown, naming the item, when a condition is not an object', () => {
    const object = structuredClone(replicaSets.healthy);
    object.status.conditions = ['ReplicaFailure'];
    expect(health(object)).toEqual({
      health: 'Unknown',
      message:
        'failed to convert unstructured ReplicaSet to typed: status.conditions[0]: expected an object, got the string "ReplicaFailure"',
    });
  });
});
