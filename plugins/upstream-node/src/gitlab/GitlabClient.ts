import {
  getGitLabRequestOptions,
  GitLabIntegrationConfig,
} from '@backstage/integration';
import { UpstreamHttp, UpstreamTarget } from '../http/UpstreamHttp';

/**
 * GitLab's REST API v4 on one host of `integrations.gitlab`, with the integration's token, through
 * {@link UpstreamHttp}. The one GitLab client of the portal's own backend code: the deploy status
 * and the catalog's discovery guard both ask through it.
 */
export class GitlabClient {
  readonly target: UpstreamTarget;

  constructor(
    readonly integration: GitLabIntegrationConfig,
    readonly http: UpstreamHttp,
  ) {
    this.target = {
      label: `GitLab (${integration.host})`,
      upstream: `gitlab:${integration.host}`,
    };
  }

  private url(path: string, query: Record<string, string>) {
    const url = new URL(`${this.integration.apiBaseUrl}${path}`);
    for (const [key, value] of Object.entries(query)) {
      url.searchParams.set(key, value);
    }
    return url;
  }

  /** A GET of `path` under the API base (`/projects/…`); the parsed body. */
  async get(
    path: string,
    query: Record<string, string> = {},
  ): Promise<unknown> {
    const { body } = await this.http.json(this.target, this.url(path, query), {
      headers: getGitLabRequestOptions(this.integration).headers as Record<
        string,
        string
      >,
    });
    return body;
  }

  /**
   * Whether a file exists on a ref: true on 200, false on 404; anything else throws, so a scan
   * that meets a 429 or a 5xx stops instead of counting the file as missing.
   */
  async fileExists(file: {
    projectId: number | string;
    ref: string;
    path: string;
  }): Promise<boolean> {
    try {
      await this.http.json(
        this.target,
        this.url(
          `/projects/${encodeURIComponent(
            String(file.projectId),
          )}/repository/files/${encodeURIComponent(file.path)}`,
          { ref: file.ref },
        ),
        {
          method: 'HEAD',
          headers: getGitLabRequestOptions(this.integration).headers as Record<
            string,
            string
          >,
        },
      );
      return true;
    } catch (error) {
      if ((error as { failure?: string }).failure === 'not-found') {
        return false;
      }
      throw error;
    }
  }
}
