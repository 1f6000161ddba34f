import { Config } from '@backstage/config';
import { SourceName } from '@internal/plugin-deploy-status-common';

/**
 * The plugin's own settings. Instances, clusters, deadlines and size caps are the upstream
 * layer's (`@internal/upstream-node`, `upstream.*`), read once for every plugin.
 */
export interface DeployStatusConfig {
  cacheTtlSeconds: Record<SourceName, number>;
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

export function readDeployStatusConfig(config: Config): DeployStatusConfig {
  const ttl = (source: SourceName) =>
    positiveNumber(
      config,
      `deployStatus.cacheTtlSeconds.${source}`,
      DEFAULT_TTL[source],
    );
  return {
    cacheTtlSeconds: {
      argocd: ttl('argocd'),
      gitlab: ttl('gitlab'),
      kubernetes: ttl('kubernetes'),
    },
  };
}
