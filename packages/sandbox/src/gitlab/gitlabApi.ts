import http from 'node:http';
import { SandboxClock } from '../world/clock';
import { Commit, Deploy, SandboxWorld } from '../world/buildWorld';
import { ExampleService } from '../world/readExamples';
import { Interceptor, JsonAnswer, JsonHandler } from '../http/jsonServer';
import { GitRepositories } from './gitRepositories';
import { UNKNOWN_ROUTE, notFound, ok, paginated } from './gitlabAnswers';
import {
  SandboxProject,
  commitObject,
  currentUserObject,
  jobObjects,
  mergeRequestObjects,
  namespaceObject,
  pipelineDetailObject,
  pipelineObject,
  projectObject,
  sandboxProjects,
} from './gitlabObjects';
import {
  DEFAULT_STAGE_MS,
  PushPipeline,
  jobsOf,
  pipelineFinishedAt,
} from './pushPipelines';
import { PushedManifests, readPushedManifests } from './pushedManifests';
import { SandboxOrganisation } from './gitlabOrganisation';
import { SandboxGitlabOAuth } from './gitlabOAuth';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { SYNC_MS } from '../world/deliveredRelease';

/** A push to main of a created project, as a GitOps controller sees it. */
export interface Delivery {
  project: SandboxProject;
  sha: string;
  author: string;
  message: string;
  /** When the pushed revision was committed (git's committer date). */
  committedAt: number;
  pushedAt: number;
  /** When its pipeline finished: from then on the manifests of `sha` are there to sync. */
  readyAt: number;
  /** What the pushed GitOps manifests say about the delivery environment. */
  manifests: PushedManifests;
  /** Earlier pushes whose pipelines passed, newest first: the application's history. */
  earlier: Deploy[];
}
import { pushJobObjects, pushPipelineObject } from './pushPipelineObjects';

// /<namespace>/<project>.git/info/refs | git-upload-pack | git-receive-pack
const GIT_PATH = /^\/(.+)\.git\/(info\/refs|git-upload-pack|git-receive-pack)$/;

/**
 * The sandbox GitLab. Example projects are read-only, their history synthetic (the world's
 * commits). Projects created through the API (the scaffolder's `publish:gitlab`) are real bare
 * git repositories served over smart HTTP; each push to main starts a pipeline whose jobs follow
 * the pushed `.gitlab-ci.yml` and move through GitLab's statuses on the sandbox clock.
 */
export class SandboxGitlab {
  private readonly examples: SandboxProject[];
  private readonly created = new Map<string, SandboxProject>();
  private readonly pipelines: PushPipeline[] = [];
  /** Per pushed revision, what its GitOps manifests say. */
  private readonly manifests = new Map<string, PushedManifests>();
  private nextId = 900_001;
  /** Groups, members and users, for the GitLab organisation import. */
  private readonly organisation: SandboxOrganisation;
  /** Sign-in with GitLab: its OAuth application and the users' tokens. */
  private readonly oauth: SandboxGitlabOAuth;

  constructor(
    private readonly options: {
      world: SandboxWorld;
      repositories: ExampleService[];
      clock: SandboxClock;
      token: string;
      git: GitRepositories;
      /** How long each stage of a pushed pipeline runs; DEFAULT_STAGE_MS unless set. */
      stageMs?: number;
      /** Where to say what is wrong with a push; the developer who pushed reads it. */
      warn: (message: string) => void;
      /** The company's groups and accounts; examples/org.yaml's unless set. */
      organisation?: SandboxOrganisation;
    },
  ) {
    this.examples = sandboxProjects(
      options.repositories,
      options.world.commits,
    );
    this.organisation =
      options.organisation ??
      SandboxOrganisation.fromOrgFile(
        resolvePackagePath('@internal/sandbox', '../../examples/org.yaml'),
      );
    this.oauth = new SandboxGitlabOAuth(this.organisation, () =>
      options.clock.now(),
    );
  }

  private authorized(headers: http.IncomingHttpHeaders): boolean {
    const bearer = String(headers.authorization ?? '');
    if (bearer.startsWith('Basic ')) {
      // git over HTTP: any user name (GitLab takes `oauth2`) with the token as password.
      const [, password] = Buffer.from(bearer.slice(6), 'base64')
        .toString()
        .split(':');
      return password === this.options.token;
    }
    const token = headers['private-token'] ?? bearer.replace(/^Bearer /, '');
    return token === this.options.token;
  }

  private projectOf(id: string): SandboxProject | undefined {
    const decoded = decodeURIComponent(id);
    return [...this.examples, ...this.created.values()].find(
      p => String(p.id) === decoded || p.slug === decoded,
    );
  }

  private namespaces(): Set<string> {
    return new Set(
      [...this.examples, ...this.created.values()].map(
        p => p.slug.split('/')[0],
      ),
    );
  }

  /** git over smart HTTP, for created projects; a finished push to main starts a pipeline. */
  readonly intercept: Interceptor = async (req, res) => {
    const match = (req.url ?? '').split('?')[0].match(GIT_PATH);
    if (!match) return false;
    const [, slug, gitPath] = match;
    if (!this.authorized(req.headers)) {
      res
        .writeHead(401, { 'www-authenticate': 'Basic realm="GitLab"' })
        .end('HTTP Basic: Access denied');
      return true;
    }
    if (!this.created.has(slug)) {
      res
        .writeHead(404)
        .end('The project you were looking for could not be found.');
      return true;
    }
    const project = this.created.get(slug)!;
    await this.options.git.serve(req, res, slug, gitPath, 'portal-bot', () =>
      gitPath === 'git-receive-pack'
        ? this.startPipeline(project)
        : Promise.resolve(),
    );
    return true;
  };

  private async startPipeline(project: SandboxProject) {
    const [head] = await this.options.git.log(project.slug, 'main', 1);
    if (
      !head ||
      this.pipelines.some(
        p => p.projectId === project.id && p.sha === head.revision,
      )
    ) {
      return;
    }
    const ci = await this.options.git.readFile(
      project.slug,
      head.revision,
      '.gitlab-ci.yml',
    );
    if (ci === undefined) return; // GitLab runs no pipeline without a CI file
    const id = this.nextId++;
    this.pipelines.push({
      id,
      iid: this.pipelines.filter(p => p.projectId === project.id).length + 1,
      projectId: project.id,
      sha: head.revision,
      ref: 'main',
      createdAt: this.options.clock.now(),
      author: head.author,
      message: head.message,
      committedAt: head.committedAt,
      jobs: jobsOf(ci).map((job, i) => ({ ...job, id: id * 100 + i })),
      stageMs: this.options.stageMs ?? DEFAULT_STAGE_MS,
    });
    const manifests = await readPushedManifests(
      this.options.git,
      project.slug,
      head.revision,
      this.options.world.deliveryEnvironment?.name ?? 'development',
    );
    if (manifests.problem) {
      this.options.warn(
        `a pushed manifest does not parse, ${manifests.problem}; Argo CD and Kubernetes show the project under its own name`,
      );
    }
    this.manifests.set(head.revision, manifests);
  }

  private create(
    body: Record<string, unknown> | undefined,
  ): Promise<JsonAnswer> | JsonAnswer {
    const path = String(body?.path ?? body?.name ?? '');
    const namespaceId = Number(body?.namespace_id ?? body?.namespaceId);
    const namespace = [...this.namespaces()].find(
      n => namespaceObject(n).id === namespaceId,
    );
    if (!path || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(path)) {
      return { status: 400, body: { message: { path: ['is invalid'] } } };
    }
    if (!namespace) {
      return { status: 404, body: { message: '404 Namespace Not Found' } };
    }
    const slug = `${namespace}/${path}`;
    if (this.projectOf(slug)) {
      return {
        status: 400,
        body: {
          message: {
            name: ['has already been taken'],
            path: ['has already been taken'],
          },
        },
      };
    }
    const project: SandboxProject = {
      id: this.nextId++,
      slug,
      service: {
        name: path,
        title: String(body?.name ?? path),
        owner: namespace,
      },
      commits: [],
    };
    return this.options.git.create(slug).then(() => {
      this.created.set(slug, project);
      return {
        status: 201,
        body: projectObject({
          ...project,
          commits: [this.placeholderCommit()],
        }),
      };
    });
  }

  /** The newest push to main of every created project that has a pipeline, with the earlier ones. */
  deliveries(): Delivery[] {
    return [...this.created.values()].flatMap(project => {
      const pushes = this.pipelines.filter(p => p.projectId === project.id);
      const newest = pushes.pop();
      if (!newest) return [];
      return [
        {
          project,
          sha: newest.sha,
          author: newest.author,
          message: newest.message,
          committedAt: newest.committedAt,
          pushedAt: newest.createdAt,
          readyAt: pipelineFinishedAt(newest),
          manifests: this.manifests.get(newest.sha) ?? {},
          earlier: pushes
            .map((push, index) => ({
              id: index + 1,
              revision: push.sha,
              deployedAt: pipelineFinishedAt(push) + SYNC_MS,
              author: push.author,
              message: push.message,
              committedAt: push.committedAt,
            }))
            .filter(deploy => deploy.deployedAt <= this.options.clock.now())
            .reverse(),
        },
      ];
    });
  }

  /** A created project's history from git, in the world's commit shape. */
  private async commitsOf(project: SandboxProject): Promise<Commit[]> {
    if (!this.created.has(project.slug)) return project.commits;
    const log = await this.options.git.log(project.slug, 'main');
    return log.reverse().map((c, i) => ({ number: i + 1, ...c }));
  }

  private placeholderCommit(): Commit {
    const now = this.options.clock.now();
    return {
      number: 0,
      revision: '',
      author: 'Platform Portal',
      message: '',
      committedAt: now,
    };
  }

  readonly handler: JsonHandler = async ({
    method,
    path,
    query,
    headers,
    body,
  }) => {
    const oauth = this.oauth.handle({ method, path, query, headers, body });
    if (oauth) return oauth;
    const signedIn = this.oauth.personOf(headers);
    if (signedIn) {
      // A sign-in token (scope read_user) reads its own user and nothing else.
      return method === 'GET' && path === '/api/v4/user'
        ? ok(this.organisation.currentUserObject(signedIn))
        : {
            status: 403,
            body: {
              error: 'insufficient_scope',
              error_description:
                'The request requires higher privileges than provided by the access token.',
              scope: 'api read_api',
            },
          };
    }
    if (!this.authorized(headers)) {
      return { status: 401, body: { message: '401 Unauthorized' } };
    }
    if (method === 'POST' && path === '/api/graphql') {
      return this.organisation.graphql(body);
    }
    if (!path.startsWith('/api/v4/')) return UNKNOWN_ROUTE;
    const parts = path.slice('/api/v4/'.length).split('/');
    if (method === 'POST' && parts.join('/') === 'projects')
      return this.create(body);
    if (method !== 'GET') return UNKNOWN_ROUTE;
    if (parts[0] === 'version')
      return ok({ version: '17.5.0', revision: 'sandbox' });
    if (parts[0] === 'user' && parts.length === 1)
      return ok(currentUserObject());
    if (parts[0] === 'namespaces' && parts[1]) {
      const name = decodeURIComponent(parts[1]);
      return this.namespaces().has(name)
        ? ok(namespaceObject(name))
        : notFound('Namespace');
    }
    if (parts[0] === 'groups' && parts[1] && parts[2] === 'projects') {
      const group = decodeURIComponent(parts[1]);
      const search = query.get('search') ?? '';
      const projects = [...this.examples, ...this.created.values()].filter(
        p => p.slug.startsWith(`${group}/`) && p.slug.includes(search),
      );
      const withCommits = await Promise.all(
        projects.map(async p => ({ ...p, commits: await this.commitsOf(p) })),
      );
      return paginated(
        withCommits.map(p =>
          projectObject(
            p.commits.length
              ? p
              : { ...p, commits: [this.placeholderCommit()] },
          ),
        ),
        query,
      );
    }
    const organisational = this.organisation.route(parts, query);
    if (organisational) return organisational;
    if (parts[0] !== 'projects' || !parts[1]) return UNKNOWN_ROUTE;
    const found = this.projectOf(parts[1]);
    if (!found) return notFound('Project');
    const commits = await this.commitsOf(found);
    const project = { ...found, commits };
    return this.projectRoute(project, parts.slice(2).join('/'), query);
  };

  private async projectRoute(
    project: SandboxProject,
    rest: string,
    query: URLSearchParams,
  ): Promise<JsonAnswer> {
    const now = this.options.clock.now();
    const isCreated = this.created.has(project.slug);
    const newestFirst = [...project.commits].reverse();
    if (rest === '') {
      return ok(
        projectObject(
          project.commits.length
            ? project
            : { ...project, commits: [this.placeholderCommit()] },
        ),
      );
    }
    if (rest === 'pipelines') {
      const ref = query.get('ref');
      const sha = query.get('sha');
      const status = query.get('status');
      const pipelines = (
        isCreated
          ? this.pipelines
              .filter(p => p.projectId === project.id)
              .reverse()
              .map(p => pushPipelineObject(project.slug, p, now))
          : newestFirst.map(c => pipelineObject(project, c))
      )
        .filter(p => (!ref || p.ref === ref) && (!sha || p.sha === sha))
        .filter(p => !status || p.status === status);
      return paginated(pipelines, query);
    }
    const pipeline = rest.match(/^pipelines\/(\d+)(\/jobs)?$/);
    if (pipeline) {
      if (isCreated) {
        const pushed = this.pipelines.find(
          p => p.id === Number(pipeline[1]) && p.projectId === project.id,
        );
        if (!pushed) return notFound('Pipeline');
        return pipeline[2]
          ? paginated(pushJobObjects(project.slug, pushed, now), query)
          : ok(pushPipelineObject(project.slug, pushed, now));
      }
      const commit = project.commits.find(
        c => pipelineObject(project, c).id === Number(pipeline[1]),
      );
      if (!commit) return notFound('Pipeline');
      return pipeline[2]
        ? paginated(jobObjects(project, commit), query)
        : ok(pipelineDetailObject(project, commit));
    }
    if (rest === 'repository/commits') {
      return paginated(
        newestFirst.map(c => commitObject(project, c)),
        query,
      );
    }
    const commit = rest.match(/^repository\/commits\/([0-9a-f]{7,40})$/);
    if (commit) {
      const hit = project.commits.find(c => c.revision.startsWith(commit[1]));
      return hit ? ok(commitObject(project, hit)) : notFound('Commit');
    }
    if (rest === 'repository/tree') {
      const entries = isCreated
        ? await this.options.git.tree(
            project.slug,
            query.get('ref') ?? 'main',
            query.get('path') ?? '',
            query.get('recursive') === 'true',
          )
        : undefined;
      return entries ? paginated(entries, query) : notFound('Tree');
    }
    const file = rest.match(/^repository\/files\/(.+?)(\/raw)?$/);
    if (file) {
      const content = isCreated
        ? await this.options.git.readFile(
            project.slug,
            query.get('ref') ?? 'main',
            decodeURIComponent(file[1]),
          )
        : undefined;
      if (content === undefined) return notFound('File');
      return file[2]
        ? { status: 200, text: content }
        : ok({
            file_path: decodeURIComponent(file[1]),
            ref: query.get('ref') ?? 'main',
            encoding: 'base64',
            content: Buffer.from(content).toString('base64'),
          });
    }
    if (rest === 'merge_requests') {
      const state = query.get('state');
      const mrs = isCreated ? [] : mergeRequestObjects(project, now);
      return paginated(
        mrs.filter(mr => !state || state === 'all' || mr.state === state),
        query,
      );
    }
    if (rest === 'languages')
      return ok({ TypeScript: 91.2, Dockerfile: 5.3, Shell: 3.5 });
    if (rest === 'repository/contributors') {
      const authors = [...new Set(project.commits.map(c => c.author))];
      return paginated(
        authors.map(name => ({
          name,
          email: `${name.toLowerCase().replace(/ /g, '.')}@example.com`,
          commits: project.commits.filter(c => c.author === name).length,
          additions: 0,
          deletions: 0,
        })),
        query,
      );
    }
    if (
      ['issues', 'releases', 'repository/tags', 'members/all'].includes(rest)
    ) {
      return paginated([], query);
    }
    return UNKNOWN_ROUTE;
  }
}
