import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { FakeDatadog, fakeSlo, startFakeDatadog } from './testUtils';
import { datadogSloPlugin } from './plugin';

function component(
  name: string,
  annotations: Record<string, string>,
  relations: Array<{ type: string; targetRef: string }>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      owner: 'group:default/payments',
      lifecycle: 'production',
    },
    relations,
  };
}

const member = [
  { type: 'partOf', targetRef: 'system:default/checkout' },
  { type: 'ownedBy', targetRef: 'group:default/payments' },
];
const entities: Entity[] = [
  component(
    'checkout-api',
    { 'datadoghq.com/slo-query': 'service:checkout-api' },
    member,
  ),
  component('cart', { 'datadoghq.com/slo-query': 'service:cart' }, member),
  component('legacy-batch', {}, member),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'checkout', namespace: 'default' },
    spec: { owner: 'group:default/payments' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
];

async function startPortal(datadog: JsonObject, upstream: JsonObject = {}) {
  const { server } = await startTestBackend({
    features: [
      datadogSloPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: { datadog, upstream } }),
    ],
  });
  return server;
}

describe('datadog-slo backend plugin', () => {
  let datadog: FakeDatadog;
  beforeEach(async () => {
    datadog = await startFakeDatadog({
      slos: [
        fakeSlo('checkout-availability', { sli: 99.5, state: 'breached' }),
        fakeSlo('checkout-latency', { sli: 99.99, state: 'ok' }),
        fakeSlo('cart-availability', {
          sli: 99.92,
          state: 'warning',
          tags: ['service:cart', 'env:production'],
        }),
      ],
    });
  });
  afterEach(async () => {
    await datadog.close();
  });

  const configured = () => ({
    site: 'datadoghq.com',
    apiKey: 'test-api-key',
    appKey: 'test-app-key',
    apiBaseUrl: datadog.url,
  });

  it("serves an entity's SLOs, worst first, without the keys", async () => {
    const server = await startPortal(configured());
    const res = await request(server).get(
      '/api/datadog-slo/entities/component/default/checkout-api/slos',
    );
    expect(res.status).toBe(200);
    expect(res.body.slos.map((s: { id: string }) => s.id)).toEqual([
      'checkout-availability',
      'checkout-latency',
    ]);
    expect(res.body.environments).toEqual([
      { environment: 'production', state: 'breached', sloCount: 2 },
    ]);
    expect(res.text).not.toContain('test-api-key');
    expect(res.text).not.toContain('test-app-key');
  });

  it('answers 404 for an unknown entity and for an SLO that is not the entity’s', async () => {
    const server = await startPortal(configured());
    expect(
      (
        await request(server).get(
          '/api/datadog-slo/entities/component/default/nope/slos',
        )
      ).status,
    ).toBe(404);
    const foreign = await request(server).get(
      '/api/datadog-slo/entities/component/default/checkout-api/slos/cart-availability/history?timeframe=7d',
    );
    expect(foreign.status).toBe(404);
    const bad = await request(server).get(
      '/api/datadog-slo/entities/component/default/checkout-api/slos/checkout-latency/history?timeframe=1y',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(
      'timeframe: must be one of 7d, 30d, 90d',
    );
  });

  it('serves a burn-down for one of the entity’s SLOs', async () => {
    const server = await startPortal(configured());
    const res = await request(server).get(
      '/api/datadog-slo/entities/component/default/checkout-api/slos/checkout-latency/history?timeframe=30d',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      sloId: 'checkout-latency',
      timeframe: '30d',
      target: 99.9,
    });
    expect(res.body.points).toHaveLength(200);
  });

  it('rolls SLOs up per system and per owning team, naming members without SLOs', async () => {
    const server = await startPortal(configured());
    for (const ref of ['system:default/checkout', 'group:default/payments']) {
      const res = await request(server)
        .get('/api/datadog-slo/rollup')
        .query({ entityRef: ref });
      expect(res.status).toBe(200);
      expect(res.body.counts).toEqual({
        breached: 1,
        warning: 1,
        no_data: 0,
        ok: 1,
      });
      expect(res.body.worstState).toBe('breached');
      expect(
        res.body.entries.map((e: { entityRef: string }) => e.entityRef),
      ).toEqual(['component:default/checkout-api', 'component:default/cart']);
      expect(res.body.withoutSlos).toEqual(['component:default/legacy-batch']);
    }
    const wrongKind = await request(server)
      .get('/api/datadog-slo/rollup')
      .query({ entityRef: 'component:default/cart' });
    expect(wrongKind.status).toBe(400);
  });

  it('starts without keys and says Datadog is not configured', async () => {
    const server = await startPortal({});
    const res = await request(server).get(
      '/api/datadog-slo/entities/component/default/checkout-api/slos',
    );
    expect(res.status).toBe(200);
    expect(res.body.configured).toBe(false);
    expect(res.body.problems[0].message).toContain('Datadog is not configured');
    expect(datadog.requests).toHaveLength(0);
  });

  it('names the size cap when an answer is larger than the layer allows, instead of failing with 500', async () => {
    const server = await startPortal(configured(), { maxResponseBytes: 1024 });
    const res = await request(server).get(
      '/api/datadog-slo/entities/component/default/checkout-api/slos',
    );
    expect(res.status).toBe(200);
    expect(res.body.slos).toEqual([]);
    expect(res.body.problems).toEqual([
      expect.objectContaining({
        kind: 'upstream',
        message: expect.stringMatching(
          /^Datadog \(datadoghq\.com\) answered 200 with more than 1 KiB, the portal's limit for one answer \(upstream\.maxResponseBytes\)\. /,
        ),
      }),
    ]);
  });
});
