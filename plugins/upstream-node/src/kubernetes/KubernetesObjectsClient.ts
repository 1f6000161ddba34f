import {
  AuthenticationStrategy,
  ClusterDetails,
  KubernetesCredential,
} from '@backstage/plugin-kubernetes-node';
import { UpstreamError } from '../errors/UpstreamError';
import { caOf, UpstreamTls } from '../http/tls';
import { UpstreamHttp, UpstreamTarget } from '../http/UpstreamHttp';
import {
  LabelSelectorBatcher,
  LabelSelectorBatcherOptions,
} from './LabelSelectorBatcher';
import { portalCredential } from './clusterCredentials';
import { apiVersionOf, KubernetesKind, listPathOf } from './kubernetesKinds';

/** Objects per page of {@link KubernetesObjectsClient.listAll}: kubectl's own chunk size. */
const DEFAULT_PAGE_SIZE = 500;

/** A Kubernetes object as the API server answers it (list items carry their kind here). */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    generation?: number;
    ownerReferences?: Array<{
      kind?: string;
      name?: string;
      uid?: string;
      controller?: boolean;
    }>;
    uid?: string;
    [key: string]: unknown;
  };
  spec?: any;
  status?: any;
}

/**
 * Lists objects of one kind in one cluster by label selector, for all namespaces, with the
 * cluster's own authentication (the Kubernetes backend's strategies) and TLS (`caData`, `caFile`,
 * `skipTLSVerify`), through {@link UpstreamHttp}. Services asked about at the same moment (the
 * catalog-wide page) share one list per cluster and kind when they select by the same label.
 */
export class KubernetesObjectsClient {
  private readonly batcher: LabelSelectorBatcher<KubernetesObject>;
  /** A cluster's CA, read once (`caFile` is a file on disk). */
  private readonly cas = new Map<string, string | undefined>();

  constructor(
    private readonly options: {
      http: UpstreamHttp;
      authStrategy: AuthenticationStrategy;
      batching?: Omit<
        LabelSelectorBatcherOptions<KubernetesObject>,
        'labelsOf'
      >;
    },
  ) {
    this.batcher = new LabelSelectorBatcher<KubernetesObject>({
      ...options.batching,
      labelsOf: item => item.metadata?.labels,
    });
  }

  /** Objects of `kind` matching `labelSelector`; a kind the cluster does not serve fails with `not-found`. */
  async list(
    cluster: ClusterDetails,
    kind: KubernetesKind,
    labelSelector: string,
  ): Promise<KubernetesObject[]> {
    return this.batcher.list(
      `${cluster.name}\n${apiVersionOf(kind)}/${kind.plural}`,
      labelSelector,
      selector => this.listOnce(cluster, kind, selector),
    );
  }

  /**
   * Every object of `kind` matching `labelSelector` (the catalog-wide view asks for every object
   * carrying a label, e.g. `backstage.io/kubernetes-id`), read in pages of `pageSize` with the
   * API's `limit` and `continue`, so each answer stays within the size cap however large the
   * cluster. Each page is one request; `onRequest` is called before each is sent. Not merged
   * with other look-ups. A continue token that expired (410) fails the list, as any error does.
   */
  async listAll(
    cluster: ClusterDetails,
    kind: KubernetesKind,
    labelSelector: string,
    options: { pageSize?: number; onRequest?: () => void } = {},
  ): Promise<KubernetesObject[]> {
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    const objects: KubernetesObject[] = [];
    let next: string | undefined;
    do {
      options.onRequest?.();
      const page = await this.listPage(cluster, kind, labelSelector, {
        limit: pageSize,
        continue: next,
      });
      objects.push(...page.items);
      if (page.continue && page.continue === next) {
        throw new UpstreamError(
          `Kubernetes cluster '${cluster.name}' answered the same continue token twice for its ${kind.kind} list`,
          { failure: 'bad-answer' },
        );
      }
      next = page.continue;
    } while (next);
    return objects;
  }

  private async listOnce(
    cluster: ClusterDetails,
    kind: KubernetesKind,
    labelSelector: string,
  ): Promise<KubernetesObject[]> {
    return (await this.listPage(cluster, kind, labelSelector)).items;
  }

  private async listPage(
    cluster: ClusterDetails,
    kind: KubernetesKind,
    labelSelector: string,
    paging?: { limit: number; continue?: string },
  ): Promise<{ items: KubernetesObject[]; continue?: string }> {
    const target = await this.targetOf(cluster);
    const url = new URL(`${cluster.url}${listPathOf(kind)}`);
    url.searchParams.set('labelSelector', labelSelector);
    if (paging) {
      url.searchParams.set('limit', String(paging.limit));
      if (paging.continue) {
        url.searchParams.set('continue', paging.continue);
      }
    }
    const { body } = await this.options.http.json<{
      items?: unknown;
      metadata?: { continue?: unknown };
    }>(target.target, url, { headers: target.headers });
    const items = body?.items;
    const token = body?.metadata?.continue;
    const next = typeof token === 'string' && token ? token : undefined;
    if (items === null) {
      return { items: [], continue: next };
    }
    if (!Array.isArray(items)) {
      throw this.options.http.failed(
        target.target,
        new UpstreamError(
          `${target.target.label} answered the ${kind.kind} list without items (not a Kubernetes list)`,
          { failure: 'bad-answer' },
        ),
      );
    }
    const apiVersion = apiVersionOf(kind);
    return {
      items: items
        .filter(item => typeof item === 'object' && item !== null)
        .map(item => ({ apiVersion, kind: kind.kind, ...item })),
      continue: next,
    };
  }

  private caOf(cluster: ClusterDetails): string | undefined {
    if (!this.cas.has(cluster.name)) {
      this.cas.set(cluster.name, caOf(cluster));
    }
    return this.cas.get(cluster.name);
  }

  private async targetOf(cluster: ClusterDetails): Promise<{
    target: UpstreamTarget;
    headers: Record<string, string>;
  }> {
    const label = `Kubernetes cluster '${cluster.name}'`;
    let credential: KubernetesCredential;
    try {
      credential = await portalCredential(this.options.authStrategy, cluster);
    } catch (error) {
      throw new UpstreamError(
        `${label} gave the portal no credential: ${
          (error as Error)?.message ?? error
        }`,
        { failure: 'forbidden' },
      );
    }
    const tls: UpstreamTls = {
      ca: this.caOf(cluster),
      // A plain-http cluster (kubectl proxy, a stand-in) has no TLS to check.
      skipTLSVerify: cluster.skipTLSVerify,
      clientCertificate:
        credential.type === 'x509 client certificate'
          ? { cert: credential.cert, key: credential.key }
          : undefined,
    };
    return {
      target: { label, upstream: `kubernetes:${cluster.name}`, tls },
      headers:
        credential.type === 'bearer token'
          ? { authorization: `Bearer ${credential.token}` }
          : {},
    };
  }
}
