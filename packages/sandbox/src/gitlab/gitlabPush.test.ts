import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  ARGOCD_APPLICATION_SCHEMA,
  KUBERNETES_SCHEMAS,
  assertSchema,
  gitlabExample,
  shapeMismatches,
} from '../__testUtils__/contracts';
import { Sandbox, startSandbox, SANDBOX_TOKENS } from '../startSandbox';
import { SandboxClock } from '../world/clock';

const run = promisify(execFile);
const examplesDir = path.resolve(__dirname, '../../../../examples');

let sandbox: Sandbox;
const warnings: string[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({
    examplesDir,
    warn: message => warnings.push(message),
    clock: SandboxClock.fixed(Date.UTC(2026, 0, 5, 9)),
    ports: { gitlab: 0, argocd: 0, kubernetes: 0, datadog: 0 },
  });
});
afterAll(() => sandbox.close());

it('removes the git folder it made when it stops', async () => {
  const own = await startSandbox({
    examplesDir,
    ports: { gitlab: 0, argocd: 0, kubernetes: 0, datadog: 0 },
  });
  expect(fs.existsSync(own.gitDir)).toBe(true);
  await own.close();
  expect(fs.existsSync(own.gitDir)).toBe(false);
});

async function api(method: string, route: string, body?: object) {
  const response = await fetch(`${sandbox.urls.gitlab}/api/v4${route}`, {
    method,
    headers: {
      'PRIVATE-TOKEN': SANDBOX_TOKENS.gitlab,
      'content-type': 'application/json',
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // a raw file
  }
  return { status: response.status, body: parsed };
}

/** A working copy with a CI file and a catalog file, committed, ready to push. */
async function workingCopy(files: Record<string, string>): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-push-'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  const git = (...args: string[]) => run('git', args, { cwd: dir });
  await git('init', '--quiet', '--initial-branch=main');
  await git('add', '.');
  await git(
    '-c',
    'user.name=Platform Portal',
    '-c',
    'user.email=portal@example.com',
    'commit',
    '--quiet',
    '-m',
    'Initial commit from the platform portal',
  );
  return dir;
}

/** Creates commerce/<projectPath> through the API, as publish:gitlab does, and pushes `files`. */
async function createAndPush(
  projectPath: string,
  files: Record<string, string>,
): Promise<{ id: number; dir: string; remote: string }> {
  const { body: namespace } = await api('GET', '/namespaces/commerce');
  const created = await api('POST', '/projects', {
    namespace_id: namespace.id,
    path: projectPath,
  });
  const dir = await workingCopy(files);
  const remote = `${sandbox.urls.gitlab.replace(
    'http://',
    `http://oauth2:${SANDBOX_TOKENS.gitlab}@`,
  )}/commerce/${projectPath}.git`;
  await run('git', ['push', '--quiet', remote, 'main'], { cwd: dir });
  return { id: created.body.id, dir, remote };
}

describe('sandbox GitLab, write side', () => {
  it('creates a project as publish:gitlab does, takes a real git push, serves the pushed files, and runs its pipeline stage by stage', async () => {
    const { body: namespace } = await api('GET', '/namespaces/commerce');
    expect(namespace).toMatchObject({ kind: 'group', full_path: 'commerce' });
    expect((await api('GET', '/user')).body.username).toBe('portal-bot');

    const created = await api('POST', '/projects', {
      namespace_id: namespace.id,
      name: 'basket-api',
      path: 'basket-api',
      visibility: 'private',
    });
    expect(created.status).toBe(201);
    expect(created.body.http_url_to_repo).toBe(
      'http://localhost:7101/commerce/basket-api.git',
    );
    expect(
      (
        await api('POST', '/projects', {
          namespace_id: namespace.id,
          path: 'basket-api',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api('GET', '/groups/commerce/projects?search=basket-api')
      ).body.map((p: any) => p.path),
    ).toEqual(['basket-api']);

    const dir = await workingCopy({
      '.gitlab-ci.yml':
        'stages: [lint, test, build]\nunit:\n  stage: test\n  script: [npm test]\n',
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: basket-api\n',
    });
    const remote = `${sandbox.urls.gitlab.replace(
      'http://',
      `http://oauth2:${SANDBOX_TOKENS.gitlab}@`,
    )}/commerce/basket-api.git`;
    await run('git', ['push', '--quiet', remote, 'main'], { cwd: dir });

    const raw = await api(
      'GET',
      `/projects/${encodeURIComponent(
        'commerce/basket-api',
      )}/repository/files/catalog-info.yaml/raw?ref=main`,
    );
    expect(raw).toEqual({
      status: 200,
      body: expect.stringContaining('name: basket-api'),
    });
    const commits = await api(
      'GET',
      `/projects/${created.body.id}/repository/commits`,
    );
    expect(commits.body[0].title).toBe(
      'Initial commit from the platform portal',
    );

    const status = async () => {
      const { body: pipelines } = await api(
        'GET',
        `/projects/${created.body.id}/pipelines`,
      );
      const [pipeline] = pipelines;
      const { body: jobs } = await api(
        'GET',
        `/projects/${created.body.id}/pipelines/${pipeline.id}/jobs`,
      );
      const { body: single } = await api(
        'GET',
        `/projects/${created.body.id}/pipelines/${pipeline.id}`,
      );
      // In GitLab's documented wire format at every step, not only when done.
      expect(
        shapeMismatches(gitlabExample('docs-pipelines-list.json'), pipelines),
      ).toEqual([]);
      expect(
        shapeMismatches(gitlabExample('docs-pipeline-single.json'), single),
      ).toEqual([]);
      expect(
        shapeMismatches(gitlabExample('docs-pipeline-jobs-list.json'), jobs),
      ).toEqual([]);
      return [
        pipeline.status,
        ...jobs.map((j: any) => `${j.name}:${j.status}`),
      ];
    };
    expect(await status()).toEqual([
      'created',
      'lint:created',
      'unit:created',
      'build:created',
    ]);
    sandbox.clock.advance(5_000);
    expect(await status()).toEqual([
      'running',
      'lint:running',
      'unit:created',
      'build:created',
    ]);
    sandbox.clock.advance(8_000);
    expect(await status()).toEqual([
      'running',
      'lint:success',
      'unit:running',
      'build:created',
    ]);
    sandbox.clock.advance(20_000);
    expect(await status()).toEqual([
      'success',
      'lint:success',
      'unit:success',
      'build:success',
    ]);
    expect(commits.body[0].id).toBe(
      (await api('GET', `/projects/${created.body.id}/pipelines`)).body[0].sha,
    );
  });

  it('has Argo CD sync the pushed revision to the first environment: OutOfSync, Syncing, Synced and Progressing, Healthy', async () => {
    const created = await createAndPush('wishlist-api', {
      '.gitlab-ci.yml': 'stages: [build, deploy]\n',
    });
    const {
      body: [pipeline],
    } = await api('GET', `/projects/${created.id}/pipelines`);

    const app = async () => {
      const response = await fetch(
        `${
          sandbox.urls.argocd
        }/instances/dev/api/v1/applications?selector=${encodeURIComponent(
          'backstage.io/kubernetes-id=wishlist-api',
        )}`,
        { headers: { Authorization: `Bearer ${SANDBOX_TOKENS.argocd}` } },
      );
      const { items } = await response.json();
      expect(items).toHaveLength(1);
      assertSchema(ARGOCD_APPLICATION_SCHEMA, {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        ...items[0],
      });
      const { status } = items[0];
      return [
        status.sync.status,
        status.health.status,
        status.operationState?.phase ?? '-',
        status.sync.revision === pipeline.sha,
      ];
    };
    expect(await app()).toEqual(['OutOfSync', 'Missing', '-', true]);
    sandbox.clock.advance(2_000 + 2 * 8_000); // the pipeline has finished
    expect(await app()).toEqual(['OutOfSync', 'Missing', 'Running', true]);
    sandbox.clock.advance(4_000);
    expect(await app()).toEqual(['Synced', 'Progressing', 'Succeeded', true]);
    sandbox.clock.advance(4_000);
    expect(await app()).toEqual(['Synced', 'Healthy', 'Succeeded', true]);
  });

  it("runs the pushed manifests' workloads in the first environment once synced: the Application's Kubernetes id, the overlay's replicas", async () => {
    await createAndPush('gift-cards', {
      '.gitlab-ci.yml': 'stages: [build]\n',
      'argocd/development.yaml': [
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Application',
        'metadata:',
        '  name: gift-card-service-development',
        '  labels:',
        '    backstage.io/kubernetes-id: gift-card-service',
        'spec:',
        '  destination: { name: dev-eu-1, namespace: gift-card-service }',
        '',
      ].join('\n'),
      'deploy/overlays/development/kustomization.yaml':
        'resources: [../../base]\nreplicas:\n  - name: gift-card-service\n    count: 3\n',
    });

    const list = async (resource: string) => {
      const group = resource === 'pods' ? 'api/v1' : 'apis/apps/v1';
      const response = await fetch(
        `${
          sandbox.urls.kubernetes
        }/clusters/dev-eu-1/${group}/${resource}?labelSelector=${encodeURIComponent(
          'backstage.io/kubernetes-id=gift-card-service',
        )}`,
        {
          headers: { Authorization: `Bearer ${SANDBOX_TOKENS.kubernetes}` },
        },
      );
      const body = await response.json();
      assertSchema(
        `${KUBERNETES_SCHEMAS}/${
          resource === 'pods'
            ? 'podlist-v1.json'
            : 'deploymentlist-apps-v1.json'
        }`,
        body,
      );
      return body.items as any[];
    };
    expect(await list('deployments')).toEqual([]);

    sandbox.clock.advance(2_000 + 8_000 + 4_000); // pipeline passed, synced
    const [deployment] = await list('deployments');
    expect(deployment.metadata).toMatchObject({
      name: 'gift-card-service',
      namespace: 'gift-card-service',
    });
    expect(deployment.spec.replicas).toBe(3);
    expect(await list('pods')).toHaveLength(3);

    const apps = await fetch(
      `${
        sandbox.urls.argocd
      }/instances/dev/api/v1/applications?selector=${encodeURIComponent(
        'backstage.io/kubernetes-id=gift-card-service',
      )}`,
      { headers: { Authorization: `Bearer ${SANDBOX_TOKENS.argocd}` } },
    ).then(r => r.json());
    expect(apps.items.map((a: any) => a.metadata.name)).toEqual([
      'gift-card-service-development',
    ]);
  });

  it('says when pushed manifests do not parse, and still runs the project under its own name', async () => {
    await createAndPush('broken-manifests', {
      '.gitlab-ci.yml': 'stages: [build]\n',
      'argocd/development.yaml': 'kind: Application\nmetadata: [unclosed\n',
    });
    expect(warnings).toEqual([
      'a pushed manifest does not parse, commerce/broken-manifests argocd/development.yaml:3:1: Flow sequence in block collection must be sufficiently indented and end with a ]; Argo CD and Kubernetes show the project under its own name',
    ]);
    sandbox.clock.advance(2_000 + 8_000 + 4_000);
    const response = await fetch(
      `${sandbox.urls.argocd}/instances/dev/api/v1/applications/broken-manifests-development`,
      { headers: { Authorization: `Bearer ${SANDBOX_TOKENS.argocd}` } },
    );
    expect(response.status).toBe(200);
    expect((await response.json()).status.sync.status).toBe('Synced');
  });

  it("serves a pushed project's repository tree as GitLab's tree API does: one level, recursive, a folder, 404 for a missing one", async () => {
    const created = await createAndPush('tree-demo', {
      'README.md': '# tree demo\n',
      'deploy/base/deployment.yaml': 'kind: Deployment\n',
    });
    const tree = (query: string) =>
      api('GET', `/projects/${created.id}/repository/tree?${query}`);

    const top = await tree('ref=main');
    expect(top.status).toBe(200);
    // GitLab's documented fields of a tree entry, and nothing else.
    expect(Object.keys(top.body[0]).sort()).toEqual([
      'id',
      'mode',
      'name',
      'path',
      'type',
    ]);
    expect(top.body.map((e: any) => [e.path, e.type])).toEqual([
      ['README.md', 'blob'],
      ['deploy', 'tree'],
    ]);
    expect(
      (await tree('ref=main&recursive=true')).body.map((e: any) => e.path),
    ).toEqual([
      'README.md',
      'deploy',
      'deploy/base',
      'deploy/base/deployment.yaml',
    ]);
    expect((await tree('ref=main&path=deploy')).body).toEqual([
      expect.objectContaining({
        name: 'base',
        path: 'deploy/base',
        type: 'tree',
      }),
    ]);
    expect(await tree('ref=main&path=nope')).toEqual({
      status: 404,
      body: { message: '404 Tree Not Found' },
    });
  });

  it('keeps the previous revision running and in the history while a second push is built, then syncs it', async () => {
    const { dir, remote } = await createAndPush('loyalty-api', {
      '.gitlab-ci.yml': 'stages: [build]\n',
    });
    const git = (...args: string[]) => run('git', args, { cwd: dir });
    const first = (await git('rev-parse', 'HEAD')).stdout.trim();
    sandbox.clock.advance(2_000 + 8_000 + 4_000 + 4_000); // built, synced, rolled out

    fs.writeFileSync(path.join(dir, 'README.md'), '# loyalty\n');
    await git('add', '.');
    await git(
      '-c',
      'user.name=Ada Lovelace',
      '-c',
      'user.email=ada@example.com',
      'commit',
      '--quiet',
      '-m',
      'Add a README',
    );
    await git('push', '--quiet', remote, 'main');
    const second = (await git('rev-parse', 'HEAD')).stdout.trim();

    const app = async () => {
      const response = await fetch(
        `${sandbox.urls.argocd}/instances/dev/api/v1/applications/loyalty-api-development`,
        { headers: { Authorization: `Bearer ${SANDBOX_TOKENS.argocd}` } },
      );
      const { status } = await response.json();
      return {
        sync: status.sync.status,
        health: status.health.status,
        history: status.history.map((h: any) => h.revision),
      };
    };
    expect(await app()).toEqual({
      sync: 'OutOfSync',
      health: 'Healthy',
      history: [first],
    });
    sandbox.clock.advance(2_000 + 8_000 + 4_000 + 4_000);
    const synced = await app();
    expect(synced).toEqual({
      sync: 'Synced',
      health: 'Healthy',
      history: expect.arrayContaining([first, second]),
    });
    expect(synced.history).toHaveLength(2);

    // Revision metadata, which the history card shows, is each commit's own.
    const metadata = async (revision: string) => {
      const response = await fetch(
        `${sandbox.urls.argocd}/instances/dev/api/v1/applications/loyalty-api-development/revisions/${revision}/metadata`,
        { headers: { Authorization: `Bearer ${SANDBOX_TOKENS.argocd}` } },
      );
      return response.json();
    };
    const committed = async (revision: string) =>
      new Date(
        Number((await git('show', '-s', '--format=%ct', revision)).stdout) *
          1000,
      ).toISOString();
    expect(await metadata(second)).toEqual({
      author: 'Ada Lovelace <ada.lovelace@example.com>',
      date: await committed(second),
      message: 'Add a README',
      tags: [],
    });
    expect((await metadata(first)).date).toBe(await committed(first));
  });

  it('refuses a push without the token', async () => {
    const dir = await workingCopy({ 'README.md': '# x\n' });
    await expect(
      run(
        'git',
        [
          'push',
          '--quiet',
          `${sandbox.urls.gitlab}/commerce/basket-api.git`,
          'main',
        ],
        {
          cwd: dir,
          env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
        },
      ),
    ).rejects.toThrow(/Authentication failed|could not read Username|401/);
  });
});
