import { Entity } from '@backstage/catalog-model';
import { CatalogFinding, CatalogFindingsStore } from './CatalogFindingsStore';
import { CatalogFindingsProcessor } from './CatalogFindingsProcessor';

const location = { type: 'file', target: '/catalog/services.yaml' };

function service(dependsOn: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders' },
    spec: { type: 'service', owner: 'team-a', dependsOn },
  };
}

async function errorsFor(entity: Entity, findings: CatalogFinding[]) {
  const store = {
    findingsFor: async () => findings,
  } as unknown as CatalogFindingsStore;
  const emitted: Array<{ type: string; error?: Error }> = [];
  await new CatalogFindingsProcessor(store).postProcessEntity(
    entity,
    location,
    result => emitted.push(result as (typeof emitted)[number]),
  );
  return emitted.map(e => e.error?.message);
}

const missingDatabase: CatalogFinding = {
  entityRef: 'component:default/orders',
  kind: 'missing-relation-target',
  subject: 'resource:default/orders-db',
  message:
    'dependsOn resource:default/orders-db: no such entity in the catalog.',
};

describe('CatalogFindingsProcessor', () => {
  it('fails an entity that still references its missing target', async () => {
    await expect(
      errorsFor(service(['resource:orders-db']), [missingDatabase]),
    ).resolves.toEqual([missingDatabase.message]);
  });

  it('lets a fixed reference through, even when the new name contains the old one', async () => {
    await expect(
      errorsFor(service(['resource:orders-db-primary']), [missingDatabase]),
    ).resolves.toEqual([]);
    await expect(
      errorsFor(service(['component:orders-db']), [missingDatabase]),
    ).resolves.toEqual([]);
  });

  it('always reports a duplicate definition', async () => {
    const duplicate: CatalogFinding = {
      entityRef: 'component:default/orders',
      kind: 'duplicate-definition',
      subject: 'file:/catalog/other.yaml',
      message: 'component:default/orders is defined twice',
    };
    await expect(errorsFor(service([]), [duplicate])).resolves.toEqual([
      duplicate.message,
    ]);
  });
});
