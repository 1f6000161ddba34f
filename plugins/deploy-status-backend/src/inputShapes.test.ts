import http from 'node:http';
import { AddressInfo } from 'node:net';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ClusterStatus,
  EntityDeployStatus,
} from '@internal/plugin-deploy-status-common';
import { Sandbox, SandboxClock, startSandbox } from '@internal/sandbox';
import request from 'supertest';
import { exampleEntities, EXAMPLES_DIR } from './__testUtils__/examples';
import { assertOpenApiSchema } from './__testUtils__/openApi';
import {
  sandboxPortalConfig,
  sandboxUpstreams,
} from './__testUtils__/sandboxPortalConfig';
import { deployStatusPlugin } from './plugin';

/*
 * Input the portal does not control: annotation values from any repository, clusters that do
 * not serve every kind, answers larger than the cap. Each is a named error or note of its own
 * source; the answer is still a 200 with everything else in it.
 */

let sandbox: Sandbox;
const servers: http.Server[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    examplesDir: EXAMPLES_DIR,
    seed: 'bad-input',
    clock: SandboxClock.fixed(Date.UTC(2026, 0, 5, 9, 0, 0)),
    ports: { gitlab: 0, argocd: 0, kubernetes: 0, datadog: 0 },
  });
});
afterAll(() => sandbox.close());
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** A cluster in front of the sandbox's that answers some paths itself. */
async function clusterProxy(
  target: string,
  answer: (path: string) => { status: number; body: string } | undefined,
): Promise<string> {
  const server = http.createServer(async (req, res) => {
    const own = answer(req.url ?? '');
    if (own) {
      res.writeHead(own.status, { 'content-type': 'application/json' });
      res.end(own.body);
      return;
    }
    const upstream = await fetch(`${target}${req.url}`, {
      headers: { authorization: req.headers.authorization ?? '' },
    });
    res.writeHead(upstream.status, { 'content-type': 'application/json' });
    res.end(await upstream.text());
  });
  servers.push(server);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const notFound = (what: string) => ({
  status: 404,
  body: JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `the server could not find the requested resource (${what})`,
    reason: 'NotFound',
    code: 404,
  }),
});

const environment = (
  name: string,
  spec: { clusters?: string[]; argocd?: { instance: string; project: string } },
): Entity => ({
  apiVersion: 'platformportal.io/v1alpha1',
  kind: 'Environment',
  metadata: { name, namespace: 'default' },
  spec: {
    type: name,
    owner: 'group:default/platform-team',
    production: false,
    promotionOrder: 1,
    ...spec,
  },
});

/** A service deployed to the three shapes of environment, found by application name. */
const shapes: Entity[] = [
  environment('preview', { clusters: ['resource:dev-eu-1'] }),
  environment('demo', { argocd: { instance: 'dev', project: 'default' } }),
  environment('payments-dev', {
    clusters: ['resource:dev-eu-1'],
    argocd: { instance: 'dev', project: 'payments' },
  }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'shapes',
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': 'checkout-api',
        'argocd/app-name': 'checkout-api-development',
        'platformportal.io/environments':
          'environment:preview, environment:demo, environment:payments-dev',
      },
    },
    spec: { type: 'service', owner: 'group:default/platform-team' },
  },
];

const oversized: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'oversized',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': 'a'.repeat(10_000),
      'argocd/app-selector': `backstage.io/kubernetes-id=${'b'.repeat(10_000)}`,
      'gitlab.com/project-slug': `commerce/${'c'.repeat(10_000)}`,
    },
  },
  spec: { type: 'service', owner: 'group:default/platform-team' },
};

async function start(
  options: {
    clusters?: Record<string, string>;
    upstream?: { maxResponseBytes?: number };
  } = {},
) {
  const sandboxed = sandboxUpstreams(sandbox.urls);
  const { server } = await startTestBackend({
    features: [
      deployStatusPlugin,
      catalogServiceMock.factory({
        entities: [...exampleEntities(), oversized, ...shapes],
      }),
      mockServices.rootConfig.factory({
        data: {
          upstream: options.upstream ?? {},
          ...sandboxPortalConfig({
            ...sandboxed,
            kubernetes: name =>
              options.clusters?.[name] ?? sandboxed.kubernetes(name),
          }),
        },
      }),
    ],
  });
  return async (name: string): Promise<EntityDeployStatus> => {
    const res = await request(server).get(
      `/api/deploy-status/entities/component/default/${name}`,
    );
    expect(res.status).toBe(200);
    assertOpenApiSchema('EntityDeployStatus', res.body);
    return res.body;
  };
}

describe('deploy-status with bad input', () => {
  it('refuses annotation values too long to send upstream, quoting at most 100 characters', async () => {
    const statusOf = await start();
    const status = await statusOf('oversized');
    const [development] = status.environments;
    for (const source of [
      development.kubernetes,
      development.argocd,
      status.gitlab,
    ]) {
      expect(source.state).toBe('error');
      const message = (source as { message: string }).message;
      expect(message).toMatch(/^Annotation \S+ is \d+ characters long/);
      expect(message.length).toBeLessThan(260);
    }
  });

  it('notes kinds a cluster does not serve (no Argo Rollouts, no autoscaling/v2) and still rates the rest', async () => {
    const statusOf = await start({
      clusters: {
        'dev-eu-1': await clusterProxy(
          sandboxUpstreams(sandbox.urls).kubernetes('dev-eu-1'),
          path => {
            if (path.startsWith('/apis/argoproj.io/')) {
              return notFound('get rollouts.argoproj.io');
            }
            if (path.startsWith('/apis/autoscaling/v2/')) {
              return notFound('get horizontalpodautoscalers.autoscaling');
            }
            return undefined;
          },
        ),
      },
    });
    const status = await statusOf('checkout-api');
    const development = status.environments.find(
      e => e.environment.name === 'development',
    )!;
    expect(development.kubernetes.state).toBe('ok');
    const [cluster] = (
      development.kubernetes as { data: { clusters: ClusterStatus[] } }
    ).data.clusters;
    expect(cluster.state).toBe('ok');
    const data = (cluster as Extract<ClusterStatus, { state: 'ok' }>).data;
    expect(data.notes).toEqual([
      expect.stringContaining('does not serve autoscaling/v2'),
      expect.stringContaining('does not serve Argo Rollouts'),
    ]);
    expect(data.resources.map(r => r.kind)).toContain('Deployment');
    expect(development.health).toBe('Healthy');
  });

  it('fails only the cluster whose answer is larger than upstream.maxResponseBytes', async () => {
    const statusOf = await start({
      upstream: { maxResponseBytes: 256 * 1024 },
      clusters: {
        'prod-eu-2': await clusterProxy(
          sandboxUpstreams(sandbox.urls).kubernetes('prod-eu-2'),
          path =>
            path.startsWith('/api/v1/pods')
              ? {
                  status: 200,
                  body: JSON.stringify({
                    kind: 'PodList',
                    apiVersion: 'v1',
                    metadata: {},
                    items: [],
                    padding: 'x'.repeat(300 * 1024),
                  }),
                }
              : undefined,
        ),
      },
    });
    const status = await statusOf('checkout-api');
    const production = status.environments.find(
      e => e.environment.name === 'production',
    )!;
    const clusters = (
      production.kubernetes as { data: { clusters: ClusterStatus[] } }
    ).data.clusters;
    expect(clusters.map(c => [c.cluster, c.state])).toEqual([
      ['prod-eu-1', 'ok'],
      ['prod-eu-2', 'error'],
    ]);
    expect((clusters[1] as { message: string }).message).toContain(
      'upstream.maxResponseBytes',
    );
    expect(production.unknownSources).toEqual(['kubernetes']);
  });
});

describe('deploy-status across environment shapes', () => {
  it('reads a Kubernetes-only environment, an Argo CD-only one, and says why an application of another project is not shown', async () => {
    const statusOf = await start();
    const status = await statusOf('shapes');
    const byName = Object.fromEntries(
      status.environments.map(e => [e.environment.name, e]),
    );
    expect(Object.keys(byName).sort()).toEqual([
      'demo',
      'payments-dev',
      'preview',
    ]);

    expect(byName.preview.argocd).toEqual({
      state: 'not-configured',
      message:
        'environment:default/preview is deployed without Argo CD (it names no spec.argocd)',
    });
    expect(byName.preview.kubernetes.state).toBe('ok');
    expect(byName.preview.health).toBe('Healthy');

    expect(byName.demo.kubernetes).toEqual({
      state: 'not-configured',
      message:
        'environment:default/demo names no clusters (spec.clusters): its workloads are known through Argo CD only',
    });
    expect(byName.demo.argocd.state).toBe('ok');
    expect(byName.demo.health).toBe('Healthy');

    expect(byName['payments-dev'].argocd).toEqual({
      state: 'not-configured',
      message:
        "Argo CD application 'checkout-api-development' on instance 'dev' is in project 'default', not in 'payments' of environment:default/payments-dev; it is not shown as this service's",
    });
  });
});
