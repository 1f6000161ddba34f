import { GitlabDiscoveryEntityProvider } from '@backstage/plugin-catalog-backend-module-gitlab';
import { GitLabIntegration } from '@backstage/integration';
import { UpstreamService } from '@internal/upstream-node';

interface GitLabProjectLike {
  id: number;
  default_branch?: string;
}

/** The parts of the provider this guard relies on (not public API; checked at start-up). */
interface DiscoveryInternals {
  config: { branch?: string; fallbackBranch: string; catalogFile: string };
  integration: GitLabIntegration;
  isProjectCompliant(project: GitLabProjectLike): boolean;
  shouldProcessProject(
    project: GitLabProjectLike,
    client: unknown,
  ): Promise<boolean>;
}

/**
 * Makes a GitLab discovery scan all-or-nothing. A project whose catalog file answers 429 or 5xx
 * fails the scan (logged by the provider, retried on its schedule) instead of counting as "no
 * catalog file", which would remove that project's Location in the scan's full mutation.
 */
export function guardGitlabDiscovery(
  provider: GitlabDiscoveryEntityProvider,
  upstream: UpstreamService,
): GitlabDiscoveryEntityProvider {
  const internals = provider as unknown as DiscoveryInternals;
  if (
    typeof internals.isProjectCompliant !== 'function' ||
    typeof internals.shouldProcessProject !== 'function' ||
    !internals.config?.catalogFile ||
    !internals.integration?.config?.apiBaseUrl
  ) {
    throw new Error(
      `Cannot guard ${provider.getProviderName()}: @backstage/plugin-catalog-backend-module-gitlab ` +
        'changed its internals; update plugins/catalog-backend-module-platform/src/gitlab',
    );
  }
  internals.shouldProcessProject = async project => {
    if (!internals.isProjectCompliant(project)) return false;
    const { branch, fallbackBranch, catalogFile } = internals.config;
    const gitlab = upstream.gitlab(internals.integration.config.host);
    if (gitlab.state !== 'ok') {
      throw new Error(gitlab.message);
    }
    try {
      // 200 true, 404 false; a 429 or a 5xx throws, where the stock discovery says "no file".
      return await gitlab.client.fileExists({
        projectId: project.id,
        ref: branch ?? project.default_branch ?? fallbackBranch,
        path: catalogFile,
      });
    } catch (error) {
      throw new Error(
        `${(error as Error).message}, for ${catalogFile} of project ${
          project.id
        }; ` +
          'the discovery scan stops here so that no entities are dropped, and runs again on schedule',
      );
    }
  };
  return provider;
}
