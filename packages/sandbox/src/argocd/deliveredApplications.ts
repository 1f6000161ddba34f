import { Delivery } from '../gitlab/gitlabApi';
import {
  ROLLOUT_MS,
  deliveredRelease,
  syncedAt as syncedAtOf,
} from '../world/deliveredRelease';
import { ExampleEnvironment } from '../world/readExamples';
import { argocdApplication } from './argocdApplications';

const iso = (ms: number) =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The application of a pushed project in the delivery environment, as automated sync moves it: from
 * the push until its pipeline has finished, OutOfSync (health Missing on a first push; on a later
 * one the previous revision keeps running, Healthy); then Syncing (an operation running); then
 * Synced with health Progressing while the rollout runs; then Healthy. Its history keeps every
 * synced push.
 */
export function deliveredApplication(
  delivery: Delivery,
  environment: ExampleEnvironment,
  nowMs: number,
): Record<string, any> {
  const syncedAt = syncedAtOf(delivery);
  const release = deliveredRelease(delivery, environment, nowMs);
  const firstPush = delivery.earlier.length === 0;
  const app = argocdApplication(release, environment.clusters[0], nowMs);
  const status = app.status;
  if (nowMs < syncedAt) {
    status.sync = {
      ...status.sync,
      status: 'OutOfSync',
      revision: delivery.sha,
    };
    status.resources = status.resources.map((r: any) => ({
      ...r,
      status: 'OutOfSync',
      ...(firstPush ? { health: { status: 'Missing' } } : {}),
    }));
    if (firstPush) {
      status.health = { status: 'Missing' };
      status.history = [];
    }
    if (nowMs >= delivery.readyAt) {
      status.operationState = {
        ...status.operationState,
        phase: 'Running',
        message: 'one or more tasks are running',
        startedAt: iso(delivery.readyAt),
      };
      delete status.operationState.finishedAt;
    } else {
      delete status.operationState;
    }
  } else if (nowMs < syncedAt + ROLLOUT_MS) {
    status.health = {
      status: 'Progressing',
      lastTransitionTime: iso(syncedAt),
    };
    status.resources = status.resources.map((r: any) =>
      r.kind === 'Deployment'
        ? {
            ...r,
            health: {
              status: 'Progressing',
              message:
                'Waiting for rollout to finish: 0 of 1 updated replicas are available...',
            },
          }
        : r,
    );
  } else {
    status.health = {
      status: 'Healthy',
      lastTransitionTime: iso(syncedAt + ROLLOUT_MS),
    };
  }
  return app;
}
