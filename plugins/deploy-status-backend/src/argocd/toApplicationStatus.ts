import {
  ArgoCdApplicationStatus,
  DeployRecord,
  isHealth,
} from '@internal/plugin-deploy-status-common';
import { ArgoCdInstance, UpstreamError } from '@internal/upstream-node';

type Obj = Record<string, any>;

const HISTORY_SHOWN = 10;

const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown) =>
  typeof value === 'string' && value ? value : undefined;

/** `automated`, the user who synced, or undefined when Argo CD does not say. */
function initiator(initiatedBy: unknown): string | undefined {
  if (!isObject(initiatedBy)) {
    return undefined;
  }
  if (initiatedBy.automated) {
    return 'automated';
  }
  return text(initiatedBy.username);
}

/** Multi-source applications keep `revisions`; the first is the one that matters here. */
function revisionOf(entry: Obj | undefined): string | undefined {
  return text(entry?.revision) ?? text(entry?.revisions?.[0]);
}

function history(status: Obj): DeployRecord[] {
  const entries: unknown[] = Array.isArray(status.history)
    ? status.history
    : [];
  return entries
    .filter(isObject)
    .slice(-HISTORY_SHOWN)
    .reverse()
    .flatMap(entry => {
      const revision = revisionOf(entry);
      return revision
        ? [
            {
              revision,
              deployedAt: text(entry.deployedAt),
              initiatedBy: initiator(entry.initiatedBy),
            },
          ]
        : [];
    });
}

/**
 * What the deploy status shows of one Argo CD Application (argoproj.io/v1alpha1, as its REST API
 * returns it). An object without a name or status is not an Application: the instance's answer
 * is reported as unexpected rather than shown half-read.
 */
export function toApplicationStatus(
  app: unknown,
  instance: ArgoCdInstance,
): ArgoCdApplicationStatus {
  const name = isObject(app) ? text(app.metadata?.name) : undefined;
  if (!isObject(app) || !name || !isObject(app.spec)) {
    throw new UpstreamError(
      `Argo CD instance '${instance.name}' answered with an application that has no metadata.name or spec`,
      { failure: 'bad-answer' },
    );
  }
  const status: Obj = isObject(app.status) ? app.status : {};
  const health = status.health?.status;
  const operation = isObject(status.operationState)
    ? status.operationState
    : undefined;
  const namespace = text(app.metadata.namespace) ?? 'argocd';
  return {
    name,
    instance: instance.name,
    project: text(app.spec.project) ?? 'default',
    url: `${instance.url}/applications/${namespace}/${name}`,
    syncStatus: text(status.sync?.status) ?? 'Unknown',
    // A status Argo CD's model does not know is reported as Unknown, as Argo CD does.
    health: isHealth(health) ? health : 'Unknown',
    healthMessage: text(status.health?.message),
    revision:
      revisionOf(status.sync) ??
      text(status.sync?.revisions?.[0]) ??
      revisionOf(history(status)[0]),
    automated: isObject(app.spec.syncPolicy?.automated),
    operation: operation
      ? {
          phase: text(operation.phase) ?? 'Unknown',
          startedAt: text(operation.startedAt),
          finishedAt: text(operation.finishedAt),
          message: text(operation.message),
        }
      : undefined,
    history: history(status),
  };
}
