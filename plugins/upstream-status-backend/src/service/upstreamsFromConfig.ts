import { Config } from '@backstage/config';
import { Upstream } from './types';

const join = (base: string, path: string) =>
  `${base.replace(/\/+$/, '')}${path}`;

function gitlabUpstreams(config: Config): Upstream[] {
  return (config.getOptionalConfigArray('integrations.gitlab') ?? []).map(
    gitlab => {
      const host = gitlab.getString('host');
      const apiBaseUrl =
        gitlab.getOptionalString('apiBaseUrl') ?? `https://${host}/api/v4`;
      return {
        kind: 'gitlab',
        name: host,
        origin: new URL(apiBaseUrl).origin,
        // Answers 401 without a token: enough to know GitLab is there.
        probeUrl: join(apiBaseUrl, '/version'),
      };
    },
  );
}

function argocdUpstreams(config: Config): Upstream[] {
  return (config.getOptionalConfigArray('argocd.appLocatorMethods') ?? [])
    .filter(method => method.getString('type') === 'config')
    .flatMap(method => method.getConfigArray('instances'))
    .map(instance => {
      const url = instance.getString('url');
      return {
        kind: 'argocd',
        name: instance.getString('name'),
        origin: new URL(url).origin,
        probeUrl: join(url, '/api/version'),
      };
    });
}

function kubernetesUpstreams(config: Config): Upstream[] {
  return (
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? []
  )
    .filter(method => method.getString('type') === 'config')
    .flatMap(method => method.getOptionalConfigArray('clusters') ?? [])
    .map(cluster => {
      const url = cluster.getString('url');
      return {
        kind: 'kubernetes',
        name: cluster.getString('name'),
        origin: new URL(url).origin,
        probeUrl: join(url, '/version'),
      };
    });
}

/** Every upstream the portal's integrations are configured to call. */
export function upstreamsFromConfig(config: Config): Upstream[] {
  return [
    ...gitlabUpstreams(config),
    ...argocdUpstreams(config),
    ...kubernetesUpstreams(config),
  ];
}
