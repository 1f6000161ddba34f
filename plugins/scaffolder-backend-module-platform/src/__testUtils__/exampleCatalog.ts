import { Entity } from '@backstage/catalog-model';

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

/** A few entities of examples/ (a team, a user, a system, a service) for catalog look-ups. */
export const exampleCatalog = [
  entity('Group', 'checkout-team'),
  entity('User', 'ada.lovelace'),
  entity('System', 'checkout'),
  entity('Component', 'orders-api'),
];
