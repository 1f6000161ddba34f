import {
  CommitSummary,
  PipelineSummary,
} from '@internal/plugin-deploy-status-common';
import { UpstreamError } from '@internal/upstream-node';

type Obj = Record<string, any>;

const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalText = (value: unknown) =>
  typeof value === 'string' && value ? value : undefined;

/** A commit of GitLab's Commits API; undefined fields where GitLab left them out. */
export function toCommitSummary(commit: unknown): CommitSummary {
  if (!isObject(commit) || typeof commit.id !== 'string') {
    throw new UpstreamError(
      'GitLab answered with a commit that has no id (expected the Commits API shape)',
      { failure: 'bad-answer' },
    );
  }
  return {
    sha: commit.id,
    shortSha: optionalText(commit.short_id) ?? commit.id.slice(0, 8),
    title: optionalText(commit.title) ?? '',
    authorName: optionalText(commit.author_name) ?? 'unknown',
    committedAt:
      optionalText(commit.committed_date) ?? optionalText(commit.created_at),
    webUrl: optionalText(commit.web_url),
  };
}

/** A pipeline of GitLab's Pipelines API. */
export function toPipelineSummary(pipeline: unknown): PipelineSummary {
  if (
    !isObject(pipeline) ||
    typeof pipeline.id !== 'number' ||
    typeof pipeline.status !== 'string'
  ) {
    throw new UpstreamError(
      'GitLab answered with a pipeline without a numeric id and a status (expected the Pipelines API shape)',
      { failure: 'bad-answer' },
    );
  }
  return {
    id: pipeline.id,
    status: pipeline.status,
    ref: optionalText(pipeline.ref) ?? '',
    sha: optionalText(pipeline.sha) ?? '',
    webUrl: optionalText(pipeline.web_url) ?? '',
    createdAt: optionalText(pipeline.created_at),
  };
}

/** A list answer of GitLab, or an error saying it is not one. */
export function asList(body: unknown, what: string): unknown[] {
  if (!Array.isArray(body)) {
    throw new UpstreamError(
      `GitLab answered ${what} with something that is not a list`,
      { failure: 'bad-answer' },
    );
  }
  return body;
}

export { isObject };
