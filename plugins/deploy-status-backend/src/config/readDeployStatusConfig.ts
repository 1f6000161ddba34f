import { Config } from '@backstage/config';
import { SourceName } from '@internal/plugin-deploy-status-common';
import { readPositiveNumber } from '@internal/upstream-node';

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

export function readDeployStatusConfig(config: Config): DeployStatusConfig {
  const ttl = (source: SourceName) =>
    readPositiveNumber(
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
