import { ServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Sandbox } from '@internal/sandbox';
import { deployStatusPlugin } from '../plugin';
import { exampleEntities } from './examples';
import { sandboxPortalConfig, sandboxUpstreams } from './sandboxPortalConfig';
import { startUpstreamProxy, UpstreamProxy } from './upstreamProxy';

/** Where an upstream is, when not the sandbox's: `gitlab`, `argocd:<instance>`, `cluster:<name>`. */
export type Urls = Partial<Record<string, string>>;

export const SANDBOX_ARGOCD_INSTANCES = ['dev', 'staging', 'prod'];
export const SANDBOX_CLUSTERS = [
  'dev-eu-1',
  'staging-eu-1',
  'prod-eu-1',
  'prod-eu-2',
];

/** The portal's development configuration, pointed at the sandbox unless `urls` says otherwise. */
export function portalConfig(
  sandbox: Sandbox,
  urls: Urls = {},
  timeoutMs = 3000,
) {
  const sandboxed = sandboxUpstreams(sandbox.urls);
  return {
    upstream: { timeoutMs },
    ...sandboxPortalConfig({
      gitlab: urls.gitlab ?? sandboxed.gitlab,
      argocd: name => urls[`argocd:${name}`] ?? sandboxed.argocd(name),
      kubernetes: name => urls[`cluster:${name}`] ?? sandboxed.kubernetes(name),
    }),
  };
}

/**
 * The plugin in a test backend, with the example catalog and `entities` (or `catalog`), against
 * the sandbox unless `urls` says otherwise.
 */
export async function startPortal(
  sandbox: Sandbox,
  options: {
    urls?: Urls;
    timeoutMs?: number;
    features?: ServiceFactory[];
    entities?: Entity[];
    /** Instead of the catalog of the examples and `entities`. */
    catalog?: ServiceFactory;
    /** More configuration, beside the upstreams', e.g. `deployStatus`. */
    config?: object;
  } = {},
) {
  const { server } = await startTestBackend({
    features: [
      ...(options.features ?? []),
      deployStatusPlugin,
      options.catalog ??
        catalogServiceMock.factory({
          entities: [...exampleEntities(), ...(options.entities ?? [])],
        }),
      mockServices.rootConfig.factory({
        data: {
          ...portalConfig(sandbox, options.urls, options.timeoutMs),
          ...options.config,
        },
      }),
    ],
  });
  return server;
}

/** Proxies in front of the sandbox's upstreams that count what they are asked. */
export async function startProxies(sandbox: Sandbox): Promise<{
  urls: Urls;
  argocd: UpstreamProxy;
  kubernetes: UpstreamProxy;
  gitlab: UpstreamProxy;
  close(): Promise<void>;
}> {
  const [argocd, kubernetes, gitlab] = await Promise.all(
    [sandbox.urls.argocd, sandbox.urls.kubernetes, sandbox.urls.gitlab].map(
      url => startUpstreamProxy(url),
    ),
  );
  const upstreams = sandboxUpstreams({
    argocd: argocd.url,
    kubernetes: kubernetes.url,
    gitlab: gitlab.url,
  });
  const urls: Urls = { gitlab: upstreams.gitlab };
  for (const name of SANDBOX_ARGOCD_INSTANCES) {
    urls[`argocd:${name}`] = upstreams.argocd(name);
  }
  for (const name of SANDBOX_CLUSTERS) {
    urls[`cluster:${name}`] = upstreams.kubernetes(name);
  }
  return {
    urls,
    argocd,
    kubernetes,
    gitlab,
    close: async () => {
      await Promise.all([argocd, kubernetes, gitlab].map(p => p.close()));
    },
  };
}
