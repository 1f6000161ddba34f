import type { V1DaemonSet } from '@kubernetes/client-node';
import { ApiObject, daemonSets } from './__fixtures__';
import { daemonSetHealth } from './daemonSetHealth';

const health = (object: ApiObject) =>
  daemonSetHealth(object as unknown as V1DaemonSet);

describe('daemonSetHealth (gitops-engine health_daemonset.go)', () => {
  it('Healthy when every scheduled pod is updated and available', () => {
    expect(health(daemonSets.healthy)).toEqual({ health: 'Healthy' });
  });

  it('Progressing while the controller has not observed the current generation', () => {
    expect(health(daemonSets.generationNotObserved)).toEqual({
      health: 'Progressing',
      message:
        'Waiting for rollout to finish: observed daemon set generation less than desired generation',
    });
  });

  it('Healthy with OnDelete, however many pods are updated', () => {
    expect(health(daemonSets.onDelete)).toEqual({
      health: 'Healthy',
      message: 'daemon set 1 out of 3 new pods have been updated',
    });
  });

  it('Progressing while fewer pods are updated than scheduled', () => {
    expect(health(daemonSets.updating)).toEqual({
      health: 'Progressing',
      message:
        'Waiting for daemon set "checkout-node-agent" rollout to finish: 1 out of 3 new pods have been updated...',
    });
  });

  it('Progressing while updated pods are not all available', () => {
    expect(health(daemonSets.updatedNotAvailable)).toEqual({
      health: 'Progressing',
      message:
        'Waiting for daemon set "checkout-node-agent" rollout to finish: 2 of 3 updated pods are available...',
    });
  });

  it('Unknown, naming the field, when a count is a string', () => {
    const object = structuredClone(daemonSets.healthy);
    object.status.numberAvailable = '3';
    expect(health(object)).toEqual({
      health: 'Unknown',
      message:
        'failed to convert unstructured DaemonSet to typed: status.numberAvailable: expected an integer, got the string "3"',
    });
  });
});
