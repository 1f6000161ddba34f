import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EntitySlosResponse,
  SloSummary,
} from '@internal/plugin-datadog-slo-common';
import { SloRollupService } from './SloRollupService';
import { SloService } from './SloService';

function member(name: string, annotated = true): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: annotated
        ? { 'datadoghq.com/slo-query': `service:${name}` }
        : {},
    },
    spec: {
      type: 'service',
      owner: 'group:default/payments',
      system: 'checkout',
    },
    relations: [{ type: 'partOf', targetRef: 'system:default/checkout' }],
  };
}

function slo(id: string, state: SloSummary['state']): SloSummary {
  return {
    id,
    name: id,
    type: 'metric',
    tags: [],
    primaryTimeframe: '30d',
    timeframes: [
      {
        timeframe: '30d',
        target: 99.9,
        sli: 99.95,
        errorBudgetRemaining: 50,
        state,
      },
    ],
    state,
    burnRates: [],
    url: '',
  };
}

/** SLO answers per member, as SloService would give them. */
function slosOf(
  answers: Record<string, Partial<EntitySlosResponse>>,
): SloService {
  return {
    getEntitySlos: async (entity: Entity) => ({
      entityRef: `component:default/${entity.metadata.name}`,
      configured: true,
      site: 'datadoghq.com',
      slos: [],
      environments: [],
      problems: [],
      fetchedAt: '',
      stale: false,
      ...answers[entity.metadata.name],
    }),
  } as unknown as SloService;
}

describe('SloRollupService', () => {
  const catalog = catalogServiceMock({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: 'checkout', namespace: 'default' },
        spec: { owner: 'group:default/payments' },
      },
      member('cart'),
      member('orders'),
      member('broken'),
      member('search'),
      member('quiet'),
      member('legacy', false),
    ],
  });

  it('counts an SLO two services share once, and ranks a member Datadog failed for after a breach but before a warning', async () => {
    const shared = slo('checkout-availability', 'breached');
    const rollups = new SloRollupService(
      slosOf({
        cart: { slos: [shared, slo('cart-latency', 'ok')] },
        orders: { slos: [shared, slo('orders-latency', 'warning')] },
        search: { slos: [slo('search-latency', 'warning')] },
        broken: {
          problems: [
            { kind: 'forbidden', message: 'Datadog rejected the key' },
          ],
        },
      }),
      catalog,
    );
    const answer = await rollups.rollup(
      'system:default/checkout',
      mockCredentials.user(),
    );

    expect(answer.counts).toEqual({
      breached: 1,
      warning: 2,
      no_data: 0,
      ok: 1,
    });
    expect(answer.worstState).toBe('breached');
    expect(answer.entries.map(e => e.entityRef)).toEqual([
      'component:default/cart',
      'component:default/orders',
      'component:default/broken',
      'component:default/search',
      'component:default/quiet',
    ]);
    expect(answer.withoutSlos).toEqual(['component:default/legacy']);
  });

  it('refuses a rollup of anything but a System or a Group', async () => {
    const rollups = new SloRollupService(slosOf({}), catalog);
    await expect(
      rollups.rollup('component:default/cart', mockCredentials.user()),
    ).rejects.toThrow(
      'An SLO rollup is made for a System or a Group, not a component',
    );
  });
});
