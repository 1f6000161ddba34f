import {
  getGitLabRequestOptions,
  GitLabIntegrationConfig,
} from '@backstage/integration';

/**
 * HEADs a project's catalog file: true on 200, false on 404, and an error for anything else.
 * The stock discovery answers `false` for a 429 or a 5xx too, which silently drops the project.
 */
export async function catalogFileExists(
  config: GitLabIntegrationConfig,
  file: { projectId: number | string; ref: string; path: string },
  fetchImpl: typeof fetch = fetch,
): Promise<boolean> {
  const url = new URL(
    `${config.apiBaseUrl}/projects/${encodeURIComponent(
      String(file.projectId),
    )}/repository/files/${encodeURIComponent(file.path)}`,
  );
  url.searchParams.set('ref', file.ref);
  const response = await fetchImpl(url, {
    method: 'HEAD',
    headers: getGitLabRequestOptions(config).headers,
  });
  if (response.ok) return true;
  if (response.status === 404) return false;
  throw new Error(
    `GitLab answered ${response.status} ${response.statusText} for ${file.path} of project ${file.projectId}; ` +
      'the discovery scan stops here so that no entities are dropped, and runs again on schedule',
  );
}
