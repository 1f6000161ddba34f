import type { V1CronJob } from '@kubernetes/client-node';
import { Fields, MalformedField } from './objectFields';
import { assessed, HealthVerdict, verdict } from './verdict';

/** How the Lua check reads a time: `string.match(t, "(%d+)-(%d+)-(%d+)T(%d+):(%d+):(%d+)Z")`. */
const TIME = /(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)Z/;

/** A time of the status in milliseconds (whole seconds, as the Lua check reads it). */
function timeOf(status: Fields, key: string): number | undefined {
  const value = status.raw(key);
  if (value === undefined) return undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return Math.floor(value.getTime() / 1000) * 1000;
  }
  const match = typeof value === 'string' ? TIME.exec(value) : null;
  if (!match) {
    throw new MalformedField(
      status.pathOf(key),
      'a time like 2024-01-31T12:00:00Z',
      value,
    );
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/**
 * A CronJob's health by the check Argo CD ships for `batch/CronJob`
 * (`resource_customizations/batch/CronJob/health.lua`; documented: "Degraded if the last
 * scheduled job failed, Progressing if it is running"): Progressing while it has active Jobs;
 * Healthy when it was never scheduled; Healthy when its last successful run is later than its
 * last schedule; otherwise (the last scheduled Job has not succeeded, or no Job ever did)
 * Degraded. A CronJob without `status` (the API server always sends one) makes the Lua check
 * fail, hence Unknown.
 */
export function cronJobHealth(cronJob: V1CronJob): HealthVerdict {
  return assessed('failed to run the batch/CronJob health check', () => {
    const object = Fields.of(cronJob);
    if (!object.has('status')) {
      throw new MalformedField('status', 'an object', object.raw('status'));
    }
    const status = object.object('status');
    const lastSchedule = timeOf(status, 'lastScheduleTime');
    const lastSuccess = timeOf(status, 'lastSuccessfulTime');
    const active = status.optionalList('active');

    if (active && active.length > 0) {
      return verdict('Progressing', 'CronJob has active jobs');
    }
    if (lastSchedule === undefined) {
      return verdict('Healthy', 'CronJob has never run');
    }
    if (lastSuccess !== undefined && lastSchedule < lastSuccess) {
      return verdict('Healthy', 'CronJob has run successfully');
    }
    return verdict('Degraded', 'CronJob has not run successfully');
  });
}
