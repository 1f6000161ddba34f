import type { V1Job } from '@kubernetes/client-node';
import { ApiObject, jobs } from './__fixtures__';
import { jobHealth } from './jobHealth';

const health = (object: ApiObject) => jobHealth(object as unknown as V1Job);

describe('jobHealth (gitops-engine health_job.go)', () => {
  it('Progressing while no Complete, Failed or Suspended condition is there', () => {
    expect(health(jobs.running)).toEqual({ health: 'Progressing' });
  });

  it('Healthy with a Complete condition, with its message', () => {
    expect(health(jobs.complete)).toEqual({
      health: 'Healthy',
      message: 'Reached expected number of succeeded pods',
    });
  });

  it('Degraded with a Failed condition, with its message', () => {
    expect(health(jobs.failed)).toEqual({
      health: 'Degraded',
      message: 'Job has reached the specified backoff limit',
    });
  });

  it('Suspended with a Suspended condition that is True', () => {
    expect(health(jobs.suspended)).toEqual({ health: 'Suspended' });
  });

  it('Suspended when spec.suspend is true before the controller adds its condition (documented rule)', () => {
    expect(health(jobs.suspendRequested)).toEqual({ health: 'Suspended' });
  });

  it('Healthy when resumed (a Suspended condition that is False ends the assessment, as in gitops-engine)', () => {
    expect(health(jobs.resumed)).toEqual({
      health: 'Healthy',
      message: 'Job resumed',
    });
  });

  it('Degraded when Failed even if also Complete (Failed wins)', () => {
    const object = structuredClone(jobs.failed);
    object.status.conditions.push(
      structuredClone(jobs.complete.status.conditions[1]),
    );
    expect(health(object).health).toBe('Degraded');
  });

  it('Progressing, never throwing, without any status', () => {
    const object = structuredClone(jobs.running);
    delete object.status;
    expect(health(object)).toEqual({ health: 'Progressing' });
  });

  it('Unknown, naming the field, when spec.suspend is a string', () => {
    const object = structuredClone(jobs.suspendRequested);
    object.spec.suspend = 'true';
    expect(health(object)).toEqual({
      health: 'Unknown',
      message:
        'failed to convert unstructured Job to typed: spec.suspend: expected true or false, got the string "true"',
    });
  });
});
