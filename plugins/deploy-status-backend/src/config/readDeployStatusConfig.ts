import { Config } from '@backstage/config';
import { SourceName } from '@internal/plugin-deploy-status-common';

/** An Argo CD instance of `argocd.appLocatorMethods` (type `config`). */
export interface ArgoCdInstance {
  name: string;
  url: string;
  /** Bearer token; stays in the backend. */
  token?: string;
}

/** A cluster of `kubernetes.clusterLocatorMethods` (type `config`), as the Kubernetes backend reads it. */
export interface KubernetesCluster {
  name: string;
  url: string;
  /** Service account token; stays in the backend. */
  serviceAccountToken?: string;
  caData?: string;
  skipTLSVerify: boolean;
}

export interface DeployStatusConfig {
  timeoutMs: number;
  cacheTtlSeconds: Record<SourceName, number>;
  argocdInstances: ArgoCdInstance[];
  clusters: KubernetesCluster[];
}

const DEFAULT_TTL: Record<SourceName, number> = {
  argocd: 10,
  gitlab: 30,
  kubernetes: 10,
};

function positiveNumber(config: Config, key: string, fallback: number) {
  const value = config.getOptionalNumber(key);
  if (value === undefined) {
    return fallback;
  }
  if (!(value > 0)) {
    throw new Error(`${key} must be a positive number, got ${value}`);
  }
  return value;
}

function argocdInstances(config: Config): ArgoCdInstance[] {
  return (config.getOptionalConfigArray('argocd.appLocatorMethods') ?? [])
    .filter(method => method.getString('type') === 'config')
    .flatMap(method => method.getOptionalConfigArray('instances') ?? [])
    .map(instance => ({
      name: instance.getString('name'),
      url: instance.getString('url').replace(/\/+$/, ''),
      token: instance.getOptionalString('token'),
    }));
}

function clusters(config: Config): KubernetesCluster[] {
  return (
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? []
  )
    .filter(method => method.getString('type') === 'config')
    .flatMap(method => method.getOptionalConfigArray('clusters') ?? [])
    .map(cluster => ({
      name: cluster.getString('name'),
      url: cluster.getString('url').replace(/\/+$/, ''),
      serviceAccountToken: cluster.getOptionalString('serviceAccountToken'),
      caData: cluster.getOptionalString('caData'),
      skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
    }));
}

/**
 * The plugin's settings, and the Argo CD instances and Kubernetes clusters the portal's Argo CD
 * and Kubernetes plugins are configured with, so they are configured once.
 */
export function readDeployStatusConfig(config: Config): DeployStatusConfig {
  return {
    timeoutMs: positiveNumber(config, 'deployStatus.timeoutMs', 3000),
    cacheTtlSeconds: {
      argocd: positiveNumber(
        config,
        'deployStatus.cacheTtlSeconds.argocd',
        DEFAULT_TTL.argocd,
      ),
      gitlab: positiveNumber(
        config,
        'deployStatus.cacheTtlSeconds.gitlab',
        DEFAULT_TTL.gitlab,
      ),
      kubernetes: positiveNumber(
        config,
        'deployStatus.cacheTtlSeconds.kubernetes',
        DEFAULT_TTL.kubernetes,
      ),
    },
    argocdInstances: argocdInstances(config),
    clusters: clusters(config),
  };
}
