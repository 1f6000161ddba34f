import {
  CacheService,
  coreServices,
  createServiceFactory,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  EntityDeployStatus,
  EnvironmentDeployStatus,
} from '@internal/plugin-deploy-status-common';
import {
  Sandbox,
  SANDBOX_TOKENS,
  SandboxClock,
  startSandbox,
} from '@internal/sandbox';
import request from 'supertest';
import { exampleEntities, EXAMPLES_DIR } from './__testUtils__/examples';
import { FakeUpstream, startFakeUpstream } from './__testUtils__/fakeUpstream';
import { assertOpenApiSchema } from './__testUtils__/openApi';
import {
  startPortal as startSandboxPortal,
  startProxies,
  Urls,
} from './__testUtils__/sandboxPortal';
import {
  createUpstreamService,
  upstreamServiceRef,
} from '@internal/upstream-node';

/*
 * The plugin against the sandbox's GitLab, Argo CD and Kubernetes (answers checked against
 * shared/contracts by the sandbox's own tests), with the example catalog, and against upstreams
 * that misbehave.
 */

const START = Date.UTC(2026, 0, 5, 9, 0, 0);
let sandbox: Sandbox;
const fakes: FakeUpstream[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    examplesDir: EXAMPLES_DIR,
    seed: 'deploy-status',
    clock: SandboxClock.fixed(START),
    ports: { gitlab: 0, argocd: 0, kubernetes: 0, datadog: 0 },
  });
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await Promise.all(fakes.splice(0).map(f => f.close()));
});

async function fake(...args: Parameters<typeof startFakeUpstream>) {
  const upstream = await startFakeUpstream(...args);
  fakes.push(upstream);
  return upstream;
}

/**
 * A CacheService whose answers come 1–4 ms later on separate timers, as Redis's do over the
 * network: look-ups of one list request then reach the upstream clients at different moments.
 */
const slowCacheFactory = createServiceFactory({
  service: upstreamServiceRef,
  deps: { config: coreServices.rootConfig, logger: coreServices.rootLogger },
  factory({ config, logger }) {
    const store = new Map<string, unknown>();
    const later = <T>(value: T) =>
      new Promise<T>(resolve =>
        setTimeout(() => resolve(value), 1 + Math.floor(Math.random() * 4)),
      );
    const cache: CacheService = {
      get: async key => later(store.get(key) as any),
      set: async (key, value) => later(void store.set(key, value)),
      delete: async key => later(void store.delete(key)),
      withOptions: () => cache,
    };
    return createUpstreamService({ config, logger, cacheService: cache });
  },
});

const extraEntities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'unannotated', namespace: 'default' },
    spec: { type: 'service', owner: 'group:default/platform-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'mislabelled',
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': 'not a label!',
        'argocd/app-selector': 'backstage.io/kubernetes-id=checkout-api',
      },
    },
    spec: { type: 'service', owner: 'group:default/platform-team' },
  },
];

function startPortal(
  urls: Urls = {},
  timeoutMs?: number,
  features: ServiceFactory[] = [],
) {
  return startSandboxPortal(sandbox, {
    urls,
    timeoutMs,
    features,
    entities: extraEntities,
  });
}

async function statusOf(
  server: Awaited<ReturnType<typeof startPortal>>,
  name: string,
): Promise<EntityDeployStatus> {
  const res = await request(server).get(
    `/api/deploy-status/entities/component/default/${name}`,
  );
  expect(res.status).toBe(200);
  // Every answer of these tests, healthy or not, must be what openapi.yaml promises.
  assertOpenApiSchema('EntityDeployStatus', res.body);
  return res.body;
}

const env = (status: EntityDeployStatus, name: string) =>
  status.environments.find(
    e => e.environment.name === name,
  ) as EnvironmentDeployStatus;

const okData = <T>(result: { state: string; data?: T }): T => {
  expect(result.state).toBe('ok');
  return result.data as T;
};

describe('deploy-status against the sandbox', () => {
  it('shows a crash loop in staging as Degraded, with the pods and the reason', async () => {
    const server = await startPortal();
    const service = sandbox.world.troubled.crashLoop!;
    const status = await statusOf(server, service);

    expect(status.environments.map(e => e.environment.name)).toEqual([
      'development',
      'staging',
      'production',
    ]);
    expect(status.health).toBe('Degraded');
    expect(env(status, 'development').health).toBe('Healthy');
    const staging = env(status, 'staging');
    expect(staging.health).toBe('Degraded');
    expect(staging.unknownSources).toEqual([]);
    const [cluster] = okData(staging.kubernetes).clusters;
    const workloads = okData<any>(cluster);
    expect(workloads.pods.ready).toBe(0);
    expect(workloads.podsNotReady[0]).toMatchObject({
      reason: 'CrashLoopBackOff',
    });
    expect(workloads.podsNotReady[0].restarts).toBeGreaterThanOrEqual(40);
    const [app] = okData(staging.argocd).applications;
    expect(app).toMatchObject({
      name: `${service}-staging`,
      instance: 'staging',
      health: 'Degraded',
      syncStatus: 'Synced',
      automated: true,
    });
    expect(staging.healthReasons.join('\n')).toContain('CrashLoopBackOff');
  });

  it('shows a degraded production rollout with ImagePullBackOff and the progress deadline', async () => {
    const server = await startPortal();
    const status = await statusOf(
      server,
      sandbox.world.troubled.degradedRollout!,
    );
    const production = env(status, 'production');
    expect(production.health).toBe('Degraded');
    const reasons = production.healthReasons.join('\n');
    expect(reasons).toContain('ImagePullBackOff');
    expect(reasons).toContain('exceeded its progress deadline');
    // Production has two clusters, each with its own application.
    expect(okData(production.kubernetes).clusters.map(c => c.cluster)).toEqual([
      'prod-eu-1',
      'prod-eu-2',
    ]);
    expect(okData(production.argocd).applications).toHaveLength(2);
    expect(
      okData(production.argocd).applications.every(a => !a.automated),
    ).toBe(true);
  });

  it('links each deployed revision to its commit and pipeline, and counts promotion lag', async () => {
    const server = await startPortal();
    const status = await statusOf(server, 'checkout-api');
    const project = okData(status.gitlab);
    expect(project.path).toBe('commerce/checkout-api');
    expect(project.headPipeline?.sha).toBe(project.headCommit?.sha);

    for (const environment of status.environments) {
      const [app] = okData(environment.argocd).applications;
      const gitlab = okData(environment.gitlab);
      expect(gitlab.deployedCommit?.sha).toBe(app.revision);
      expect(gitlab.deployedPipeline).toMatchObject({
        sha: app.revision,
        status: 'success',
      });
      expect(app.history.length).toBeGreaterThan(0);
      expect(app.history.length).toBeLessThanOrEqual(10);
      expect(app.history[0].revision).toBe(app.revision);
    }
    // The sandbox runs each environment a commit or two behind the one below.
    const [, staging, production] = status.environments;
    expect(staging.promotionLag?.behind).toBe(
      'environment:default/development',
    );
    expect(staging.promotionLag?.commits).toBeGreaterThanOrEqual(1);
    expect(staging.promotionLag?.since).toEqual(expect.any(String));
    expect(production.promotionLag?.behind).toBe('environment:default/staging');
    expect(status.environments[0].promotionLag).toBeUndefined();
  });

  describe.each([
    [
      'whose pipeline is older than the newest 100',
      (newer: object[]) => ({ status: 200, body: JSON.stringify(newer) }),
    ],
    [
      'when GitLab refuses the pipeline list (403)',
      () => ({ status: 403, body: '{"message":"403 Forbidden"}' }),
    ],
  ])('a deployed revision %s', (_case, pipelineList) => {
    it('is looked up by its sha in round two, the project and commits kept', async () => {
      // GitLab's own answers (the sandbox's), except the list of newest pipelines: 100 newer
      // pipelines of other commits, or a refusal.
      const api = `${sandbox.urls.gitlab}/api/v4/projects/commerce%2Fcheckout-api`;
      const gitlabAnswer = async (path: string) =>
        (
          await fetch(`${api}${path}`, {
            headers: { 'private-token': SANDBOX_TOKENS.gitlab },
          })
        ).text();
      const [project, commits, pipelines] = await Promise.all([
        gitlabAnswer(''),
        gitlabAnswer('/repository/commits?per_page=100'),
        gitlabAnswer('/pipelines?per_page=100'),
      ]);
      const [newest] = JSON.parse(pipelines);
      const newer = Array.from({ length: 100 }, (_, i) => ({
        ...newest,
        id: newest.id + 1000 + i,
        sha: `${i}`.padStart(40, 'f'),
      }));
      const bySha = new Map<string, string>();
      for (const pipeline of JSON.parse(pipelines)) {
        bySha.set(pipeline.sha, JSON.stringify([pipeline]));
      }
      const askedFor: string[] = [];
      const gitlab = await fake(req => {
        const url = new URL(req.url!, 'http://gitlab');
        const rest = url.pathname.replace(/^\/api\/v4\/projects\/[^/]+/, '');
        const sha = url.searchParams.get('sha');
        if (rest === '') return { status: 200, body: project };
        if (rest === '/repository/commits') {
          return { status: 200, body: commits };
        }
        if (rest === '/pipelines' && sha) {
          askedFor.push(sha);
          return { status: 200, body: bySha.get(sha) ?? '[]' };
        }
        if (rest === '/pipelines') return pipelineList(newer);
        return { status: 404, body: '{"message":"404 Not Found"}' };
      });
      const server = await startPortal({ gitlab: gitlab.url });
      const status = await statusOf(server, 'checkout-api');
      expect(okData(status.gitlab).path).toBe('commerce/checkout-api');
      const revisions = status.environments.map(
        e => okData(e.argocd).applications[0].revision,
      );
      for (const environment of status.environments) {
        const [app] = okData(environment.argocd).applications;
        expect(okData(environment.gitlab).deployedPipeline).toMatchObject({
          sha: app.revision,
          status: 'success',
        });
      }
      expect(status.environments[1].promotionLag?.commits).toEqual(
        expect.any(Number),
      );
      expect(new Set(askedFor)).toEqual(
        new Set([JSON.parse(commits)[0].id, ...revisions]),
      );
    });
  });

  it('never sends a credential to the browser', async () => {
    const server = await startPortal();
    const res = await request(server).get(
      '/api/deploy-status/entities/component/default/checkout-api',
    );
    for (const token of Object.values(SANDBOX_TOKENS)) {
      expect(res.text).not.toContain(token);
    }
  });

  it('answers a list of entities, each with its status or its error', async () => {
    const server = await startPortal();
    const res = await request(server).get(
      '/api/deploy-status/entities?entityRef=component:default/checkout-api&entityRef=component:default/cart-service&entityRef=component:default/nope',
    );
    expect(res.status).toBe(200);
    assertOpenApiSchema('EntityDeployStatusList', res.body);
    expect(res.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/checkout-api',
      'component:default/cart-service',
      'component:default/nope',
    ]);
    expect(res.body.items[0].status.environments).toHaveLength(3);
    expect(res.body.items[2].error).toBe(
      'No entity component:default/nope in the catalog',
    );
  });

  describe('asked about many services at once', () => {
    const proxies: Array<{ close(): Promise<void> }> = [];
    afterEach(async () => {
      await Promise.all(proxies.splice(0).map(p => p.close()));
    });

    async function proxied() {
      const started = await startProxies(sandbox);
      proxies.push(started);
      return started;
    }

    const services = exampleEntities()
      .filter(
        e =>
          e.kind === 'Component' &&
          e.metadata.annotations?.['backstage.io/kubernetes-id'],
      )
      .map(e => `component:default/${e.metadata.name}`);

    it.each([
      ['the memory cache', []],
      [
        'a cache that answers a little later, as Redis does',
        [slowCacheFactory],
      ],
    ])(
      'asks each cluster once per kind and each Argo CD project once, with the same answers as one by one, with %s',
      async (_cache, cacheFeatures) => {
        expect(services.length).toBeGreaterThan(5);
        const { urls, argocd, kubernetes, gitlab } = await proxied();
        const server = await startPortal(urls, undefined, cacheFeatures);
        const res = await request(server).get(
          `/api/deploy-status/entities?${services
            .map(ref => `entityRef=${ref}`)
            .join('&')}`,
        );
        expect(res.status).toBe(200);
        assertOpenApiSchema('EntityDeployStatusList', res.body);

        // 4 clusters × 12 kinds (every kind Argo CD assesses), 3 environments, one set-based
        // selector each: bounded by clusters × kinds + instances × projects, whatever the count
        // of services.
        expect(kubernetes.requests).toHaveLength(4 * 12);
        expect(argocd.requests).toHaveLength(3);
        for (const url of [...kubernetes.requests, ...argocd.requests]) {
          const query = new URL(url, 'http://proxy').searchParams;
          expect(query.get('labelSelector') ?? query.get('selector')).toMatch(
            /^backstage\.io\/kubernetes-id in \(/,
          );
        }
        // GitLab: project, commits and recent pipelines per project; the deployed revisions'
        // pipelines and commits are among those, so no second round.
        expect(gitlab.requests).toHaveLength(services.length * 3);

        // The merged answers are split exactly: each service's status is what it gets alone
        // (from a portal with an empty cache).
        const alone = await startPortal(urls, undefined, cacheFeatures);
        for (const item of res.body.items) {
          const ref = item.entityRef.split('/')[1];
          const single = await statusOf(alone, ref);
          expect({ ...item.status, generatedAt: undefined }).toEqual({
            ...single,
            generatedAt: undefined,
          });
        }
      },
      30_000,
    );
  });
});

describe('deploy-status with bad input', () => {
  it('answers 404 with a message for an unknown entity', async () => {
    const server = await startPortal();
    const res = await request(server).get(
      '/api/deploy-status/entities/component/default/nope',
    );
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(
      'No entity component:default/nope in the catalog',
    );
  });

  it('answers 400 for a list without refs', async () => {
    const server = await startPortal();
    const res = await request(server).get('/api/deploy-status/entities');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('entityRef');
  });

  it('answers 400 naming entityRef for more than 100 refs', async () => {
    const server = await startPortal();
    const refs = Array.from(
      { length: 101 },
      (_, i) => `entityRef=component:default/s-${i}`,
    );
    const res = await request(server).get(
      `/api/deploy-status/entities?${refs.join('&')}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      "Invalid query parameter 'entityRef': at most 100 entityRef per request, got 101",
    );
  });

  it('says "not configured" per source for an entity without annotations', async () => {
    const server = await startPortal();
    const status = await statusOf(server, 'unannotated');
    const development = env(status, 'development');
    expect(development.argocd).toEqual({
      state: 'not-configured',
      message: 'No argocd/app-name or argocd/app-selector annotation',
    });
    expect(development.kubernetes.state).toBe('not-configured');
    expect(status.gitlab).toEqual({
      state: 'not-configured',
      message: 'No gitlab.com/project-slug or gitlab.com/project-id annotation',
    });
  });

  it('names a malformed annotation in its source’s error and still shows the others', async () => {
    const server = await startPortal();
    const status = await statusOf(server, 'mislabelled');
    const development = env(status, 'development');
    expect(development.kubernetes).toEqual({
      state: 'error',
      message:
        'Annotation backstage.io/kubernetes-id is not a valid Kubernetes label value: "not a label!" (letters, digits, -, _ and ., at most 63)',
    });
    expect(okData(development.argocd).applications[0].name).toBe(
      'checkout-api-development',
    );
  });

  it('reports an upstream answering garbage or an unexpected shape as that source’s error', async () => {
    const html = await fake(() => ({
      status: 200,
      body: '<html>login</html>',
    }));
    const notAList = await fake(() => ({
      status: 200,
      body: '{"hello":"world"}',
    }));
    const server = await startPortal({
      'argocd:staging': html.url,
      'cluster:prod-eu-2': notAList.url,
    });
    const status = await statusOf(server, 'checkout-api');
    expect(env(status, 'staging').argocd).toEqual({
      state: 'error',
      message:
        'Argo CD instance \'staging\' answered 200 with a body that is not JSON ("<html>login</html>")',
    });
    expect(env(status, 'staging').unknownSources).toEqual(['argocd']);
    // Kubernetes still answered for staging, so its health is known.
    expect(env(status, 'staging').health).toBe('Healthy');
    const [prodEu1, prodEu2] = okData(
      env(status, 'production').kubernetes,
    ).clusters;
    expect(prodEu1.state).toBe('ok');
    expect(prodEu2).toMatchObject({ cluster: 'prod-eu-2', state: 'error' });
    expect((prodEu2 as any).message).toContain(
      "Kubernetes cluster 'prod-eu-2'",
    );
    expect(okData(env(status, 'development').argocd).applications).toHaveLength(
      1,
    );
  });

  it('gives up on a source that does not answer within the timeout', async () => {
    const hung = await fake(() => undefined);
    // Long enough that the sandbox's other sources answer in time on a loaded 2-core machine
    // (300 ms was not), short enough to show the deadline is kept.
    const server = await startPortal({ 'argocd:prod': hung.url }, 1500);
    const started = Date.now();
    const status = await statusOf(server, 'checkout-api');
    expect(Date.now() - started).toBeLessThan(4000);
    expect(env(status, 'production').argocd).toEqual({
      state: 'error',
      message: "Argo CD instance 'prod' did not answer within 1.5 s",
    });
    expect(env(status, 'production').health).not.toBe('Unknown');
  });

  it('honours Retry-After of a 429 and does not ask again before it passes', async () => {
    const limited = await fake(() => ({
      status: 429,
      body: '{"message":"429 Too Many Requests"}',
      headers: { 'retry-after': '30' },
    }));
    const server = await startPortal({ gitlab: limited.url });
    const first = await statusOf(server, 'checkout-api');
    expect(first.gitlab).toEqual({
      state: 'error',
      message:
        'GitLab (localhost:7101) is rate limiting the portal (429); asking again in 30 s, as its Retry-After says',
    });
    const asked = limited.requests;
    const second = await statusOf(server, 'cart-service');
    expect(second.gitlab.state).toBe('error');
    expect(limited.requests).toBe(asked);
    // Argo CD and Kubernetes are unaffected.
    expect(env(second, 'development').health).toBe('Healthy');
  });

  it('serves repeated requests from the cache without asking the upstreams again', async () => {
    let asked = 0;
    const counting = await fake(() => {
      asked += 1;
      return { status: 200, body: '{"metadata":{},"items":null}' };
    });
    const server = await startPortal({ 'argocd:dev': counting.url });
    const first = await statusOf(server, 'checkout-api');
    expect(okData(env(first, 'development').argocd).applications).toEqual([]);
    const afterFirst = asked;
    await Promise.all(
      Array.from({ length: 5 }, () => statusOf(server, 'checkout-api')),
    );
    expect(afterFirst).toBe(1);
    expect(asked).toBe(1);
  });
});
