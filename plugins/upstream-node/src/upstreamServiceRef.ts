import {
  CacheService,
  coreServices,
  createServiceFactory,
  createServiceRef,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { GitLabIntegrationConfig } from '@backstage/integration';
import {
  AuthenticationStrategy,
  ClusterDetails,
} from '@backstage/plugin-kubernetes-node';
import { ArgoCdClient } from './argocd/ArgoCdClient';
import { UpstreamCache } from './cache/UpstreamCache';
import { ArgoCdInstance, argocdInstances } from './config/argocdInstances';
import {
  DatadogConnection,
  datadogConnection,
} from './config/datadogConnection';
import { gitlabInstances } from './config/gitlabInstances';
import { kubernetesClusters } from './config/kubernetesClusters';
import {
  readUpstreamSettings,
  UpstreamSettings,
} from './config/readUpstreamSettings';
import { UpstreamRateGate } from './gate/UpstreamRateGate';
import { GitlabClient } from './gitlab/GitlabClient';
import { UpstreamHttp } from './http/UpstreamHttp';
import { defaultAuthStrategy } from './kubernetes/clusterCredentials';
import { KubernetesObjectsClient } from './kubernetes/KubernetesObjectsClient';
import { UpstreamOutcomes } from './outcomes/UpstreamOutcomes';

/** Where a GitLab client comes from, or why there is none. */
export type GitlabClientResult =
  | { state: 'ok'; client: GitlabClient }
  | { state: 'not-configured'; message: string };

/**
 * The portal's upstreams, configured once for every backend plugin: the instances and clusters,
 * one client per upstream, the shared cache, the rate gate and what the calls saw.
 */
export interface UpstreamService {
  readonly settings: UpstreamSettings;
  readonly gitlabInstances: GitLabIntegrationConfig[];
  readonly argocdInstances: ArgoCdInstance[];
  readonly clusters: ClusterDetails[];
  /**
   * The Datadog connection (`datadog.*`), or why there is none (`configured: false`): the backend
   * starts without keys. Its requests go through `http` with the target `datadog:<site>`.
   */
  readonly datadog: DatadogConnection;
  readonly http: UpstreamHttp;
  /** Cached, de-duplicated reads shared by the replicas (Redis in production). */
  readonly cache: UpstreamCache;
  readonly outcomes: UpstreamOutcomes;
  readonly argocd: ArgoCdClient;
  readonly kubernetes: KubernetesObjectsClient;
  /** The client of a GitLab host, or of the only configured one when `host` is not given. */
  gitlab(host?: string): GitlabClientResult;
}

/** Options a test or benchmark sets; production uses the defaults. */
export interface UpstreamServiceOptions {
  batching?: { maxValues?: number; windowMs?: number };
  authStrategy?: AuthenticationStrategy;
}

export const upstreamServiceRef = createServiceRef<UpstreamService>({
  id: 'platform.upstream',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.rootLogger,
      },
      factory: ({ config, logger }) =>
        createUpstreamService({
          config,
          logger,
          cacheService: CacheManager.fromConfig(config, { logger }).forPlugin(
            'upstream',
          ),
        }),
    }),
});

export function createUpstreamService(options: {
  config: Config;
  logger: LoggerService;
  cacheService: CacheService;
  options?: UpstreamServiceOptions;
}): UpstreamService {
  const { config, logger, cacheService } = options;
  const settings = readUpstreamSettings(config);
  const outcomes = new UpstreamOutcomes(cacheService);
  const http = new UpstreamHttp({
    ...settings,
    gate: new UpstreamRateGate({ cache: cacheService }),
    outcomes,
  });
  const gitlabConfigs = gitlabInstances(config);
  const gitlabClients = new Map(
    gitlabConfigs.map(gitlab => [gitlab.host, new GitlabClient(gitlab, http)]),
  );
  const batching = options.options?.batching;
  return {
    settings,
    gitlabInstances: gitlabConfigs,
    argocdInstances: argocdInstances(config),
    clusters: kubernetesClusters(config),
    datadog: datadogConnection(config),
    http,
    cache: new UpstreamCache(cacheService, logger),
    outcomes,
    argocd: new ArgoCdClient({ http, batching }),
    kubernetes: new KubernetesObjectsClient({
      http,
      batching,
      authStrategy:
        options.options?.authStrategy ??
        defaultAuthStrategy({ config, logger }),
    }),
    gitlab(host) {
      if (host) {
        const client = gitlabClients.get(host);
        return client
          ? { state: 'ok', client }
          : {
              state: 'not-configured',
              message: `GitLab host '${host}' (annotation gitlab.com/instance) is not in integrations.gitlab`,
            };
      }
      const [only, ...others] = gitlabClients.values();
      if (only && others.length === 0) {
        return { state: 'ok', client: only };
      }
      return {
        state: 'not-configured',
        message: only
          ? `Several GitLab hosts are in integrations.gitlab (${[
              ...gitlabClients.keys(),
            ].join(', ')}); set the gitlab.com/instance annotation to pick one`
          : 'No GitLab host is configured in integrations.gitlab',
      };
    },
  };
}
