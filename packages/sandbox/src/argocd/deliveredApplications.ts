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
 * The application of a pushed project in the first environment, as automated sync moves it: from
 * the push until its pipeline has finished, OutOfSync (health Missing); then Syncing (an operation
 * running); then Synced with health Progressing while the rollout runs; then Healthy.
 */
export function deliveredApplication(
  delivery: Delivery,
  environment: ExampleEnvironment,
  nowMs: number,
): Record<string, any> {
  const syncedAt = syncedAtOf(delivery);
  const release = deliveredRelease(delivery, environment);
  const app = argocdApplication(release, environment.clusters[0], nowMs);
  const status = app.status;
  if (nowMs < syncedAt) {
    status.sync = {
      ...status.sync,
      status: 'OutOfSync',
      revision: delivery.sha,
    };
    status.health = { status: 'Missing' };
    status.history = [];
    status.resources = status.resources.map((r: any) => ({
      ...r,
      status: 'OutOfSync',
      health: { status: 'Missing' },
    }));
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
