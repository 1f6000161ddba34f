import { ArgoCdApplicationStatus } from '@internal/plugin-deploy-status-common';
import { ArgoCdInstance } from '../config/readDeployStatusConfig';
import { getJson } from '../upstream/getJson';
import {
  LabelSelectorBatcher,
  LabelSelectorBatcherOptions,
} from '../upstream/LabelSelectorBatcher';
import { RetryAfterGate } from '../upstream/RetryAfterGate';
import { UpstreamError } from '../upstream/UpstreamError';
import { toApplicationStatus } from './toApplicationStatus';

/** Which applications of an instance belong to an entity. */
export interface ApplicationLookup {
  /** `argocd/app-name`: one application by name. */
  name?: string;
  /** `argocd/app-selector`: a label selector over applications. */
  selector?: string;
  /** `argocd/app-namespace`, for "applications in any namespace". */
  appNamespace?: string;
  /** The Argo CD project of the environment. */
  project: string;
}

/**
 * Argo CD's REST API (`ApplicationService`), with the instance's bearer token. Selector look-ups
 * of many entities at once (the catalog-wide page) share one list request per instance and
 * project (see {@link LabelSelectorBatcher}).
 */
export class ArgoCdClient {
  private readonly batcher: LabelSelectorBatcher<unknown>;

  constructor(
    private readonly options: {
      timeoutMs: number;
      gate: RetryAfterGate;
      batching?: Omit<LabelSelectorBatcherOptions<unknown>, 'labelsOf'>;
    },
  ) {
    this.batcher = new LabelSelectorBatcher<unknown>({
      ...options.batching,
      labelsOf: item =>
        (item as { metadata?: { labels?: Record<string, string> } })?.metadata
          ?.labels,
    });
  }

  async listApplications(
    instance: ArgoCdInstance,
    lookup: ApplicationLookup,
  ): Promise<ArgoCdApplicationStatus[]> {
    const label = `Argo CD instance '${instance.name}'`;
    const request = {
      label,
      headers: instance.token
        ? { authorization: `Bearer ${instance.token}` }
        : ({} as Record<string, string>),
      timeoutMs: this.options.timeoutMs,
      gate: this.options.gate,
    };
    if (lookup.name) {
      const url = new URL(
        `${instance.url}/api/v1/applications/${encodeURIComponent(
          lookup.name,
        )}`,
      );
      if (lookup.appNamespace) {
        url.searchParams.set('appNamespace', lookup.appNamespace);
      }
      try {
        const { body } = await getJson(url, request);
        const app = toApplicationStatus(body, instance);
        return app.project === lookup.project ? [app] : [];
      } catch (error) {
        // Not in this instance: nothing of this entity runs there.
        if (error instanceof UpstreamError && error.status === 404) {
          return [];
        }
        throw error;
      }
    }
    const scope = [instance.name, lookup.project, lookup.appNamespace].join(
      '\n',
    );
    const items = await this.batcher.list(
      scope,
      lookup.selector ?? '',
      async selector => {
        const url = new URL(`${instance.url}/api/v1/applications`);
        url.searchParams.set('selector', selector);
        url.searchParams.append('projects', lookup.project);
        if (lookup.appNamespace) {
          url.searchParams.set('appNamespace', lookup.appNamespace);
        }
        return applicationItems((await getJson(url, request)).body, label);
      },
    );
    return items
      .map(item => toApplicationStatus(item, instance))
      .filter(app => app.project === lookup.project);
  }
}

/** The items of an application list answer; Argo CD answers `items: null` when none matches. */
function applicationItems(body: unknown, label: string): unknown[] {
  if (typeof body !== 'object' || body === null || !('items' in body)) {
    throw new UpstreamError(
      `${label} answered something that is not an application list (no items)`,
    );
  }
  const items = body.items;
  if (items === null) {
    return [];
  }
  if (!Array.isArray(items)) {
    throw new UpstreamError(
      `${label} answered an application list whose items is not a list`,
    );
  }
  return items;
}
