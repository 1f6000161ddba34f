import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_DATADOG_SLO_IDS,
  ANNOTATION_DATADOG_SLO_QUERY,
} from '@internal/catalog-model-platform';
import {
  emptySloStateCounts,
  EntitySlosResponse,
  SloHistoryResponse,
  SloRollupEntry,
  SloRollupResponse,
  SloSummary,
  SloTimeframeStatus,
} from '@internal/plugin-datadog-slo-common';
import { DatadogSloApi } from '../api/DatadogSloApi';

/** Test data built on the common types, so a contract change breaks the tests at compile time. */

export const checkoutApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-api',
    annotations: { [ANNOTATION_DATADOG_SLO_QUERY]: 'service:checkout-api' },
  },
  spec: { type: 'service', owner: 'group:checkout-team' },
};

export const checkoutApiByIds: Entity = {
  ...checkoutApi,
  metadata: {
    name: 'checkout-api',
    annotations: { [ANNOTATION_DATADOG_SLO_IDS]: 'abc123, def456' },
  },
};

export const unannotatedService: Entity = {
  ...checkoutApi,
  metadata: { name: 'ledger' },
};

export const checkoutSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'checkout' },
  spec: { owner: 'group:checkout-team' },
};

export function timeframeStatus(
  overrides: Partial<SloTimeframeStatus> = {},
): SloTimeframeStatus {
  return {
    timeframe: '30d',
    target: 99.9,
    warning: 99.95,
    sli: 99.98,
    errorBudgetRemaining: 80,
    state: 'ok',
    ...overrides,
  };
}

export function sloSummary(overrides: Partial<SloSummary> = {}): SloSummary {
  const timeframes = overrides.timeframes ?? [timeframeStatus()];
  return {
    id: 'slo-ok',
    name: 'Checkout availability',
    type: 'metric',
    tags: ['service:checkout-api', 'env:production'],
    environment: 'production',
    primaryTimeframe: '30d',
    timeframes,
    state: timeframes[0].state,
    burnRates: [
      { window: '1h', windowSeconds: 3600, rate: 0.5 },
      { window: '6h', windowSeconds: 21600, rate: 0.8 },
    ],
    url: 'https://app.datadoghq.eu/slo?slo_id=slo-ok',
    ...overrides,
  };
}

export function entitySlosResponse(
  overrides: Partial<EntitySlosResponse> = {},
): EntitySlosResponse {
  return {
    entityRef: 'component:default/checkout-api',
    configured: true,
    site: 'datadoghq.eu',
    slos: [],
    environments: [],
    problems: [],
    fetchedAt: '2026-11-21T10:00:00Z',
    stale: false,
    ...overrides,
  };
}

export function historyResponse(
  overrides: Partial<SloHistoryResponse> = {},
): SloHistoryResponse {
  const day = 24 * 3600 * 1000;
  const toTime = Date.UTC(2026, 10, 21);
  return {
    sloId: 'slo-ok',
    timeframe: '30d',
    target: 99.9,
    warning: 99.95,
    warningBudget: 50,
    fromTime: toTime - 30 * day,
    toTime,
    points: [100, 92, 85, 60, 41, 12].map((budget, i) => ({
      time: toTime - (5 - i) * 6 * day,
      sli: 99.9 + (budget / 100) * 0.1,
      errorBudgetRemaining: budget,
    })),
    problems: [],
    fetchedAt: new Date(toTime).toISOString(),
    stale: false,
    ...overrides,
  };
}

export function rollupEntry(
  overrides: Partial<SloRollupEntry> = {},
): SloRollupEntry {
  return {
    entityRef: 'component:default/checkout-api',
    worstState: 'ok',
    counts: { ...emptySloStateCounts(), ok: 1 },
    lowestBudget: 80,
    problems: [],
    ...overrides,
  };
}

export function rollupResponse(
  overrides: Partial<SloRollupResponse> = {},
): SloRollupResponse {
  return {
    entityRef: 'system:default/checkout',
    membership: 'partOf',
    worstState: undefined,
    counts: emptySloStateCounts(),
    entries: [],
    withoutSlos: [],
    ...overrides,
  };
}

/** A fake API whose methods are jest mocks; unanswered methods fail loudly. */
export function fakeDatadogSloApi(
  overrides: Partial<DatadogSloApi> = {},
): jest.Mocked<DatadogSloApi> {
  const unexpected = (name: string) => async () => {
    throw new Error(`unexpected call to ${name}`);
  };
  return {
    getEntitySlos: jest.fn(
      overrides.getEntitySlos ?? unexpected('getEntitySlos'),
    ),
    getSloHistory: jest.fn(
      overrides.getSloHistory ?? unexpected('getSloHistory'),
    ),
    getRollup: jest.fn(overrides.getRollup ?? unexpected('getRollup')),
  };
}
