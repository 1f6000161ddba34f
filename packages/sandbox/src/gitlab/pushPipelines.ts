import { parse } from 'yaml';

/** How long each stage of a pushed pipeline runs on the sandbox clock, unless told otherwise. */
export const DEFAULT_STAGE_MS = 8_000;
/** How long a pushed pipeline waits for a runner before its first stage. */
const PENDING_MS = 2_000;

export type GitlabStatus = 'created' | 'pending' | 'running' | 'success';

/** A pipeline started by a push, whose jobs follow the stages of the pushed `.gitlab-ci.yml`. */
export interface PushPipeline {
  id: number;
  iid: number;
  projectId: number;
  sha: string;
  ref: string;
  createdAt: number;
  author: string;
  message: string;
  committedAt: number;
  jobs: Array<{ id: number; name: string; stage: string }>;
  /** How long each of its stages runs. */
  stageMs: number;
}

/** GitLab's CI keywords that are not jobs. */
const KEYWORDS = new Set([
  'stages',
  'variables',
  'include',
  'default',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'types',
  'spec',
]);

/**
 * The jobs a `.gitlab-ci.yml` defines, by stage, in stage order. Jobs that come from `include:`d
 * templates are not resolved (the sandbox has no CI templates project yet), so a stage that has no
 * job of its own gets one named after it: the pipeline still walks every declared stage.
 */
export function jobsOf(ciYaml: string): Array<{ name: string; stage: string }> {
  const ci = (parse(ciYaml) ?? {}) as Record<string, any>;
  const stages: string[] = Array.isArray(ci.stages)
    ? ci.stages.map(String)
    : ['build', 'test', 'deploy'];
  const jobs = Object.entries(ci)
    .filter(
      ([name, job]) =>
        !KEYWORDS.has(name) &&
        !name.startsWith('.') &&
        job &&
        typeof job === 'object',
    )
    .map(([name, job]) => ({ name, stage: String(job.stage ?? 'test') }))
    .filter(job => stages.includes(job.stage));
  return stages.flatMap(stage => {
    const own = jobs.filter(job => job.stage === stage);
    return own.length > 0 ? own : [{ name: stage, stage }];
  });
}

/** A job's status at `nowMs`: created until the pipeline is picked up, then stage after stage. */
export function jobStatus(
  pipeline: PushPipeline,
  stage: string,
  nowMs: number,
): GitlabStatus {
  const stages = [...new Set(pipeline.jobs.map(j => j.stage))];
  const elapsed = nowMs - pipeline.createdAt;
  if (elapsed < PENDING_MS) return 'created';
  const start = PENDING_MS + stages.indexOf(stage) * pipeline.stageMs;
  if (elapsed < start) return 'created';
  if (elapsed < start + pipeline.stageMs / 4) return 'pending';
  if (elapsed < start + pipeline.stageMs) return 'running';
  return 'success';
}

/** The pipeline's status at `nowMs`, as GitLab derives it from its jobs. */
export function pipelineStatus(
  pipeline: PushPipeline,
  nowMs: number,
): GitlabStatus {
  const elapsed = nowMs - pipeline.createdAt;
  if (elapsed < PENDING_MS / 2) return 'created';
  if (elapsed < PENDING_MS) return 'pending';
  const statuses = pipeline.jobs.map(job =>
    jobStatus(pipeline, job.stage, nowMs),
  );
  return statuses.every(s => s === 'success') ? 'success' : 'running';
}

/** When the pipeline finished, or undefined while it runs. */
export function pipelineFinishedAt(pipeline: PushPipeline): number {
  const stages = new Set(pipeline.jobs.map(j => j.stage)).size;
  return pipeline.createdAt + PENDING_MS + stages * pipeline.stageMs;
}
