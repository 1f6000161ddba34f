import {
  CommitSummary,
  PipelineSummary,
} from '@internal/plugin-deploy-status-common';
import { GitlabClient, UpstreamError } from '@internal/upstream-node';
import {
  asList,
  isObject,
  toCommitSummary,
  toPipelineSummary,
} from './gitlabSummaries';

export interface GitlabProject {
  id: number;
  path: string;
  webUrl: string;
  defaultBranch: string;
}

/** How many commits of the default branch are read to place deployed revisions (promotion lag). */
export const COMMITS_READ = 100;

/** How many of a project's newest pipelines are read at once to find deployed revisions' pipelines. */
export const PIPELINES_READ = 100;

/** What the deploy status reads of a GitLab project, through the portal's GitLab client. */
export class GitlabProjectReader {
  constructor(private readonly client: GitlabClient) {}

  private get(path: string, query: Record<string, string> = {}) {
    return this.client.get(path, query);
  }

  /** A project by numeric id or `group/project` path. */
  async getProject(idOrPath: string): Promise<GitlabProject> {
    const body = await this.get(`/projects/${encodeURIComponent(idOrPath)}`);
    if (
      !isObject(body) ||
      typeof body.id !== 'number' ||
      typeof body.web_url !== 'string'
    ) {
      throw this.client.http.failed(
        this.client.target,
        new UpstreamError(
          `${this.client.target.label} answered project ${idOrPath} without an id and web_url`,
          { failure: 'bad-answer' },
        ),
      );
    }
    return {
      id: body.id,
      path: String(body.path_with_namespace ?? idOrPath),
      webUrl: body.web_url,
      // An empty repository has no default branch yet.
      defaultBranch:
        typeof body.default_branch === 'string' ? body.default_branch : 'main',
    };
  }

  /**
   * The newest commits of the default branch, newest first. Without `ref_name` GitLab lists the
   * default branch, so this needs no project look-up first.
   */
  async listDefaultBranchCommits(idOrPath: string): Promise<CommitSummary[]> {
    const body = await this.get(
      `/projects/${encodeURIComponent(idOrPath)}/repository/commits`,
      { per_page: String(COMMITS_READ) },
    );
    return asList(body, 'the commit list').map(toCommitSummary);
  }

  async getCommit(idOrPath: string, sha: string): Promise<CommitSummary> {
    return toCommitSummary(
      await this.get(
        `/projects/${encodeURIComponent(
          idOrPath,
        )}/repository/commits/${encodeURIComponent(sha)}`,
      ),
    );
  }

  /**
   * The project's newest pipelines, every ref (branches, tags, merge requests), newest first.
   * `complete` says the list holds all of them, so a commit missing from it has no pipeline.
   */
  async listRecentPipelines(
    idOrPath: string,
  ): Promise<{ pipelines: PipelineSummary[]; complete: boolean }> {
    const body = asList(
      await this.get(`/projects/${encodeURIComponent(idOrPath)}/pipelines`, {
        per_page: String(PIPELINES_READ),
        order_by: 'id',
        sort: 'desc',
      }),
      'the pipeline list',
    );
    return {
      pipelines: body.map(toPipelineSummary),
      complete: body.length < PIPELINES_READ,
    };
  }

  /** The newest pipeline of a commit, or undefined when it has none. */
  async latestPipelineOf(
    idOrPath: string,
    sha: string,
  ): Promise<PipelineSummary | undefined> {
    const body = await this.get(
      `/projects/${encodeURIComponent(idOrPath)}/pipelines`,
      { sha, per_page: '1', order_by: 'id', sort: 'desc' },
    );
    const [newest] = asList(body, 'the pipeline list');
    return newest === undefined ? undefined : toPipelineSummary(newest);
  }
}
