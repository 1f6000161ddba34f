import {
  ApiException,
  AppsV1Api,
  AutoscalingV2Api,
  CoreV1Api,
  KubeConfig,
  Observable,
  ObservableMiddleware,
} from '@kubernetes/client-node';
import { ClusterWorkloads } from '@internal/plugin-deploy-status-common';
import { KubernetesCluster } from '../config/readDeployStatusConfig';
import {
  LabelSelectorBatcher,
  LabelSelectorBatcherOptions,
} from '../upstream/LabelSelectorBatcher';
import { RetryAfterGate } from '../upstream/RetryAfterGate';
import { UpstreamError } from '../upstream/UpstreamError';
import { autoscalerStatus } from './autoscalerHealth';
import { isPodReady, podProblem, restartsOf } from './podProblems';
import { deploymentStatus, statefulSetStatus } from './workloadHealth';

interface ClusterApis {
  apps: AppsV1Api;
  core: CoreV1Api;
  autoscaling: AutoscalingV2Api;
}

/** The KubeConfig the Kubernetes backend would build for a `config` cluster with a service account. */
function kubeConfigOf(cluster: KubernetesCluster): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        // client-node refuses a plain-http server unless TLS checks are off, though there is no
        // TLS to check; the Kubernetes backend (its own fetcher) accepts such a cluster as is.
        skipTLSVerify:
          cluster.skipTLSVerify || new URL(cluster.url).protocol === 'http:',
        caData: cluster.caData,
      },
    ],
    users: [{ name: 'deploy-status', token: cluster.serviceAccountToken }],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: 'deploy-status' },
    ],
    currentContext: cluster.name,
  });
  return kc;
}

/** The part of a Kubernetes object the batcher reads. */
interface Labelled {
  metadata?: { labels?: Record<string, string> };
}

/**
 * Reads a service's workloads from one cluster with `@kubernetes/client-node`: Deployments,
 * StatefulSets, Pods and HorizontalPodAutoscalers carrying the service's label, in all
 * namespaces, the four lists in parallel, each within the deadline. Services asked about at the
 * same moment (the catalog-wide page) share one list per cluster and kind when they select by
 * the same label (see {@link LabelSelectorBatcher}).
 */
export class KubernetesClient {
  private readonly apis = new Map<string, ClusterApis>();
  private readonly batcher: LabelSelectorBatcher<Labelled>;

  constructor(
    private readonly options: {
      timeoutMs: number;
      gate: RetryAfterGate;
      batching?: Omit<LabelSelectorBatcherOptions<Labelled>, 'labelsOf'>;
    },
  ) {
    this.batcher = new LabelSelectorBatcher<Labelled>({
      ...options.batching,
      labelsOf: item => item.metadata?.labels,
    });
  }

  private apisOf(cluster: KubernetesCluster): ClusterApis {
    let apis = this.apis.get(cluster.name);
    if (!apis) {
      const kc = kubeConfigOf(cluster);
      apis = {
        apps: kc.makeApiClient(AppsV1Api),
        core: kc.makeApiClient(CoreV1Api),
        autoscaling: kc.makeApiClient(AutoscalingV2Api),
      };
      this.apis.set(cluster.name, apis);
    }
    return apis;
  }

  async workloads(
    cluster: KubernetesCluster,
    labelSelector: string,
  ): Promise<ClusterWorkloads> {
    const label = `Kubernetes cluster '${cluster.name}'`;
    const origin = new URL(cluster.url).origin;
    this.options.gate.check(origin, label);
    const { apps, core, autoscaling } = this.apisOf(cluster);
    // One list of one kind, through the batcher; `items` checked, as garbage must not pass.
    const list = <T extends Labelled>(
      what: string,
      request: (
        params: { labelSelector: string },
        options: any,
      ) => Promise<{
        items: T[];
      }>,
    ) =>
      this.batcher.list(
        `${cluster.name}\n${what}`,
        labelSelector,
        async selector => {
          const answer = await this.withDeadline(label, origin, what, o =>
            request({ labelSelector: selector }, o),
          );
          if (!Array.isArray((answer as { items?: unknown })?.items)) {
            throw new UpstreamError(
              `${label} answered the ${what} list without items (not a Kubernetes list)`,
            );
          }
          return answer.items;
        },
      ) as Promise<T[]>;
    const [deployments, statefulSets, podItems, hpas] = await Promise.all([
      list('Deployments', (p, o) => apps.listDeploymentForAllNamespaces(p, o)),
      list('StatefulSets', (p, o) =>
        apps.listStatefulSetForAllNamespaces(p, o),
      ),
      list('Pods', (p, o) => core.listPodForAllNamespaces(p, o)),
      list('HorizontalPodAutoscalers', (p, o) =>
        autoscaling.listHorizontalPodAutoscalerForAllNamespaces(p, o),
      ),
    ]);
    return {
      workloads: [
        ...deployments.map(deploymentStatus),
        ...statefulSets.map(statefulSetStatus),
      ],
      pods: {
        total: podItems.filter(p => p.status?.phase !== 'Succeeded').length,
        ready: podItems.filter(isPodReady).length,
        restarts: podItems.reduce((sum, pod) => sum + restartsOf(pod), 0),
      },
      podsNotReady: podItems.flatMap(pod => podProblem(pod) ?? []),
      autoscalers: hpas.map(autoscalerStatus),
    };
  }

  /** One list call with the deadline; its failures in words that name the cluster. */
  private async withDeadline<T>(
    label: string,
    origin: string,
    what: string,
    request: (options: {
      middleware: ObservableMiddleware[];
      middlewareMergeStrategy: 'append';
    }) => Promise<T>,
  ): Promise<T> {
    const { timeoutMs, gate } = this.options;
    const signal = AbortSignal.timeout(timeoutMs);
    // The object-style API takes the Observable flavour of middleware.
    const deadline: ObservableMiddleware = {
      pre: context => {
        context.setSignal(signal as any);
        return new Observable(Promise.resolve(context));
      },
      post: context => new Observable(Promise.resolve(context)),
    };
    try {
      return await request({
        middleware: [deadline],
        middlewareMergeStrategy: 'append',
      });
    } catch (error) {
      if (error instanceof ApiException) {
        if (error.code === 429) {
          const waitMs = gate.block(origin, error.headers?.['retry-after']);
          throw new UpstreamError(
            `${label} is rate limiting the portal (429); asking again in ${Math.ceil(
              waitMs / 1000,
            )} s, as its Retry-After says`,
            429,
          );
        }
        const reason =
          typeof error.body === 'string'
            ? safeStatusMessage(error.body)
            : undefined;
        throw new UpstreamError(
          `${label} answered ${error.code} when listing ${what}${
            reason ? `: ${reason}` : ''
          }`,
          error.code,
        );
      }
      if (signal.aborted) {
        throw new UpstreamError(
          `${label} did not answer within ${timeoutMs / 1000} s`,
        );
      }
      const code = (error as { code?: string })?.code;
      if (code && /^E[A-Z]+$/.test(code)) {
        throw new UpstreamError(
          `${label} could not be reached at ${origin} (${code})`,
        );
      }
      throw new UpstreamError(
        `${label} answered the ${what} list with something the Kubernetes client cannot read: ${
          (error as Error)?.message ?? error
        }`,
      );
    }
  }
}

/** The `message` of a Kubernetes `Status` body. */
function safeStatusMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body);
    return typeof parsed?.message === 'string' ? parsed.message : undefined;
  } catch {
    return undefined;
  }
}
