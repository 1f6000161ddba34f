import { stringifyEntityRef } from '@backstage/catalog-model';
import { EnvironmentEntity } from '@internal/catalog-model-platform';
import {
  ArgoCdApplicationStatus,
  SourceResult,
} from '@internal/plugin-deploy-status-common';
import { ArgoCdInstance, UpstreamService } from '@internal/upstream-node';
import { Selection } from '../service/annotationSelectors';
import { toApplicationStatus } from './toApplicationStatus';

export type ArgoResult = SourceResult<{
  applications: ArgoCdApplicationStatus[];
}>;

/**
 * The Argo CD instance and project an environment is deployed with, or why it has none: the same
 * words for one entity and for the catalog-wide view.
 */
export function argocdOfEnvironment(
  env: EnvironmentEntity,
  instances: ArgoCdInstance[],
): Selection<{ instance: ArgoCdInstance; project: string }> {
  const envRef = stringifyEntityRef(env);
  if (!env.spec.argocd) {
    return {
      state: 'not-configured',
      message: `${envRef} is deployed without Argo CD (it names no spec.argocd)`,
    };
  }
  const { instance: instanceName, project } = env.spec.argocd;
  const instance = instances.find(i => i.name === instanceName);
  if (!instance) {
    return {
      state: 'not-configured',
      message: `Argo CD instance '${instanceName}' of ${envRef} is not in argocd.appLocatorMethods`,
    };
  }
  return { state: 'ok', value: { instance, project } };
}

/**
 * A service's application found by name (`argocd/app-name`), or none: one in another project is
 * another team's application of the same name, not this service's.
 */
export function namedApplication(
  app: ArgoCdApplicationStatus | null,
  lookup: {
    name: string;
    instance: ArgoCdInstance;
    project: string;
    env: EnvironmentEntity;
  },
): ArgoResult {
  const { name, instance, project, env } = lookup;
  if (app && app.project !== project) {
    return {
      state: 'not-configured',
      message: `Argo CD application '${name}' on instance '${
        instance.name
      }' is in project '${
        app.project
      }', not in '${project}' of ${stringifyEntityRef(
        env,
      )}; it is not shown as this service's`,
    };
  }
  return { state: 'ok', data: { applications: app ? [app] : [] } };
}

/** The applications a selector found, those of the environment's project only. */
export function selectedApplications(
  items: unknown[],
  instance: ArgoCdInstance,
  project: string,
): ArgoCdApplicationStatus[] {
  return items
    .map(item => toApplicationStatus(item, instance))
    .filter(app => app.project === project);
}

/**
 * The application of `argocd/app-name` (null when the instance has none of that name), through
 * the shared cache; `onRequest` is called when it is asked for rather than found cached.
 */
export function readNamedApplication(
  upstream: UpstreamService,
  ttlSeconds: number,
  lookup: { instance: ArgoCdInstance; name: string; appNamespace?: string },
  onRequest?: () => void,
): Promise<ArgoCdApplicationStatus | null> {
  const { instance, name, appNamespace } = lookup;
  return upstream.cache.get(
    `argocd:${instance.name}:app:${appNamespace ?? ''}:${name}`,
    ttlSeconds,
    async () => {
      onRequest?.();
      const app = await upstream.argocd.getApplication(
        instance,
        name,
        appNamespace,
      );
      return app ? toApplicationStatus(app, instance) : null;
    },
  );
}

/** The applications of `argocd/app-selector` in the environment's project, through the shared cache. */
export function readSelectedApplications(
  upstream: UpstreamService,
  ttlSeconds: number,
  lookup: {
    instance: ArgoCdInstance;
    selector: string;
    project: string;
    appNamespace?: string;
  },
  onRequest?: () => void,
): Promise<ArgoCdApplicationStatus[]> {
  const { instance } = lookup;
  const list = {
    selector: lookup.selector,
    project: lookup.project,
    appNamespace: lookup.appNamespace,
  };
  return upstream.cache.get(
    `argocd:${instance.name}:${JSON.stringify(list)}`,
    ttlSeconds,
    async () => {
      onRequest?.();
      return selectedApplications(
        await upstream.argocd.listApplications(instance, list),
        instance,
        list.project,
      );
    },
  );
}
