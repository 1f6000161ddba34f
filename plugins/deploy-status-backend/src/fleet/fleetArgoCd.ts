import { SourceResult } from '@internal/plugin-deploy-status-common';
import {
  ArgoCdApplication,
  ArgoCdInstance,
  singleEqualityTerm,
  UpstreamService,
} from '@internal/upstream-node';
import pLimit from 'p-limit';
import {
  ArgoResult,
  argocdOfEnvironment,
  namedApplication,
  readNamedApplication,
  readSelectedApplications,
  selectedApplications,
} from '../argocd/environmentApplications';
import { toApplicationStatus } from '../argocd/toApplicationStatus';
import { settle } from '../service/settle';
import { FleetPair } from './FleetPair';
import { FleetRequestCounter } from './FleetRequestCounter';

/** Services asked about alone at once (selectors the project lists cannot answer). */
const ALONE_CONCURRENCY = 8;

/** Argo CD's default control-plane namespace: where an application found by name alone lives. */
const CONTROL_PLANE_NAMESPACE = 'argocd';

/** One project's applications, indexed on first use by name and by the label keys asked for. */
class ProjectApplications {
  private byName?: Map<string, ArgoCdApplication[]>;
  private readonly byLabel = new Map<
    string,
    Map<string, ArgoCdApplication[]>
  >();

  constructor(private readonly items: ArgoCdApplication[]) {}

  named(name: string): ArgoCdApplication[] {
    this.byName ??= groupBy(this.items, app => app?.metadata?.name);
    return this.byName.get(name) ?? [];
  }

  labelled(key: string, value: string): ArgoCdApplication[] {
    let index = this.byLabel.get(key);
    if (!index) {
      index = groupBy(this.items, app => app?.metadata?.labels?.[key]);
      this.byLabel.set(key, index);
    }
    return index.get(value) ?? [];
  }
}

function groupBy<T>(
  items: T[],
  keyOf: (item: T) => string | undefined,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (typeof key !== 'string') continue;
    const group = groups.get(key);
    if (group) {
      group.push(item);
    } else {
      groups.set(key, [item]);
    }
  }
  return groups;
}

/**
 * Every service's Argo CD applications in each of its environments, from one list per instance ×
 * project (× app namespace) the environments name, matched here: by `argocd/app-name`, or by an
 * `argocd/app-selector` of one `key=value` term. Those answer the same as the per-entity read
 * (`DeployStatusService`). Any other selector, and a name the list does not settle (absent, or
 * in several namespaces), is asked alone, as the per-entity read asks it (through its cache).
 */
export async function readFleetArgoCd(options: {
  upstream: UpstreamService;
  counter: FleetRequestCounter;
  /** The per-entity reads' cache time: services asked alone share their cached answers. */
  ttlSeconds: number;
  pairs: FleetPair[];
}): Promise<ArgoResult[]> {
  const { upstream, counter, pairs, ttlSeconds } = options;
  const countAlone = () => {
    counter.alone += 1;
  };
  const projects = new Map<
    string,
    Promise<SourceResult<ProjectApplications>>
  >();
  const alone = pLimit(ALONE_CONCURRENCY);

  const projectOf = (
    instance: ArgoCdInstance,
    project: string,
    appNamespace?: string,
  ) => {
    const key = JSON.stringify([instance.name, project, appNamespace ?? '']);
    let list = projects.get(key);
    if (!list) {
      list = settle(async () => {
        counter.argocd += 1;
        return new ProjectApplications(
          await upstream.argocd.listProjectApplications(
            instance,
            project,
            appNamespace,
          ),
        );
      });
      projects.set(key, list);
    }
    return list;
  };

  return Promise.all(
    pairs.map(async ({ argocd: selection, env }): Promise<ArgoResult> => {
      if (selection.state !== 'ok') {
        return selection;
      }
      const target = argocdOfEnvironment(env, upstream.argocdInstances);
      if (target.state !== 'ok') {
        return target;
      }
      const { instance, project } = target.value;
      const { name, selector, appNamespace } = selection.value;

      if (name) {
        const lookup = { name, instance, project, env };
        const list = await projectOf(instance, project, appNamespace);
        if (list.state !== 'ok') {
          return list;
        }
        const candidates = list.data
          .named(name)
          .filter(
            app =>
              appNamespace !== undefined ||
              [undefined, CONTROL_PLANE_NAMESPACE].includes(
                (app.metadata as { namespace?: string }).namespace,
              ),
          );
        if (candidates.length === 1) {
          const found = await settle(async () =>
            toApplicationStatus(candidates[0], instance),
          );
          return found.state === 'ok'
            ? namedApplication(found.data, lookup)
            : found;
        }
        // Not in the project (perhaps in another one, which the per-entity read names), or
        // ambiguous: ask for it by name, as the per-entity read does.
        const found = await alone(() =>
          settle(() =>
            readNamedApplication(
              upstream,
              ttlSeconds,
              { instance, name, appNamespace },
              countAlone,
            ),
          ),
        );
        return found.state === 'ok'
          ? namedApplication(found.data, lookup)
          : found;
      }

      const term = singleEqualityTerm(selector!);
      if (term) {
        const list = await projectOf(instance, project, appNamespace);
        if (list.state !== 'ok') {
          return list;
        }
        const items = list.data.labelled(term.key, term.value);
        return settle(async () => ({
          applications: selectedApplications(items, instance, project),
        }));
      }
      return alone(() =>
        settle(async () => ({
          applications: await readSelectedApplications(
            upstream,
            ttlSeconds,
            { instance, selector: selector!, project, appNamespace },
            countAlone,
          ),
        })),
      );
    }),
  );
}
