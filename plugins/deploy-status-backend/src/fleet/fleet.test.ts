import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  deployedRevisionOf,
  EntityDeployStatus,
  FleetPage,
  FleetRow,
  HEALTH_ORDER,
} from '@internal/plugin-deploy-status-common';
import { Sandbox, SandboxClock, startSandbox } from '@internal/sandbox';
import request from 'supertest';
import { exampleEntities, EXAMPLES_DIR } from '../__testUtils__/examples';
import { FakeUpstream, startFakeUpstream } from '../__testUtils__/fakeUpstream';
import { assertOpenApiSchema } from '../__testUtils__/openApi';
import {
  SANDBOX_ARGOCD_INSTANCES,
  SANDBOX_CLUSTERS,
  startPortal,
  startProxies,
  Urls,
} from '../__testUtils__/sandboxPortal';
import { KINDS_READ } from '../kubernetes/readClusterWorkloads';

/*
 * The fleet endpoint against the sandbox's Argo CD and Kubernetes with the example catalog and
 * its three environments (four clusters, three Argo CD instances), and against upstreams that fail.
 */

let sandbox: Sandbox;
const closing: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    examplesDir: EXAMPLES_DIR,
    seed: 'deploy-status',
    clock: SandboxClock.fixed(Date.UTC(2026, 0, 5, 9, 0, 0)),
    ports: { gitlab: 0, argocd: 0, kubernetes: 0, datadog: 0 },
  });
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await Promise.all(closing.splice(0).map(c => c.close()));
});

const service = (
  name: string,
  annotations: Record<string, string>,
  spec: object = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', owner: 'group:default/platform-team', ...spec },
});

/** Services beside the examples that take the other paths: none, by name, a compound selector. */
const extraEntities: Entity[] = [
  service('unannotated', {}),
  service('docs-only', { 'gitlab.com/project-slug': 'platform/docs-only' }),
  service('mislabelled', {
    'backstage.io/kubernetes-id': 'not a label!',
    'argocd/app-selector': 'backstage.io/kubernetes-id=checkout-api',
  }),
  // Exists in the dev instance only: staging and production ask for it by name, alone.
  service('by-name', { 'argocd/app-name': 'checkout-api-development' }),
  // Not one key=value term: asked alone on each cluster.
  service('compound-selector', {
    'backstage.io/kubernetes-label-selector':
      'backstage.io/kubernetes-id=cart-service,backstage.io/kubernetes-id!=nope',
  }),
];

const exampleServices = exampleEntities().filter(
  e => e.kind === 'Component' && (e.spec as any)?.type === 'service',
);
const allServices = [...exampleServices, ...extraEntities].map(e =>
  stringifyEntityRef(e),
);
/** Services with neither an Argo CD nor a Kubernetes annotation, by name. */
const notDeployedServices = [...exampleServices, ...extraEntities]
  .filter(
    e =>
      !Object.keys(e.metadata.annotations ?? {}).some(
        key =>
          key.startsWith('argocd/') ||
          key.startsWith('backstage.io/kubernetes'),
      ),
  )
  .map(e => stringifyEntityRef(e))
  .sort();

function portal(options: Parameters<typeof startPortal>[1] = {}) {
  return startPortal(sandbox, {
    entities: extraEntities,
    ...options,
  });
}

async function fleet(
  server: Awaited<ReturnType<typeof portal>>,
  query = '',
  headers: Record<string, string> = {},
): Promise<FleetPage> {
  const res = await request(server)
    .get(`/api/deploy-status/fleet${query ? `?${query}` : ''}`)
    .set(headers);
  expect(res.status).toBe(200);
  assertOpenApiSchema('FleetPage', res.body);
  return res.body;
}

async function walk(
  server: Awaited<ReturnType<typeof portal>>,
  query: string,
): Promise<{ rows: FleetRow[]; pages: number }> {
  const rows: FleetRow[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await fleet(
      server,
      [query, cursor && `cursor=${encodeURIComponent(cursor)}`]
        .filter(Boolean)
        .join('&'),
    );
    rows.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return { rows, pages };
}

const rank = (row: FleetRow) =>
  row.health === 'not-deployed'
    ? HEALTH_ORDER.length
    : HEALTH_ORDER.length - 1 - HEALTH_ORDER.indexOf(row.health);

describe('GET /fleet against the sandbox', () => {
  it('lists every service once, worst first, not-deployed last, with the per-entity verdicts', async () => {
    const server = await portal();
    const page = await fleet(server, 'limit=500');
    expect(page.items.map(r => r.entityRef).sort()).toEqual(
      [...allServices].sort(),
    );
    expect(page.totalItems).toBe(allServices.length);
    expect(page.nextCursor).toBeUndefined();

    // Worst first, then by title or name.
    const ranks = page.items.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(page.items[0].health).toBe('Degraded');
    const notDeployed = page.items.filter(r => r.health === 'not-deployed');
    expect(notDeployed.map(r => r.entityRef)).toEqual(notDeployedServices);
    expect(notDeployedServices).toContain('component:default/unannotated');
    expect(notDeployed.every(r => r.environments.length === 0)).toBe(true);
    expect(page.counts['not-deployed']).toBe(notDeployedServices.length);
    expect(page.counts.Unknown).toBe(0);

    // The seeded trouble, as the per-entity answer shows it.
    const byRef = new Map(page.items.map(r => [r.entityRef, r]));
    const crashLoop = byRef.get(
      `component:default/${sandbox.world.troubled.crashLoop}`,
    )!;
    expect(crashLoop.health).toBe('Degraded');
    const staging = crashLoop.environments.find(
      e => e.environment.name === 'staging',
    )!;
    expect(staging.health).toBe('Degraded');
    expect(staging.healthReasons.join('\n')).toContain('CrashLoopBackOff');
    expect(staging.healthReasons.length).toBeLessThanOrEqual(3);
    expect(staging.pods).toEqual({ ready: 0, total: expect.any(Number) });
    expect(staging.syncStatus).toBe('Synced');
    expect(staging.revision).toMatch(/^[0-9a-f]{40}$/);

    const checkout = byRef.get('component:default/checkout-api')!;
    expect(checkout).toMatchObject({
      owner: 'group:default/checkout-team',
      ownerTitle: 'Checkout',
      system: 'system:default/checkout',
      systemTitle: 'Checkout',
    });
    expect(checkout.environments.map(e => e.environment.name)).toEqual([
      'development',
      'staging',
      'production',
    ]);

    // Counts add up to the rows.
    expect(Object.values(page.counts).reduce((sum, n) => sum + n, 0)).toBe(
      allServices.length,
    );
    for (const health of [...HEALTH_ORDER, 'not-deployed'] as const) {
      expect(page.counts[health]).toBe(
        page.items.filter(r => r.health === health).length,
      );
    }
    expect(page.facets.environments.map(e => e.name)).toEqual([
      'development',
      'staging',
      'production',
    ]);
    expect(page.facets.owners).toContainEqual({
      ref: 'group:default/checkout-team',
      title: 'Checkout',
    });
  });

  it('gives each service, in each environment, the health, reasons and revision of its per-entity answer', async () => {
    const server = await portal();
    const page = await fleet(server, 'limit=500');
    const fromFleet = page.items.map(row => ({
      ref: row.entityRef,
      health: row.health,
      environments: row.environments.map(e => ({
        ref: e.environment.ref,
        health: e.health,
        healthReasons: e.healthReasons,
        unknownSources: e.unknownSources,
        revision: e.revision,
      })),
    }));
    const alone = [];
    for (const row of page.items) {
      const [namespace, name] = row.entityRef.split(':')[1].split('/');
      const res = await request(server).get(
        `/api/deploy-status/entities/component/${namespace}/${name}`,
      );
      expect(res.status).toBe(200);
      const status: EntityDeployStatus = res.body;
      // Not deployed: no environment has an Argo CD or Kubernetes annotation to read.
      const notDeployed = status.environments.every(
        e =>
          e.argocd.state === 'not-configured' &&
          e.kubernetes.state === 'not-configured' &&
          e.argocd.message.startsWith('No argocd/app-name') &&
          e.kubernetes.message.startsWith('No backstage.io/kubernetes-id'),
      );
      alone.push({
        ref: row.entityRef,
        health: notDeployed ? 'not-deployed' : status.health,
        environments: notDeployed
          ? []
          : status.environments.map(e => ({
              ref: e.environment.ref,
              health: e.health,
              healthReasons: e.healthReasons.slice(0, 3),
              unknownSources: e.unknownSources,
              revision:
                e.argocd.state === 'ok' && e.argocd.data.applications.length
                  ? deployedRevisionOf(e.argocd.data.applications)
                  : undefined,
            })),
      });
    }
    expect(fromFleet).toEqual(alone);
    expect(fromFleet.length).toBe(allServices.length);
  }, 60_000);

  it('asks each cluster once per kind and each Argo CD project once, whatever the number of services, and GitLab never', async () => {
    const proxies = await startProxies(sandbox);
    closing.push(proxies);
    const server = await portal({ urls: proxies.urls });
    // Concurrent page requests share one refresh.
    const pages = await Promise.all([
      fleet(server, 'limit=5'),
      fleet(server, 'health=Degraded'),
      fleet(server, 'limit=500'),
    ]);
    expect(new Set(pages.map(p => p.generatedAt)).size).toBe(1);
    const { upstreamRequests } = pages[0];

    const kinds = KINDS_READ.length;
    // The compound selector is asked alone on each of its 4 clusters (a list per kind); the
    // by-name service's application is asked for by name in staging and production.
    const alone = SANDBOX_CLUSTERS.length * kinds + 2;
    expect(upstreamRequests).toEqual({
      argocd: SANDBOX_ARGOCD_INSTANCES.length,
      kubernetes: SANDBOX_CLUSTERS.length * kinds,
      alone,
      total:
        SANDBOX_ARGOCD_INSTANCES.length +
        SANDBOX_CLUSTERS.length * kinds +
        alone,
    });
    expect(proxies.gitlab.requests).toEqual([]);
    expect(proxies.argocd.requests).toHaveLength(
      SANDBOX_ARGOCD_INSTANCES.length + 2,
    );
    expect(proxies.kubernetes.requests).toHaveLength(
      SANDBOX_CLUSTERS.length * kinds + SANDBOX_CLUSTERS.length * kinds,
    );
    const shared = proxies.kubernetes.requests.filter(
      url =>
        new URL(url, 'http://proxy').searchParams.get('labelSelector') ===
        'backstage.io/kubernetes-id',
    );
    expect(shared).toHaveLength(SANDBOX_CLUSTERS.length * kinds);
    expect(
      shared.every(
        url => new URL(url, 'http://proxy').searchParams.get('limit') === '500',
      ),
    ).toBe(true);
    const projectLists = proxies.argocd.requests.filter(url =>
      /\/api\/v1\/applications\?projects=default$/.test(url),
    );
    expect(projectLists).toHaveLength(SANDBOX_ARGOCD_INSTANCES.length);

    // Within the cache time, pages come from the snapshot: nothing more is asked.
    await fleet(server, 'limit=10');
    expect(proxies.kubernetes.requests).toHaveLength(
      2 * SANDBOX_CLUSTERS.length * kinds,
    );
  });
  it('answers from the snapshot it has once the cache time has passed, while one refresh makes the next', async () => {
    const proxies = await startProxies(sandbox);
    closing.push(proxies);
    const server = await portal({
      urls: proxies.urls,
      config: { deployStatus: { cacheTtlSeconds: { kubernetes: 1 } } },
    });
    const first = await fleet(server, 'limit=1');
    const asked = proxies.kubernetes.requests.length;
    await new Promise(resolve => setTimeout(resolve, 1100));

    const [stale, alsoStale] = await Promise.all([
      fleet(server, 'limit=1'),
      fleet(server, 'limit=2'),
    ]);
    expect(stale.generatedAt).toBe(first.generatedAt);
    expect(alsoStale.generatedAt).toBe(first.generatedAt);
    let next = stale;
    for (let i = 0; i < 50 && next.generatedAt === first.generatedAt; i++) {
      await new Promise(resolve => setTimeout(resolve, 100));
      next = await fleet(server, 'limit=1');
    }
    expect(Date.parse(next.generatedAt)).toBeGreaterThan(
      Date.parse(first.generatedAt),
    );
    // One refresh for both stale pages.
    expect(proxies.kubernetes.requests.length).toBe(2 * asked);
  });
});

describe('GET /fleet filters and pages', () => {
  it('walks every service exactly once with cursors, in the same order as one page', async () => {
    const server = await portal();
    const whole = await fleet(server, 'limit=500');
    const { rows, pages } = await walk(server, 'limit=4');
    expect(pages).toBe(Math.ceil(allServices.length / 4));
    expect(rows.map(r => r.entityRef)).toEqual(
      whole.items.map(r => r.entityRef),
    );
    expect(new Set(rows.map(r => r.entityRef)).size).toBe(allServices.length);
  });

  it('filters by owner, system, environment and health; counts come before the health filter', async () => {
    const server = await portal();
    const whole = await fleet(server, 'limit=500');

    const owned = await fleet(server, 'owner=checkout-team&limit=500');
    expect(owned.items.length).toBeGreaterThan(0);
    expect(
      owned.items.every(r => r.owner === 'group:default/checkout-team'),
    ).toBe(true);
    expect(owned.totalItems).toBe(
      whole.items.filter(r => r.owner === 'group:default/checkout-team').length,
    );

    const twoSystems = await fleet(
      server,
      'system=system:default/checkout&system=payments&limit=500',
    );
    expect(new Set(twoSystems.items.map(r => r.system))).toEqual(
      new Set(['system:default/checkout', 'system:default/payments']),
    );

    // An environment narrows each row to it; its health is that environment's.
    const production = await fleet(server, 'environment=production&limit=500');
    expect(
      production.items.every(
        r =>
          r.environments.length === 1 &&
          r.environments[0].environment.name === 'production' &&
          r.health === r.environments[0].health,
      ),
    ).toBe(true);
    expect(production.counts['not-deployed']).toBe(0);
    const degradedRollout = `component:default/${sandbox.world.troubled.degradedRollout}`;
    const crashLoop = `component:default/${sandbox.world.troubled.crashLoop}`;
    const degradedInProduction = await fleet(
      server,
      'environment=environment:default/production&health=Degraded',
    );
    expect(degradedInProduction.items.map(r => r.entityRef)).toEqual([
      degradedRollout,
    ]);
    expect(degradedInProduction.counts).toEqual(production.counts);
    expect(degradedInProduction.totalItems).toBe(1);

    const degraded = await fleet(server, 'health=Degraded');
    expect(degraded.items.map(r => r.entityRef).sort()).toEqual(
      [crashLoop, degradedRollout].sort(),
    );
    expect(degraded.counts).toEqual(whole.counts);

    const notDeployed = await fleet(server, 'health=not-deployed');
    expect(notDeployed.items.map(r => r.entityRef)).toEqual(
      notDeployedServices,
    );
    const both = await fleet(server, 'health=not-deployed&health=Degraded');
    expect(both.totalItems).toBe(notDeployedServices.length + 2);
  });

  it('lists only the services the caller may see in the catalog', async () => {
    const entities = [...exampleEntities(), ...extraEntities];
    const visibleTo = (credentials: any) => (entity: Entity) =>
      credentials?.principal?.userEntityRef !== 'user:default/outsider' ||
      (entity.spec as any)?.owner === 'group:checkout-team';
    const catalog = createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => {
        const inner = catalogServiceMock({ entities });
        const getEntities: typeof inner.getEntities = async (req, options) => {
          const { items } = await inner.getEntities(
            { ...req, fields: undefined },
            options,
          );
          const seen = items.filter(
            visibleTo((options as { credentials?: unknown })?.credentials),
          );
          const again = await inner.getEntitiesByRefs(
            {
              entityRefs: seen.map(e => stringifyEntityRef(e)),
              fields: req?.fields,
            },
            options,
          );
          return { items: again.items.filter((e): e is Entity => !!e) };
        };
        return new Proxy(inner, {
          get: (target, key) =>
            key === 'getEntities'
              ? getEntities
              : (target as any)[key]?.bind?.(target) ?? (target as any)[key],
        });
      },
    });
    const server = await portal({ catalog });
    const mine = await fleet(server, 'limit=500', {
      authorization: mockCredentials.user.header('user:default/outsider'),
    });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(
      mine.items.every(r => r.owner === 'group:default/checkout-team'),
    ).toBe(true);
    expect(mine.totalItems).toBe(
      exampleServices.filter(
        e => (e.spec as any).owner === 'group:checkout-team',
      ).length,
    );
    expect(mine.facets.owners.map(o => o.ref)).toEqual([
      'group:default/checkout-team',
    ]);
    const everyone = await fleet(server, 'limit=500');
    expect(everyone.totalItems).toBe(allServices.length);
  });

  it.each([
    ['limit=0', "'limit'"],
    ['limit=501', "'limit'"],
    ['limit=ten', "'limit'"],
    ['health=Sick', "'health'"],
    ['owner=', "'owner'"],
    ['cursor=not-a-cursor', "'cursor'"],
    ['team=checkout', "'team'"],
  ])('answers 400 naming the parameter for %s', async (query, named) => {
    const server = await portal();
    const res = await request(server).get(`/api/deploy-status/fleet?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(named);
  });
});

describe('GET /fleet with failing upstreams', () => {
  const fakes: FakeUpstream[] = [];
  afterEach(async () => {
    await Promise.all(fakes.splice(0).map(f => f.close()));
  });
  async function failing(body: string, status = 200) {
    const fake = await startFakeUpstream(() => ({ status, body }));
    fakes.push(fake);
    return fake.url;
  }

  it('shows the environments of a failing instance and cluster as Unknown with why, the rest as usual', async () => {
    const urls: Urls = {
      'argocd:staging': await failing('<html>login</html>'),
      'cluster:staging-eu-1': await failing('{"message":"etcd down"}', 503),
      'cluster:prod-eu-2': await failing('{"hello":"world"}'),
    };
    const server = await portal({ urls });
    const page = await fleet(server, 'limit=500');
    const checkout = page.items.find(
      r => r.entityRef === 'component:default/checkout-api',
    )!;
    const [development, staging, production] = checkout.environments;
    expect(development.health).toBe('Healthy');
    expect(staging).toMatchObject({
      health: 'Unknown',
      unknownSources: ['argocd', 'kubernetes'],
      sourceErrors: [
        'Argo CD instance \'staging\' answered 200 with a body that is not JSON ("<html>login</html>")',
        "Kubernetes cluster 'staging-eu-1' answered 503: etcd down",
      ],
    });
    // Production: prod-eu-1 and its Argo CD answered, so its health is known.
    expect(production.health).toBe('Healthy');
    expect(production.unknownSources).toEqual(['kubernetes']);
    expect(production.sourceErrors[0]).toContain(
      "Kubernetes cluster 'prod-eu-2'",
    );
    expect(page.counts.Unknown).toBe(
      page.items.filter(r => r.health === 'Unknown').length,
    );
    expect(checkout.health).toBe('Unknown');
  });
});
