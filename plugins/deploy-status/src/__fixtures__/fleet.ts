import {
  FleetEnvironment,
  FleetPage,
  FleetRow,
  Health,
} from '@internal/plugin-deploy-status-common';

/*
 * Fleet pages in the backend's shape (`FleetPage` of openapi.yaml, checked against real answers
 * by the backend's tests), modelled on the sandbox: a crash loop in staging, the rest healthy,
 * and a service without deploy annotations.
 */

const ENVIRONMENTS = [
  { name: 'development', title: 'Development', order: 1 },
  { name: 'staging', title: 'Staging', order: 2 },
  { name: 'production', title: 'Production', order: 3 },
].map(e => ({
  ref: `environment:default/${e.name}`,
  name: e.name,
  title: e.title,
  production: e.name === 'production',
  promotionOrder: e.order,
}));

function environments(staging: Health = 'Healthy'): FleetEnvironment[] {
  return ENVIRONMENTS.map(environment => {
    const health = environment.name === 'staging' ? staging : 'Healthy';
    return {
      environment,
      health,
      healthReasons:
        health === 'Healthy'
          ? []
          : [`Pod pricing-service-7465 on staging-eu-1: CrashLoopBackOff`],
      unknownSources: [],
      sourceErrors: [],
      revision: 'a'.repeat(40),
      syncStatus: 'Synced',
      pods: { ready: health === 'Healthy' ? 2 : 0, total: 2 },
    };
  });
}

export const pricingRow: FleetRow = {
  entityRef: 'component:default/pricing-service',
  title: 'Pricing service',
  owner: 'group:default/catalog-team',
  ownerTitle: 'Product catalog',
  system: 'system:default/product-catalog',
  systemTitle: 'Product catalog',
  health: 'Degraded',
  environments: environments('Degraded'),
};

export const cartRow: FleetRow = {
  entityRef: 'component:default/cart-service',
  owner: 'group:default/checkout-team',
  ownerTitle: 'Checkout',
  system: 'system:default/checkout',
  systemTitle: 'Checkout',
  health: 'Healthy',
  environments: environments(),
};

export const reportingRow: FleetRow = {
  entityRef: 'component:default/legacy-reporting',
  owner: 'group:default/data-team',
  ownerTitle: 'Data',
  health: 'not-deployed',
  environments: [],
};

export function fleetPage(
  items: FleetRow[],
  more: Partial<FleetPage> = {},
): FleetPage {
  return {
    items,
    totalItems: items.length,
    counts: {
      Healthy: 1,
      Suspended: 0,
      Progressing: 0,
      Missing: 0,
      Degraded: 1,
      Unknown: 0,
      'not-deployed': 1,
    },
    facets: {
      owners: [
        { ref: 'group:default/catalog-team', title: 'Product catalog' },
        { ref: 'group:default/checkout-team', title: 'Checkout' },
        { ref: 'group:default/data-team', title: 'Data' },
      ],
      systems: [
        { ref: 'system:default/checkout', title: 'Checkout' },
        { ref: 'system:default/product-catalog', title: 'Product catalog' },
      ],
      environments: ENVIRONMENTS,
    },
    generatedAt: '2026-01-05T09:00:00.000Z',
    upstreamRequests: { total: 51, argocd: 3, kubernetes: 48, alone: 0 },
    ...more,
  };
}
