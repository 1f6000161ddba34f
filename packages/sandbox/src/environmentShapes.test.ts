import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ARGOCD_APPLICATION_SCHEMA,
  assertListSchema,
  assertSchema,
} from './__testUtils__/contracts';
import { argocdApplication, IN_CLUSTER } from './argocd/argocdApplications';
import { workloadObjects } from './kubernetes/workloadObjects';
import { Sandbox, startSandbox, SANDBOX_TOKENS } from './startSandbox';
import { buildWorld } from './world/buildWorld';
import { SandboxClock } from './world/clock';
import { readExamples } from './world/readExamples';

/*
 * Environments of the shapes examples/ does not have (a plain-Kubernetes one, an Argo CD-only
 * one: __fixtures__/environments-beyond-argocd.yaml beside a copy of examples/), and a CronJob
 * caught while its Job runs.
 */

const examplesDir = path.resolve(__dirname, '../../../examples');
const START = Date.UTC(2026, 0, 5, 9, 0, 0);

let dir: string;
let sandbox: Sandbox;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-environments-'));
  for (const file of fs.readdirSync(examplesDir)) {
    fs.copyFileSync(path.join(examplesDir, file), path.join(dir, file));
  }
  fs.copyFileSync(
    path.join(__dirname, '__fixtures__/environments-beyond-argocd.yaml'),
    path.join(dir, 'environments-beyond-argocd.yaml'),
  );
  sandbox = await startSandbox({
    examplesDir: dir,
    seed: 'test',
    clock: SandboxClock.fixed(START),
    ports: { gitlab: 0, argocd: 0, kubernetes: 0, datadog: 0 },
  });
});
afterAll(async () => {
  await sandbox.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function get(url: string, token: string) {
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${token}` },
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
const selector = `backstage.io/kubernetes-id=checkout-api`;

describe('an environment without Argo CD', () => {
  it('runs every service on its cluster, in a namespace of its own beside the later environment’s', async () => {
    const { body } = await k8s(
      'dev-eu-1',
      `/apis/apps/v1/deployments?labelSelector=${encodeURIComponent(selector)}`,
    );
    expect(body.items.map((d: any) => d.metadata.namespace).sort()).toEqual([
      'checkout-api',
      'checkout-api-preview',
    ]);
    assertListSchema('deployment-apps-v1.json', 'DeploymentList', body);
    const preview = await k8s(
      'dev-eu-1',
      '/api/v1/namespaces/log-shipper-preview/pods',
    );
    expect(preview.body.items).toHaveLength(3);
  });

  it('has no Argo CD application anywhere', async () => {
    for (const instance of ['dev', 'staging', 'prod', 'demo']) {
      const { body } = await argo(
        instance,
        `/api/v1/applications?selector=${encodeURIComponent(
          'platformportal.io/environment=preview',
        )}`,
      );
      expect(body.items).toEqual([]);
    }
  });

  it('runs newer revisions than the environment it promotes to', () => {
    const revision = (environment: string) =>
      sandbox.world.releases.find(
        r =>
          r.service.name === 'checkout-api' &&
          r.environment.name === environment,
      )!.history[0].revision;
    expect(revision('preview')).not.toBe(revision('development'));
    expect(
      sandbox.world.releases
        .find(
          r =>
            r.service.name === 'checkout-api' &&
            r.environment.name === 'development',
        )!
        .history.map(d => d.revision),
    ).not.toContain(revision('preview'));
  });

  it('leaves pushes, and the seeded trouble, to the environments with Argo CD', () => {
    expect(sandbox.world.deliveryEnvironment?.name).toBe('development');
    const troubled = sandbox.world.releases.filter(r => r.trouble);
    expect(troubled.map(r => [r.trouble, r.environment.name]).sort()).toEqual([
      ['crash-loop', 'staging'],
      ['degraded-rollout', 'production'],
    ]);
  });
});

describe('an Argo CD environment without clusters', () => {
  it('has one application per service, deployed to Argo CD’s own cluster, valid against the CRD', async () => {
    const { body } = await argo(
      'demo',
      `/api/v1/applications?selector=${encodeURIComponent(selector)}`,
    );
    expect(body.items).toHaveLength(1);
    const [app] = body.items;
    assertSchema(ARGOCD_APPLICATION_SCHEMA, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      ...app,
    });
    expect(app.metadata.name).toBe('checkout-api-demo');
    expect(app.spec.project).toBe('demos');
    expect(app.spec.destination).toEqual({
      server: IN_CLUSTER,
      namespace: 'checkout-api',
    });
    expect(app.status.health.status).toBe('Healthy');
    expect(app.status.resources.map((r: any) => r.kind)).toEqual([
      'Deployment',
      'Service',
      'HorizontalPodAutoscaler',
    ]);
  });

  it('adds no cluster to the Kubernetes stand-in', async () => {
    const { status } = await k8s('demo', '/api/v1/pods');
    expect(status).toBe(404);
  });
});

describe('a CronJob while its Job runs', () => {
  // 02:01:30 UTC: the 02:00 run is under way.
  const now = Date.UTC(2026, 0, 5, 2, 1, 30);
  const world = buildWorld(readExamples(examplesDir), 'test', now);
  const release = world.releases.find(
    r => r.service.name === 'invoice-batch' && r.environment.name === 'staging',
  )!;
  const objects = workloadObjects(release, 'staging-eu-1', now);

  it('shows the running Job as active, its pod Running, and keeps the last finished one', () => {
    const [cronJob] = objects.cronjobs;
    expect(cronJob.status.lastScheduleTime).toBe('2026-01-05T02:00:00Z');
    expect(cronJob.status.active).toEqual([
      expect.objectContaining({
        kind: 'Job',
        name: objects.jobs[0].metadata.name,
      }),
    ]);
    expect(cronJob.status.lastSuccessfulTime).toBe(
      objects.jobs[1].status.completionTime,
    );
    expect(
      objects.jobs.map((j: any) => [j.status.active, j.status.succeeded]),
    ).toEqual([
      [1, undefined],
      [undefined, 1],
    ]);
    expect(objects.pods.map((p: any) => p.status.phase)).toEqual([
      'Running',
      'Succeeded',
    ]);
    const list = (kind: string, items: unknown[]) => ({
      kind,
      apiVersion: 'batch/v1',
      metadata: { resourceVersion: '1' },
      items,
    });
    assertListSchema(
      'cronjob-batch-v1.json',
      'CronJobList',
      list('CronJobList', objects.cronjobs),
    );
    assertListSchema(
      'job-batch-v1.json',
      'JobList',
      list('JobList', objects.jobs),
    );
    assertListSchema('pod-v1.json', 'PodList', {
      ...list('PodList', objects.pods),
      apiVersion: 'v1',
    });
  });

  it('is Progressing in Argo CD until the Job is done', () => {
    const running = argocdApplication(release, 'staging-eu-1', now);
    expect(running.status.health.status).toBe('Progressing');
    expect(running.status.resources[0]).toMatchObject({
      kind: 'CronJob',
      health: { status: 'Progressing' },
    });
    const later = argocdApplication(release, 'staging-eu-1', now + 3_600_000);
    expect(later.status.health.status).toBe('Healthy');
  });
});
