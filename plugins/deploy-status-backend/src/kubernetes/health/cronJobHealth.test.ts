import type { V1CronJob } from '@kubernetes/client-node';
import { ApiObject, cronJobs } from './__fixtures__';
import { cronJobHealth } from './cronJobHealth';

const health = (object: ApiObject) =>
  cronJobHealth(object as unknown as V1CronJob);

describe('cronJobHealth (Argo CD resource_customizations/batch/CronJob/health.lua)', () => {
  it('Healthy when it never ran (no lastScheduleTime)', () => {
    expect(health(cronJobs.neverRun)).toEqual({
      health: 'Healthy',
      message: 'CronJob has never run',
    });
  });

  it('Progressing while the last scheduled Job runs (active Jobs)', () => {
    expect(health(cronJobs.running)).toEqual({
      health: 'Progressing',
      message: 'CronJob has active jobs',
    });
  });

  it('Healthy when the last successful run is after the last schedule', () => {
    expect(health(cronJobs.lastRunSucceeded)).toEqual({
      health: 'Healthy',
      message: 'CronJob has run successfully',
    });
  });

  it('Degraded when the last scheduled Job failed (last success before the last schedule)', () => {
    expect(health(cronJobs.lastRunFailed)).toEqual({
      health: 'Degraded',
      message: 'CronJob has not run successfully',
    });
  });

  it('Degraded when scheduled but never successful', () => {
    expect(health(cronJobs.neverSucceeded)).toEqual({
      health: 'Degraded',
      message: 'CronJob has not run successfully',
    });
  });

  it('Degraded when the last success is at the very second of the schedule (strictly before, as the Lua compares)', () => {
    const object = structuredClone(cronJobs.lastRunSucceeded);
    object.status.lastSuccessfulTime = object.status.lastScheduleTime;
    expect(health(object).health).toBe('Degraded');
  });

  it('suspension is not assessed: a suspended CronJob that never ran is Healthy', () => {
    expect(health(cronJobs.suspended)).toEqual({
      health: 'Healthy',
      message: 'CronJob has never run',
    });
  });

  it('reads times deserialized as Date objects too', () => {
    const object = structuredClone(cronJobs.lastRunFailed);
    object.status.lastScheduleTime = new Date(object.status.lastScheduleTime);
    object.status.lastSuccessfulTime = new Date(
      object.status.lastSuccessfulTime,
    );
    expect(health(object).health).toBe('Degraded');
  });

  describe('malformed objects never throw', () => {
    it('Unknown when status is missing (the Lua check indexes it)', () => {
      const object = structuredClone(cronJobs.neverRun);
      delete object.status;
      expect(health(object)).toEqual({
        health: 'Unknown',
        message:
          'failed to run the batch/CronJob health check: status: expected an object, got nothing',
      });
    });

    it('Unknown, naming the field, when a time is not RFC 3339 UTC', () => {
      const object = structuredClone(cronJobs.lastRunSucceeded);
      object.status.lastScheduleTime = 'yesterday';
      expect(health(object)).toEqual({
        health: 'Unknown',
        message:
          'failed to run the batch/CronJob health check: status.lastScheduleTime: expected a time like 2024-01-31T12:00:00Z, got the string "yesterday"',
      });
    });

    it('Unknown, naming the field, when active is not a list', () => {
      const object = structuredClone(cronJobs.running);
      object.status.active = 1;
      expect(health(object)).toEqual({
        health: 'Unknown',
        message:
          'failed to run the batch/CronJob health check: status.active: expected a list, got number 1',
      });
    });
  });
});
