import path from 'node:path';
import { assertDatadogSchema } from '@internal/plugin-datadog-slo-backend/testUtils';
import {
  ARGOCD_APPLICATION_SCHEMA,
  KUBERNETES_SCHEMAS,
  ROLLOUT_CRD,
  assertCrdSchema,
  assertListSchema,
  assertSchema,
  gitlabExample,
  shapeMismatches,
} from './__testUtils__/contracts';
import { RESOURCES } from './kubernetes/resources';
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

const CLUSTERS = ['dev-eu-1', 'staging-eu-1', 'prod-eu-1', 'prod-eu-2'];
const selecting = (id: string) =>
  `labelSelector=${encodeURIComponent(`backstage.io/kubernetes-id=${id}`)}`;

/**
 * Every list the stand-in has objects for, with the schema of its items: a v1.32 strict schema,
 * or for Argo Rollouts' Rollout the CRD's.
 */
const SERVED_LISTS: Array<
  [string, string | { crd: string; version: string }, string]
> = [
  ['/api/v1/pods', 'pod-v1.json', 'PodList'],
  ['/api/v1/services', 'service-v1.json', 'ServiceList'],
  [
    '/api/v1/persistentvolumeclaims',
    'persistentvolumeclaim-v1.json',
    'PersistentVolumeClaimList',
  ],
  ['/apis/apps/v1/deployments', 'deployment-apps-v1.json', 'DeploymentList'],
  ['/apis/apps/v1/replicasets', 'replicaset-apps-v1.json', 'ReplicaSetList'],
  ['/apis/apps/v1/statefulsets', 'statefulset-apps-v1.json', 'StatefulSetList'],
  ['/apis/apps/v1/daemonsets', 'daemonset-apps-v1.json', 'DaemonSetList'],
  [
    '/apis/autoscaling/v2/horizontalpodautoscalers',
    'horizontalpodautoscaler-autoscaling-v2.json',
    'HorizontalPodAutoscalerList',
  ],
  ['/apis/batch/v1/jobs', 'job-batch-v1.json', 'JobList'],
  ['/apis/batch/v1/cronjobs', 'cronjob-batch-v1.json', 'CronJobList'],
  [
    '/apis/networking.k8s.io/v1/ingresses',
    'ingress-networking-v1.json',
    'IngressList',
  ],
  [
    '/apis/argoproj.io/v1alpha1/rollouts',
    { crd: ROLLOUT_CRD, version: 'v1alpha1' },
    'RolloutList',
  ],
];

/** The list path of a kind Argo CD names by group and version, in a namespace. */
function listPathOf(
  resource: { group: string; version: string; kind: string },
  namespace: string,
): string {
  const groupVersion = resource.group
    ? `${resource.group}/${resource.version}`
    : resource.version;
  const plural = Object.entries(RESOURCES).find(
    ([, r]) => r.kind === resource.kind && r.groupVersion === groupVersion,
  )?.[0];
  if (!plural) throw new Error(`no list for ${groupVersion} ${resource.kind}`);
  return `/${
    resource.group ? 'apis' : 'api'
  }/${groupVersion}/namespaces/${namespace}/${plural}`;
}

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

    it.each(SERVED_LISTS)(
      'answers %s in every cluster, each item valid against its schema',
      async (route, itemSchema, listKind) => {
        for (const cluster of CLUSTERS) {
          const { status, body } = await k8s(cluster, route);
          expect(status).toBe(200);
          expect(body.kind).toBe(listKind);
          expect(body.items.length).toBeGreaterThan(0);
          assertListSchema(itemSchema, listKind, body);
        }
      },
    );

    it('answers Rollouts as a custom resource: each item with its apiVersion and kind, valid against the CRD', async () => {
      const { body } = await k8s(
        'prod-eu-1',
        '/apis/argoproj.io/v1alpha1/rollouts',
      );
      expect(body.apiVersion).toBe('argoproj.io/v1alpha1');
      for (const item of body.items) {
        expect(item).toMatchObject({
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Rollout',
        });
        assertCrdSchema(ROLLOUT_CRD, 'v1alpha1', item);
      }
      // What the built-in kinds' list items never carry.
      const { body: pods } = await k8s('prod-eu-1', '/api/v1/pods');
      expect(pods.items[0].kind).toBeUndefined();
    });

    it.each([
      ['/apis/apps/v1', 'daemonsets', 'log-shipper', 1],
      ['/apis/apps/v1', 'statefulsets', 'search-indexer', 1],
      ['/api/v1', 'persistentvolumeclaims', 'search-indexer', 3],
      ['/apis/batch/v1', 'cronjobs', 'invoice-batch', 1],
      ['/apis/batch/v1', 'jobs', 'invoice-batch', 1],
      ['/apis/networking.k8s.io/v1', 'ingresses', 'edge-gateway', 1],
      ['/apis/argoproj.io/v1alpha1', 'rollouts', 'promotions-service', 1],
      ['/apis/apps/v1', 'replicasets', 'promotions-service', 2],
    ])(
      'lists %s/%s of %s for all namespaces and per namespace, by label selector',
      async (api, plural, service, count) => {
        const all = await k8s(
          'prod-eu-2',
          `${api}/${plural}?${selecting(service)}`,
        );
        expect(all.body.items).toHaveLength(count);
        const scoped = await k8s(
          'prod-eu-2',
          `${api}/namespaces/${service}/${plural}?${selecting(service)}`,
        );
        expect(scoped.body.items).toEqual(all.body.items);
        const elsewhere = await k8s(
          'prod-eu-2',
          `${api}/namespaces/checkout-api/${plural}?${selecting(service)}`,
        );
        expect(elsewhere.body.items).toEqual([]);
        const others = await k8s(
          'prod-eu-2',
          `${api}/${plural}?${selecting('checkout-api')}`,
        );
        expect(
          others.body.items.filter(
            (i: any) =>
              i.metadata.labels['backstage.io/kubernetes-id'] !==
              'checkout-api',
          ),
        ).toEqual([]);
      },
    );

    it('runs the node agent as a DaemonSet with a ready pod on each node', async () => {
      const [daemonSet] = (
        await k8s(
          'staging-eu-1',
          '/apis/apps/v1/namespaces/log-shipper/daemonsets',
        )
      ).body.items;
      expect(daemonSet.status).toMatchObject({
        desiredNumberScheduled: 3,
        numberReady: 3,
        updatedNumberScheduled: 3,
        observedGeneration: daemonSet.metadata.generation,
      });
      const pods = (
        await k8s('staging-eu-1', '/api/v1/namespaces/log-shipper/pods')
      ).body.items;
      expect(pods.map((p: any) => p.spec.nodeName).sort()).toEqual([
        'staging-eu-1-node-1',
        'staging-eu-1-node-2',
        'staging-eu-1-node-3',
      ]);
      for (const pod of pods) {
        expect(pod.metadata.ownerReferences[0]).toMatchObject({
          kind: 'DaemonSet',
          uid: daemonSet.metadata.uid,
        });
        expect(pod.status.phase).toBe('Running');
      }
    });

    it('runs the nightly batch as a CronJob whose last Job completed, its pod Succeeded', async () => {
      const ns = '/namespaces/invoice-batch';
      const [cronJob] = (await k8s('prod-eu-1', `/apis/batch/v1${ns}/cronjobs`))
        .body.items;
      const [job] = (await k8s('prod-eu-1', `/apis/batch/v1${ns}/jobs`)).body
        .items;
      const [pod] = (await k8s('prod-eu-1', `/api/v1${ns}/pods`)).body.items;
      // Deterministic clock: 2026-01-05 09:00 UTC; the schedule is 02:00 UTC.
      expect(cronJob.spec.schedule).toBe('0 2 * * *');
      expect(cronJob.status.lastScheduleTime).toBe('2026-01-05T02:00:00Z');
      expect(cronJob.status.active).toBeUndefined();
      expect(job.metadata.name).toBe(
        `invoice-batch-${Date.UTC(2026, 0, 5, 2) / 60_000}`,
      );
      expect(job.metadata.ownerReferences[0]).toMatchObject({
        kind: 'CronJob',
        uid: cronJob.metadata.uid,
      });
      expect(job.status.succeeded).toBe(1);
      expect(job.status.conditions.map((c: any) => c.type)).toContain(
        'Complete',
      );
      expect(cronJob.status.lastSuccessfulTime).toBe(job.status.completionTime);
      expect(pod.metadata.ownerReferences[0]).toMatchObject({
        kind: 'Job',
        uid: job.metadata.uid,
      });
      expect(pod.metadata.labels['batch.kubernetes.io/job-name']).toBe(
        job.metadata.name,
      );
      expect(pod.status.phase).toBe('Succeeded');
      expect(pod.status.containerStatuses[0].state.terminated).toMatchObject({
        exitCode: 0,
        reason: 'Completed',
      });
    });

    it('delivers the canary service with an Argo Rollouts Rollout, fully promoted, its ReplicaSets and pods', async () => {
      const ns = '/namespaces/promotions-service';
      const [rollout] = (
        await k8s('prod-eu-1', `/apis/argoproj.io/v1alpha1${ns}/rollouts`)
      ).body.items;
      expect(rollout.spec.strategy.canary.steps).toEqual([
        { setWeight: 20 },
        { pause: { duration: '2m' } },
        { setWeight: 50 },
        { pause: { duration: '2m' } },
      ]);
      expect(rollout.status).toMatchObject({
        phase: 'Healthy',
        currentStepIndex: 4,
        replicas: 3,
        updatedReplicas: 3,
        availableReplicas: 3,
      });
      expect(rollout.status.stableRS).toBe(rollout.status.currentPodHash);
      const replicaSets = (
        await k8s('prod-eu-1', `/apis/apps/v1${ns}/replicasets`)
      ).body.items;
      expect(
        replicaSets.map((rs: any) => [
          rs.metadata.labels['rollouts-pod-template-hash'],
          rs.spec.replicas,
        ]),
      ).toEqual([
        [rollout.status.stableRS, 3],
        [expect.any(String), 0],
      ]);
      for (const rs of replicaSets) {
        expect(rs.metadata.ownerReferences[0]).toMatchObject({
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Rollout',
          uid: rollout.metadata.uid,
        });
      }
      const pods = (await k8s('prod-eu-1', `/api/v1${ns}/pods`)).body.items;
      expect(pods).toHaveLength(3);
      expect(
        pods.every(
          (p: any) =>
            p.metadata.labels['rollouts-pod-template-hash'] ===
            rollout.status.stableRS,
        ),
      ).toBe(true);
      const [hpa] = (
        await k8s(
          'prod-eu-1',
          `/apis/autoscaling/v2${ns}/horizontalpodautoscalers`,
        )
      ).body.items;
      expect(hpa.spec.scaleTargetRef).toEqual({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Rollout',
        name: 'promotions-service',
      });
    });

    it('exposes the edge gateway by a LoadBalancer Service and an Ingress, each with its load-balancer address', async () => {
      const ns = '/namespaces/edge-gateway';
      const [service] = (await k8s('staging-eu-1', `/api/v1${ns}/services`))
        .body.items;
      expect(service.spec.type).toBe('LoadBalancer');
      expect(service.status.loadBalancer.ingress[0].ip).toMatch(
        /^34\.\d+\.\d+\.\d+$/,
      );
      const [ingress] = (
        await k8s('staging-eu-1', `/apis/networking.k8s.io/v1${ns}/ingresses`)
      ).body.items;
      expect(ingress.spec.rules[0].host).toBe('api.staging.shop.example.com');
      expect(ingress.spec.rules[0].http.paths[0].backend.service.name).toBe(
        service.metadata.name,
      );
      expect(ingress.status.loadBalancer.ingress[0].ip).toMatch(
        /^34\.\d+\.\d+\.\d+$/,
      );
      const [prodIngress] = (
        await k8s('prod-eu-1', `/apis/networking.k8s.io/v1${ns}/ingresses`)
      ).body.items;
      expect(prodIngress.spec.rules[0].host).toBe('api.shop.example.com');
    });

    it('runs the stateful service as a StatefulSet with a Bound claim per replica, mounted by its pod', async () => {
      const ns = '/namespaces/search-indexer';
      const [statefulSet] = (
        await k8s('dev-eu-1', `/apis/apps/v1${ns}/statefulsets`)
      ).body.items;
      expect(statefulSet.status).toMatchObject({
        replicas: 2,
        readyReplicas: 2,
      });
      const claims = (
        await k8s('dev-eu-1', `/api/v1${ns}/persistentvolumeclaims`)
      ).body.items;
      expect(claims.map((c: any) => [c.metadata.name, c.status.phase])).toEqual(
        [
          ['data-search-indexer-0', 'Bound'],
          ['data-search-indexer-1', 'Bound'],
        ],
      );
      const pods = (await k8s('dev-eu-1', `/api/v1${ns}/pods`)).body.items;
      expect(
        pods.map((p: any) => [
          p.metadata.name,
          p.spec.volumes[0].persistentVolumeClaim.claimName,
        ]),
      ).toEqual([
        ['search-indexer-0', 'data-search-indexer-0'],
        ['search-indexer-1', 'data-search-indexer-1'],
      ]);
      // Each claim's volume was provisioned on its pod's node.
      for (const [i, claim] of claims.entries()) {
        expect(
          claim.metadata.annotations['volume.kubernetes.io/selected-node'],
        ).toBe(pods[i].spec.nodeName);
      }
      const [headless] = (await k8s('dev-eu-1', `/api/v1${ns}/services`)).body
        .items;
      expect(headless.spec.clusterIP).toBe('None');
      expect(statefulSet.spec.serviceName).toBe(headless.metadata.name);
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

    it('lists each application’s resources by kind, group and version, with their health, every one served by its cluster', async () => {
      for (const instance of ['dev', 'staging', 'prod']) {
        const { body } = await argo(instance, '/api/v1/applications');
        for (const app of body.items) {
          const cluster = app.spec.destination.server.match(
            /^https:\/\/(.+)\.k8s\.example\.com$/,
          )[1];
          for (const resource of app.status.resources) {
            const { body: list } = await k8s(
              cluster,
              listPathOf(resource, resource.namespace),
            );
            expect({
              app: app.metadata.name,
              resource: resource.name,
              served: list.items.some(
                (i: any) => i.metadata.name === resource.name,
              ),
            }).toEqual({
              app: app.metadata.name,
              resource: resource.name,
              served: true,
            });
          }
        }
      }
      const resourcesOf = async (name: string) =>
        (await argo('prod', `/api/v1/applications/${name}-prod-eu-1`)).body
          .status.resources;
      const kinds = (resources: any[]) =>
        resources.map(r => [r.group, r.version, r.kind, r.health.status]);
      expect(kinds(await resourcesOf('promotions-service'))).toEqual([
        ['argoproj.io', 'v1alpha1', 'Rollout', 'Healthy'],
        ['', 'v1', 'Service', 'Healthy'],
        ['autoscaling', 'v2', 'HorizontalPodAutoscaler', 'Healthy'],
      ]);
      expect(kinds(await resourcesOf('log-shipper'))).toEqual([
        ['apps', 'v1', 'DaemonSet', 'Healthy'],
      ]);
      expect(kinds(await resourcesOf('invoice-batch'))).toEqual([
        ['batch', 'v1', 'CronJob', 'Healthy'],
      ]);
      expect(kinds(await resourcesOf('search-indexer'))).toEqual([
        ['apps', 'v1', 'StatefulSet', 'Healthy'],
        ['', 'v1', 'Service', 'Healthy'],
      ]);
      expect(kinds(await resourcesOf('edge-gateway'))).toEqual([
        ['apps', 'v1', 'Deployment', 'Healthy'],
        ['', 'v1', 'Service', 'Healthy'],
        ['autoscaling', 'v2', 'HorizontalPodAutoscaler', 'Healthy'],
        ['networking.k8s.io', 'v1', 'Ingress', 'Healthy'],
      ]);
      const { body: gateway } = await argo(
        'prod',
        '/api/v1/applications/edge-gateway-prod-eu-1',
      );
      expect(gateway.status.summary.externalURLs).toEqual([
        'https://api.shop.example.com',
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
