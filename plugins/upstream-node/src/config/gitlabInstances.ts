import { Config } from '@backstage/config';
import {
  GitLabIntegrationConfig,
  ScmIntegrations,
} from '@backstage/integration';

/**
 * The GitLab hosts of `integrations.gitlab` as written in the configuration. Backstage's
 * integration registry adds `gitlab.com` by itself when it is not configured; a portal that
 * configured one self-hosted GitLab means that one, so the implicit entry is not an instance.
 */
export function gitlabInstances(config: Config): GitLabIntegrationConfig[] {
  const configured = new Set(
    (config.getOptionalConfigArray('integrations.gitlab') ?? []).map(gitlab =>
      gitlab.getString('host'),
    ),
  );
  return ScmIntegrations.fromConfig(config)
    .gitlab.list()
    .map(integration => integration.config)
    .filter(gitlab => configured.has(gitlab.host));
}
