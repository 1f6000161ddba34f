import { GitlabDiscoveryEntityProvider } from '@backstage/plugin-catalog-backend-module-gitlab';
import { GitLabIntegration } from '@backstage/integration';
import { catalogFileExists } from './catalogFileExists';

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
  fetchImpl: typeof fetch = fetch,
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
    return catalogFileExists(
      internals.integration.config,
      {
        projectId: project.id,
        ref: branch ?? project.default_branch ?? fallbackBranch,
        path: catalogFile,
      },
      fetchImpl,
    );
  };
  return provider;
}
