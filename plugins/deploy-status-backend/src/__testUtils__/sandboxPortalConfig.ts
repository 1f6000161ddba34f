import { SANDBOX_TOKENS } from '@internal/sandbox';

/** Where the portal finds each upstream: the sandbox's, a proxy in front of it, or a fake. */
export interface UpstreamUrls {
  gitlab: string;
  /** Per Argo CD instance name (dev, staging, prod). */
  argocd: (instance: string) => string;
  /** Per cluster name (dev-eu-1, staging-eu-1, prod-eu-1, prod-eu-2). */
  kubernetes: (cluster: string) => string;
}

/** The sandbox's upstream URLs, as `app-config.yaml` points at them. */
export function sandboxUpstreams(urls: {
  gitlab: string;
  argocd: string;
  kubernetes: string;
}): UpstreamUrls {
  return {
    gitlab: urls.gitlab,
    argocd: instance => `${urls.argocd}/instances/${instance}`,
    kubernetes: cluster => `${urls.kubernetes}/clusters/${cluster}`,
  };
}

/**
 * The portal's development configuration of GitLab, Argo CD and Kubernetes (the example
 * environments' instances and clusters, the sandbox's tokens), pointed at `upstreams`.
 */
export function sandboxPortalConfig(upstreams: UpstreamUrls) {
  return {
    integrations: {
      gitlab: [
        {
          host: 'localhost:7101',
          apiBaseUrl: `${upstreams.gitlab}/api/v4`,
          token: SANDBOX_TOKENS.gitlab,
        },
      ],
    },
    argocd: {
      appLocatorMethods: [
        {
          type: 'config',
          instances: ['dev', 'staging', 'prod'].map(name => ({
            name,
            url: upstreams.argocd(name),
            token: SANDBOX_TOKENS.argocd,
          })),
        },
      ],
    },
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: ['dev-eu-1', 'staging-eu-1', 'prod-eu-1', 'prod-eu-2'].map(
            name => ({
              name,
              url: upstreams.kubernetes(name),
              authProvider: 'serviceAccount',
              serviceAccountToken: SANDBOX_TOKENS.kubernetes,
            }),
          ),
        },
      ],
    },
  };
}
