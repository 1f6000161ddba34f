import { UpstreamError } from '../errors/UpstreamError';
import { ArgoCdInstance } from '../config/argocdInstances';
import { UpstreamHttp, UpstreamTarget } from '../http/UpstreamHttp';
import {
  LabelSelectorBatcher,
  LabelSelectorBatcherOptions,
} from '../kubernetes/LabelSelectorBatcher';

/** An Argo CD `Application` as its API answers it; readers check every field they use. */
export type ArgoCdApplication = {
  metadata?: { name?: string; labels?: Record<string, string> };
  spec?: { project?: string };
  [key: string]: unknown;
};

/**
 * Argo CD's REST API (`ApplicationService`) with the instance's bearer token, through
 * {@link UpstreamHttp}. Selector look-ups of many entities at once share one list request per
 * instance and project (see {@link LabelSelectorBatcher}).
 */
export class ArgoCdClient {
  private readonly batcher: LabelSelectorBatcher<ArgoCdApplication>;

  constructor(
    private readonly options: {
      http: UpstreamHttp;
      batching?: Omit<
        LabelSelectorBatcherOptions<ArgoCdApplication>,
        'labelsOf'
      >;
    },
  ) {
    this.batcher = new LabelSelectorBatcher<ArgoCdApplication>({
      ...options.batching,
      labelsOf: item => item?.metadata?.labels,
    });
  }

  target(instance: ArgoCdInstance): UpstreamTarget {
    return {
      label: `Argo CD instance '${instance.name}'`,
      upstream: `argocd:${instance.name}`,
    };
  }

  private headers(instance: ArgoCdInstance): Record<string, string> {
    return instance.token ? { authorization: `Bearer ${instance.token}` } : {};
  }

  /** One application by name; undefined when the instance has none of that name. */
  async getApplication(
    instance: ArgoCdInstance,
    name: string,
    appNamespace?: string,
  ): Promise<ArgoCdApplication | undefined> {
    const url = new URL(
      `${instance.url}/api/v1/applications/${encodeURIComponent(name)}`,
    );
    if (appNamespace) {
      url.searchParams.set('appNamespace', appNamespace);
    }
    try {
      const { body } = await this.options.http.json<ArgoCdApplication>(
        this.target(instance),
        url,
        { headers: this.headers(instance) },
      );
      return body;
    } catch (error) {
      if (error instanceof UpstreamError && error.failure === 'not-found') {
        return undefined;
      }
      throw error;
    }
  }

  /** The applications of a project matching a label selector. */
  listApplications(
    instance: ArgoCdInstance,
    lookup: { selector: string; project: string; appNamespace?: string },
  ): Promise<ArgoCdApplication[]> {
    const scope = [instance.name, lookup.project, lookup.appNamespace].join(
      '\n',
    );
    return this.batcher.list(scope, lookup.selector, selector =>
      this.listOnce(instance, { ...lookup, selector }),
    );
  }

  /**
   * Every application of a project (in one app namespace when given), in one request, not
   * merged with other look-ups: the catalog-wide view matches services to them itself.
   */
  listProjectApplications(
    instance: ArgoCdInstance,
    project: string,
    appNamespace?: string,
  ): Promise<ArgoCdApplication[]> {
    return this.listOnce(instance, { project, appNamespace });
  }

  private async listOnce(
    instance: ArgoCdInstance,
    lookup: { selector?: string; project: string; appNamespace?: string },
  ): Promise<ArgoCdApplication[]> {
    const url = new URL(`${instance.url}/api/v1/applications`);
    if (lookup.selector) {
      url.searchParams.set('selector', lookup.selector);
    }
    url.searchParams.append('projects', lookup.project);
    if (lookup.appNamespace) {
      url.searchParams.set('appNamespace', lookup.appNamespace);
    }
    const target = this.target(instance);
    const { body } = await this.options.http.json<{ items?: unknown }>(
      target,
      url,
      { headers: this.headers(instance) },
    );
    return this.itemsOf(body, target);
  }

  /** Argo CD answers `items: null` when none matches. */
  private itemsOf(
    body: { items?: unknown } | undefined,
    target: UpstreamTarget,
  ): ArgoCdApplication[] {
    if (typeof body !== 'object' || body === null || !('items' in body)) {
      throw this.options.http.failed(
        target,
        new UpstreamError(
          `${target.label} answered something that is not an application list (no items)`,
          { failure: 'bad-answer' },
        ),
      );
    }
    if (body.items === null) {
      return [];
    }
    if (!Array.isArray(body.items)) {
      throw this.options.http.failed(
        target,
        new UpstreamError(
          `${target.label} answered an application list whose items is not a list`,
          { failure: 'bad-answer' },
        ),
      );
    }
    return body.items as ArgoCdApplication[];
  }
}
