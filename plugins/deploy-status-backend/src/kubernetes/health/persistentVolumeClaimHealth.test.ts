import type { V1PersistentVolumeClaim } from '@kubernetes/client-node';
import { ApiObject, persistentVolumeClaims } from './__fixtures__';
import { persistentVolumeClaimHealth } from './persistentVolumeClaimHealth';

const health = (object: ApiObject) =>
  persistentVolumeClaimHealth(object as unknown as V1PersistentVolumeClaim);

describe('persistentVolumeClaimHealth (gitops-engine health_pvc.go)', () => {
  it('Healthy when Bound', () => {
    expect(health(persistentVolumeClaims.bound)).toEqual({ health: 'Healthy' });
  });

  it('Healthy when Bound, whatever its conditions (a pending resize)', () => {
    expect(health(persistentVolumeClaims.resizing)).toEqual({
      health: 'Healthy',
    });
  });

  it('Progressing when Pending (waiting for its first consumer)', () => {
    expect(health(persistentVolumeClaims.pendingWaitForFirstConsumer)).toEqual({
      health: 'Progressing',
    });
  });

  it('Degraded when Lost', () => {
    expect(health(persistentVolumeClaims.lost)).toEqual({ health: 'Degraded' });
  });

  it('Unknown without a phase', () => {
    const object = structuredClone(persistentVolumeClaims.bound);
    delete object.status;
    expect(health(object)).toEqual({ health: 'Unknown' });
  });

  it('Unknown, naming the field, when the phase is not a string', () => {
    const object = structuredClone(persistentVolumeClaims.bound);
    object.status.phase = ['Bound'];
    expect(health(object)).toEqual({
      health: 'Unknown',
      message:
        'failed to convert unstructured PersistentVolumeClaim to typed: status.phase: expected a string, got a list',
    });
  });
});
