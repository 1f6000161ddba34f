import { GITLAB_ORIGIN } from './gitlabObjects';
import {
  PushPipeline,
  jobStatus,
  pipelineFinishedAt,
  pipelineStatus,
} from './pushPipelines';

/** GitLab REST objects of a pushed pipeline and its jobs, with their status at `nowMs`. */

const iso = (ms: number) => new Date(ms).toISOString();

export function pushPipelineObject(
  slug: string,
  pipeline: PushPipeline,
  nowMs: number,
) {
  const status = pipelineStatus(pipeline, nowMs);
  return {
    id: pipeline.id,
    iid: pipeline.iid,
    project_id: pipeline.projectId,
    name: null,
    sha: pipeline.sha,
    ref: pipeline.ref,
    status,
    source: 'push',
    created_at: iso(pipeline.createdAt),
    updated_at: iso(
      status === 'success' ? pipelineFinishedAt(pipeline) : nowMs,
    ),
    web_url: `${GITLAB_ORIGIN}/${slug}/-/pipelines/${pipeline.id}`,
  };
}

export function pushJobObjects(
  slug: string,
  pipeline: PushPipeline,
  nowMs: number,
) {
  return pipeline.jobs.map(job => {
    const status = jobStatus(pipeline, job.stage, nowMs);
    return {
      commit: {
        id: pipeline.sha,
        short_id: pipeline.sha.slice(0, 8),
        title: pipeline.message,
        message: pipeline.message,
        author_name: pipeline.author,
        author_email: 'portal@example.com',
        created_at: iso(pipeline.createdAt),
      },
      coverage: null,
      allow_failure: false,
      created_at: iso(pipeline.createdAt),
      started_at:
        status === 'running' || status === 'success'
          ? iso(pipeline.createdAt)
          : null,
      finished_at:
        status === 'success' ? iso(pipelineFinishedAt(pipeline)) : null,
      duration: null,
      queued_duration: null,
      artifacts_expire_at: null,
      tag_list: [],
      id: job.id,
      name: job.name,
      pipeline: {
        id: pipeline.id,
        project_id: pipeline.projectId,
        ref: pipeline.ref,
        sha: pipeline.sha,
        status: pipelineStatus(pipeline, nowMs),
      },
      ref: pipeline.ref,
      artifacts: [],
      runner: null,
      stage: job.stage,
      status,
      tag: false,
      web_url: `${GITLAB_ORIGIN}/${slug}/-/jobs/${job.id}`,
    };
  });
}
