import path from 'node:path';
import { assertDatadogSchema } from '@internal/plugin-datadog-slo-backend/testUtils';
import {
  ARGOCD_APPLICATION_SCHEMA,
  KUBERNETES_SCHEMAS,
  assertSchema,
  gitlabExample,
  shapeMismatches,
} from './__testUtils__/contracts';
import { Sandbox, startSandbox, SANDBOX_TOKENS } from './startSandbox';
import { SandboxClock } from './world/clock';

const examplesDir = path.resolve(__dirname, '../../../examples');
const START = Date.UTC(2026, 0, 5, 9, 0, 0);

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    examplesDir,
    seed: 'test',
    clock: SandboxClock.fixed(START),
    ports: { gitlab: 0, argocd: 0, kubernetes: 0, datadog: 0 },
  });
});
afterAll(() => sandbox.close());

async function get(
  url: string,
  token?: string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(url, {
    headers: token ? { Authorization: `Bearer ${token}`, ...headers } : headers,
  });
  return { status: response.status, body: await response.json() };
}

const k8s = (cluster: string, rest: string) =>
  get(
    `${sandbox.urls.kubernetes}/clusters/${cluster}${rest}`,
    SANDBOX_TOKENS.kubernetes,
  );
const argo = (instance: string, rest: string) =>
  get(
    `${sandbox.urls.argocd}/instances/${instance}${rest}`,
    SANDBOX_TOKENS.argocd,
  );

describe('sandbox', () => {
  it('releases every example service with a Kubernetes id to every environment', () => {
    const names = new Set(sandbox.world.releases.map(r => r.service.name));
    expect(names.has('checkout-api')).toBe(true);
    expect(
      new Set(sandbox.world.releases.map(r => r.environment.name)),
    ).toEqual(new Set(['development', 'staging', 'production']));
    expect(sandbox.world.releases.filter(r => r.trouble)).toHaveLength(2);
  });

  describe('Kubernetes', () => {
    it.each([
      ['/api/v1/pods', 'podlist-v1.json'],
      ['/api/v1/services', 'servicelist-v1.json'],
      ['/apis/apps/v1/deployments', 'deploymentlist-apps-v1.json'],
      [
        '/apis/autoscaling/v2/horizontalpodautoscalers',
        'horizontalpodautoscalerlist-autoscaling-v2.json',
      ],
    ])('answers %s in the published schema', async (route, schema) => {
      for (const cluster of [
        'dev-eu-1',
        'staging-eu-1',
        'prod-eu-1',
        'prod-eu-2',
      ]) {
        const { status, body } = await k8s(cluster, route);
        expect(status).toBe(200);
        expect(body.items.length).toBeGreaterThan(0);
        assertSchema(`${KUBERNETES_SCHEMAS}/${schema}`, body);
      }
    });

    it('answers ReplicaSets whose items match the published schema', async () => {
      const { body } = await k8s('prod-eu-1', '/apis/apps/v1/replicasets');
      expect(body.kind).toBe('ReplicaSetList');
      for (const item of body.items) {
        assertSchema(`${KUBERNETES_SCHEMAS}/replicaset-apps-v1.json`, item);
      }
    });

    it('filters by label selector and namespace, as the Kubernetes plugin asks', async () => {
      const selector = encodeURIComponent(
        'backstage.io/kubernetes-id=checkout-api',
      );
      const { body } = await k8s(
        'staging-eu-1',
        `/api/v1/pods?labelSelector=${selector}`,
      );
      expect(body.items.length).toBeGreaterThan(0);
      expect(
        body.items.every(
          (p: any) =>
            p.metadata.labels['backstage.io/kubernetes-id'] === 'checkout-api',
        ),
      ).toBe(true);
      const scoped = await k8s(
        'staging-eu-1',
        '/apis/apps/v1/namespaces/checkout-api/deployments',
      );
      expect(scoped.body.items.map((d: any) => d.metadata.name)).toEqual([
        'checkout-api',
      ]);
    });

    it('shows the seeded trouble: a crash loop in staging, a degraded rollout in production', async () => {
      const { crashLoop, degradedRollout } = sandbox.world.troubled;
      const crashing = await k8s(
        'staging-eu-1',
        `/api/v1/namespaces/${crashLoop}/pods`,
      );
      expect(
        crashing.body.items.map(
          (p: any) => p.status.containerStatuses[0].state.waiting?.reason,
        ),
      ).toEqual(expect.arrayContaining(['CrashLoopBackOff']));
      const rollout = await k8s(
        'prod-eu-1',
        `/apis/apps/v1/namespaces/${degradedRollout}/deployments`,
      );
      expect(rollout.body.items[0].status.conditions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'Progressing',
            status: 'False',
            reason: 'ProgressDeadlineExceeded',
          }),
        ]),
      );
      const pulling = await k8s(
        'prod-eu-1',
        `/api/v1/namespaces/${degradedRollout}/pods`,
      );
      expect(
        pulling.body.items.map(
          (p: any) => p.status.containerStatuses[0].state.waiting?.reason,
        ),
      ).toEqual(expect.arrayContaining(['ImagePullBackOff']));
    });

    it('answers what it does not serve, and a wrong token, in kube-apiserver’s Status format', async () => {
      const missing = await k8s(
        'dev-eu-1',
        '/apis/apps/v1/controllerrevisions',
      );
      expect(missing).toEqual({
        status: 404,
        body: expect.objectContaining({
          kind: 'Status',
          reason: 'NotFound',
          code: 404,
        }),
      });
      const denied = await get(
        `${sandbox.urls.kubernetes}/clusters/dev-eu-1/api/v1/pods`,
        'wrong',
      );
      expect(denied.body).toMatchObject({
        kind: 'Status',
        code: 401,
        reason: 'Unauthorized',
      });
    });
  });

  describe('Argo CD', () => {
    it('lists applications by selector, valid against the Application CRD schema', async () => {
      const selector = encodeURIComponent(
        'backstage.io/kubernetes-id=checkout-api',
      );
      for (const instance of ['dev', 'staging', 'prod']) {
        const { status, body } = await argo(
          instance,
          `/api/v1/applications?selector=${selector}`,
        );
        expect(status).toBe(200);
        expect(body.items.length).toBeGreaterThan(0);
        for (const app of body.items) {
          assertSchema(ARGOCD_APPLICATION_SCHEMA, {
            apiVersion: 'argoproj.io/v1alpha1',
            kind: 'Application',
            ...app,
          });
          expect(app.metadata.labels['backstage.io/kubernetes-id']).toBe(
            'checkout-api',
          );
        }
      }
      const prod = await argo(
        'prod',
        `/api/v1/applications?selector=${selector}`,
      );
      expect(prod.body.items.map((a: any) => a.metadata.name).sort()).toEqual([
        'checkout-api-prod-eu-1',
        'checkout-api-prod-eu-2',
      ]);
    });

    it('rolls a degraded rollout up to a Degraded application, and keeps deploy history with commit metadata', async () => {
      const { degradedRollout } = sandbox.world.troubled;
      const { body: app } = await argo(
        'prod',
        `/api/v1/applications/${degradedRollout}-prod-eu-1`,
      );
      expect(app.status.health.status).toBe('Degraded');
      expect(app.status.history).toHaveLength(5);
      const { revision } = app.status.sync;
      const meta = await argo(
        'prod',
        `/api/v1/applications/${degradedRollout}-prod-eu-1/revisions/${revision}/metadata`,
      );
      expect(meta.body).toMatchObject({
        message: expect.any(String),
        author: expect.stringContaining('@example.com'),
      });
    });

    it('runs a newer revision in development than in production (promotion lag)', async () => {
      const dev = await argo(
        'dev',
        '/api/v1/applications/checkout-api-development',
      );
      const prod = await argo(
        'prod',
        '/api/v1/applications/checkout-api-prod-eu-1',
      );
      const devHistory = dev.body.status.history.map((h: any) => h.revision);
      expect(dev.body.status.sync.revision).not.toBe(
        prod.body.status.sync.revision,
      );
      // Production runs a commit development ran before.
      expect(devHistory).toContain(prod.body.status.sync.revision);
    });

    it('answers errors in Argo CD’s format', async () => {
      const missing = await argo('dev', '/api/v1/applications/nope');
      expect(missing).toEqual({
        status: 404,
        body: {
          error: 'applications.argoproj.io "nope" not found',
          code: 5,
          message: 'applications.argoproj.io "nope" not found',
        },
      });
      const denied = await get(
        `${sandbox.urls.argocd}/instances/dev/api/v1/applications`,
        'wrong',
      );
      expect(denied.body).toMatchObject({ code: 16 });
    });
  });

  describe('GitLab', () => {
    const gitlab = (rest: string) =>
      get(`${sandbox.urls.gitlab}/api/v4${rest}`, SANDBOX_TOKENS.gitlab);
    const project = encodeURIComponent('commerce/checkout-api');

    it('answers projects, pipelines, jobs and merge requests in the fields of GitLab’s documented examples', async () => {
      const byId = await gitlab(`/projects/${project}`);
      expect(byId.status).toBe(200);
      expect(
        shapeMismatches(gitlabExample('gitlab4j-project.json'), byId.body),
      ).toEqual([]);

      const pipelines = await gitlab(
        `/projects/${byId.body.id}/pipelines?ref=main&per_page=5`,
      );
      expect(pipelines.body).toHaveLength(5);
      expect(
        shapeMismatches(
          gitlabExample('docs-pipelines-list.json'),
          pipelines.body,
        ),
      ).toEqual([]);

      const single = await gitlab(
        `/projects/${project}/pipelines/${pipelines.body[0].id}`,
      );
      expect(
        shapeMismatches(
          gitlabExample('docs-pipeline-single.json'),
          single.body,
        ),
      ).toEqual([]);

      const jobs = await gitlab(
        `/projects/${project}/pipelines/${pipelines.body[0].id}/jobs`,
      );
      expect(jobs.body.map((j: any) => j.stage)).toEqual([
        'lint',
        'test',
        'build',
        'scan',
        'deploy',
      ]);
      expect(
        shapeMismatches(
          gitlabExample('docs-pipeline-jobs-list.json'),
          jobs.body,
        ),
      ).toEqual([]);

      const mrs = await gitlab(
        `/projects/${project}/merge_requests?state=opened`,
      );
      expect(mrs.body).toHaveLength(1);
      expect(
        shapeMismatches(
          gitlabExample('go-gitlab-get_merge_requests.json'),
          mrs.body,
        ),
      ).toEqual([]);
    });

    it('has the pipeline and commit behind every revision Argo CD deploys', async () => {
      const { body: app } = await argo(
        'prod',
        '/api/v1/applications/checkout-api-prod-eu-1',
      );
      const revision = app.status.sync.revision;
      const { body: pipelines } = await gitlab(
        `/projects/${project}/pipelines?sha=${revision}`,
      );
      expect(pipelines).toHaveLength(1);
      expect(pipelines[0]).toMatchObject({ sha: revision, status: 'success' });
      const { body: commit } = await gitlab(
        `/projects/${project}/repository/commits/${revision}`,
      );
      expect(commit.id).toBe(revision);
    });

    it('checks the token and answers what it does not know in GitLab’s error format', async () => {
      expect(await gitlab('/projects/acme%2Fnope')).toEqual({
        status: 404,
        body: { message: '404 Project Not Found' },
      });
      expect(await gitlab('/runners')).toEqual({
        status: 404,
        body: { error: '404 Not Found' },
      });
      const denied = await get(
        `${sandbox.urls.gitlab}/api/v4/projects/${project}`,
        'wrong',
      );
      expect(denied).toEqual({
        status: 401,
        body: { message: '401 Unauthorized' },
      });
    });
  });

  describe('Datadog', () => {
    const keys = {
      'DD-API-KEY': SANDBOX_TOKENS.datadogApiKey,
      'DD-APPLICATION-KEY': SANDBOX_TOKENS.datadogAppKey,
    };

    it('has SLOs for every example service with an SLO query, one breached and one in warning, in Datadog’s schema', async () => {
      const { body } = await get(
        `${sandbox.urls.datadog}/api/v1/slo/search?query=env:production&page[size]=200&page[number]=0`,
        undefined,
        keys,
      );
      assertDatadogSchema('SearchSLOResponse', body);
      const slos = body.data.attributes.slos.map((s: any) => s.data);
      const states = slos.map((s: any) => s.attributes.overall_status[1].state);
      expect(states.filter((s: string) => s === 'breached')).toHaveLength(1);
      expect(states.filter((s: string) => s === 'warning')).toHaveLength(1);
      const { degradedRollout } = sandbox.world.troubled;
      expect(
        slos.find(
          (s: any) => s.attributes.overall_status[1].state === 'breached',
        ).id,
      ).toBe(`${degradedRollout}-availability`);

      const history = await get(
        `${sandbox.urls.datadog}/api/v1/slo/${slos[0].id}/history?from_ts=${
          START / 1000 - 86400
        }&to_ts=${START / 1000}`,
        undefined,
        keys,
      );
      assertDatadogSchema('SLOHistoryResponse', history.body);
    });
  });
});
