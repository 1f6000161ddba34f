import { createHash } from 'node:crypto';
import { Commit } from '../world/buildWorld';
import { ExampleService } from '../world/readExamples';

/*
 * GitLab REST v4 objects of the example services' projects, with a subset of GitLab's fields
 * (tests check every field emitted against GitLab's documented examples in shared/contracts).
 */

type Obj = Record<string, any>;

export const GITLAB_ORIGIN = 'http://localhost:7101';
const STAGES = ['lint', 'test', 'build', 'scan', 'deploy'];

const iso = (ms: number) => new Date(ms).toISOString();

/** A stable number for a name: the ids of the sandbox's GitLab objects. */
export function number(...parts: Array<string | number>): number {
  return parseInt(
    createHash('sha1').update(parts.join(':')).digest('hex').slice(0, 6),
    16,
  );
}

/** A project of the sandbox GitLab: an example service with a `gitlab.com/project-slug`. */
export interface SandboxProject {
  id: number;
  slug: string;
  service: ExampleService;
  commits: Commit[];
}

export function sandboxProjects(
  services: ExampleService[],
  commits: Record<string, Commit[]>,
): SandboxProject[] {
  return services
    .filter(s => s.gitlabProject && commits[s.name])
    .map(service => ({
      id: 1000 + (number(service.gitlabProject!) % 90000),
      slug: service.gitlabProject!,
      service,
      commits: commits[service.name],
    }));
}

function user(name: string): Obj {
  const username = name.toLowerCase().replace(/ /g, '.');
  return {
    id: number(username) % 1000,
    username,
    name,
    state: 'active',
    avatar_url: `${GITLAB_ORIGIN}/uploads/-/system/user/avatar/${username}.png`,
    web_url: `${GITLAB_ORIGIN}/${username}`,
  };
}

export function projectObject(project: SandboxProject): Obj {
  const [namespace, path] = project.slug.split('/');
  const head = project.commits[project.commits.length - 1];
  return {
    id: project.id,
    description: project.service.title,
    name: project.service.title,
    name_with_namespace: `${namespace} / ${project.service.title}`,
    path,
    path_with_namespace: project.slug,
    created_at: iso(project.commits[0].committedAt),
    updated_at: iso(head.committedAt),
    default_branch: 'main',
    tag_list: [],
    topics: [],
    ssh_url_to_repo: `git@localhost:${project.slug}.git`,
    http_url_to_repo: `${GITLAB_ORIGIN}/${project.slug}.git`,
    web_url: `${GITLAB_ORIGIN}/${project.slug}`,
    readme_url: null,
    avatar_url: null,
    forks_count: 0,
    star_count: 0,
    last_activity_at: iso(head.committedAt),
    namespace: {
      id: number(namespace) % 1000,
      name: namespace,
      path: namespace,
      kind: 'group',
      full_path: namespace,
      parent_id: null,
      avatar_url: null,
      web_url: `${GITLAB_ORIGIN}/groups/${namespace}`,
    },
    archived: false,
    visibility: 'internal',
    empty_repo: false,
    issues_enabled: true,
    merge_requests_enabled: true,
    jobs_enabled: true,
    open_issues_count: 0,
    ci_config_path: '',
  };
}

/** One pipeline per commit of main; ids grow with the commit, all finished and passed. */
export function pipelineObject(project: SandboxProject, commit: Commit): Obj {
  const id = project.id * 1000 + commit.number;
  const created = commit.committedAt + 5_000;
  const finished = created + 6 * 60_000;
  return {
    id,
    iid: commit.number,
    project_id: project.id,
    name: null,
    sha: commit.revision,
    ref: 'main',
    status: 'success',
    source: 'push',
    created_at: iso(created),
    updated_at: iso(finished),
    web_url: `${GITLAB_ORIGIN}/${project.slug}/-/pipelines/${id}`,
  };
}

export function pipelineDetailObject(
  project: SandboxProject,
  commit: Commit,
): Obj {
  const summary = pipelineObject(project, commit);
  const before = project.commits.find(c => c.number === commit.number - 1);
  return {
    ...summary,
    before_sha: before?.revision ?? '0000000000000000000000000000000000000000',
    tag: false,
    yaml_errors: null,
    user: user(commit.author),
    started_at: iso(Date.parse(summary.created_at) + 8_000),
    finished_at: summary.updated_at,
    committed_at: null,
    duration: 352,
    queued_duration: 8,
    coverage: null,
    detailed_status: {
      icon: 'status_success',
      text: 'passed',
      label: 'passed',
      group: 'success',
      tooltip: 'passed',
      has_details: false,
      details_path: `/${project.slug}/-/pipelines/${summary.id}`,
      illustration: null,
      favicon: '/assets/ci_favicons/favicon_status_success.png',
    },
  };
}

export function commitObject(project: SandboxProject, commit: Commit): Obj {
  const author = user(commit.author);
  return {
    id: commit.revision,
    short_id: commit.revision.slice(0, 8),
    title: commit.message,
    message: commit.message,
    author_name: commit.author,
    author_email: `${author.username}@example.com`,
    created_at: iso(commit.committedAt),
    authored_date: iso(commit.committedAt),
    committed_date: iso(commit.committedAt),
    web_url: `${GITLAB_ORIGIN}/${project.slug}/-/commit/${commit.revision}`,
  };
}

/** The jobs of a pipeline: one per stage of the golden path's CI. */
export function jobObjects(project: SandboxProject, commit: Commit): Obj[] {
  const pipeline = pipelineObject(project, commit);
  const created = Date.parse(pipeline.created_at);
  return STAGES.map((stage, i) => {
    const started = created + 8_000 + i * 70_000;
    return {
      commit: {
        author_email: `${user(commit.author).username}@example.com`,
        author_name: commit.author,
        created_at: iso(commit.committedAt),
        id: commit.revision,
        message: commit.message,
        short_id: commit.revision.slice(0, 8),
        title: commit.message,
      },
      coverage: null,
      allow_failure: false,
      created_at: iso(created),
      started_at: iso(started),
      finished_at: iso(started + 60_000),
      duration: 60,
      queued_duration: 2,
      artifacts_expire_at: null,
      tag_list: [],
      id: pipeline.id * 10 + i,
      name: stage === 'deploy' ? 'deploy:development' : stage,
      pipeline: {
        id: pipeline.id,
        project_id: project.id,
        ref: 'main',
        sha: commit.revision,
        status: 'success',
      },
      ref: 'main',
      artifacts: [],
      runner: null,
      stage,
      status: 'success',
      tag: false,
      web_url: `${GITLAB_ORIGIN}/${project.slug}/-/jobs/${
        pipeline.id * 10 + i
      }`,
      user: user(commit.author),
    };
  });
}

/** One open merge request per project: the dependency bot's latest update. */
export function mergeRequestObjects(
  project: SandboxProject,
  nowMs: number,
): Obj[] {
  const head = project.commits[project.commits.length - 1];
  const iid = 40 + (project.id % 50);
  const bot = user('Renovate Bot');
  return [
    {
      id: project.id * 100 + iid,
      iid,
      project_id: project.id,
      title: 'chore(deps): update dependency express to v4.22.1',
      description:
        'This MR contains the following updates: express 4.22.0 → 4.22.1',
      state: 'opened',
      created_at: iso(nowMs - 26 * 3600_000),
      updated_at: iso(nowMs - 2 * 3600_000),
      merged_by: null,
      merged_at: null,
      closed_by: null,
      closed_at: null,
      target_branch: 'main',
      source_branch: 'renovate/express-4.x',
      user_notes_count: 0,
      upvotes: 0,
      downvotes: 0,
      assignee: null,
      assignees: [],
      author: bot,
      reviewers: [],
      source_project_id: project.id,
      target_project_id: project.id,
      labels: ['dependencies'],
      work_in_progress: false,
      milestone: null,
      merge_when_pipeline_succeeds: false,
      detailed_merge_status: 'mergeable',
      sha: createHash('sha1').update(`${head.revision}:renovate`).digest('hex'),
      merge_commit_sha: null,
      discussion_locked: null,
      should_remove_source_branch: null,
      force_remove_source_branch: true,
      reference: `!${iid}`,
      web_url: `${GITLAB_ORIGIN}/${project.slug}/-/merge_requests/${iid}`,
      time_stats: {
        time_estimate: 0,
        total_time_spent: 0,
        human_time_estimate: null,
        human_total_time_spent: null,
      },
      squash: false,
      task_completion_status: { count: 0, completed_count: 0 },
      approvals_before_merge: null,
    },
  ];
}

/** The sandbox's own user: whoever holds the development token. */
export function currentUserObject(): Obj {
  return {
    ...user('Platform Portal'),
    id: 1,
    username: 'portal-bot',
    bot: true,
  };
}

/** A group namespace of the sandbox GitLab. */
export function namespaceObject(path: string): Obj {
  return {
    id: number(path) % 1000,
    name: path,
    path,
    kind: 'group',
    full_path: path,
    parent_id: null,
    avatar_url: null,
    web_url: `${GITLAB_ORIGIN}/groups/${path}`,
  };
}
