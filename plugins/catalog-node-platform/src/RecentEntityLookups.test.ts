import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { RecentEntityLookups } from './RecentEntityLookups';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'cart', namespace: 'default' },
  spec: {},
};
const ref = { kind: 'component', namespace: 'default', name: 'cart' };

describe('RecentEntityLookups', () => {
  it('reuses a look-up per caller for ttlMs, then asks the catalog again', async () => {
    const catalog = catalogServiceMock.mock({
      getEntityByRef: jest.fn(async () => entity),
    });
    let now = 0;
    const lookups = new RecentEntityLookups(catalog, {
      ttlMs: 10_000,
      maxEntries: 10,
      now: () => now,
    });
    const alice = mockCredentials.user('user:default/alice');
    const bob = mockCredentials.user('user:default/bob');

    await lookups.get(ref, alice);
    await lookups.get(ref, alice);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(1);

    // Another caller may see other things: never served from alice's look-up.
    await lookups.get(ref, bob);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);

    now = 10_001;
    await lookups.get(ref, alice);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(3);
  });

  it('does not remember entities that were not found', async () => {
    const catalog = catalogServiceMock.mock({
      getEntityByRef: jest.fn(async () => undefined),
    });
    const lookups = new RecentEntityLookups(catalog);
    const alice = mockCredentials.user('user:default/alice');
    expect(await lookups.get(ref, alice)).toBeUndefined();
    expect(await lookups.get(ref, alice)).toBeUndefined();
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
  });

  it('looks many up with one catalog request, in the order asked, and keeps them', async () => {
    const other = { ...entity, metadata: { ...entity.metadata, name: 'pay' } };
    const catalog = catalogServiceMock({ entities: [entity, other] });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
    const lookups = new RecentEntityLookups(catalog);
    const alice = mockCredentials.user('user:default/alice');
    const pay = { ...ref, name: 'pay' };
    const nope = { ...ref, name: 'nope' };

    const found = await lookups.getMany([pay, nope, ref, pay], alice);
    expect(found.map(e => e?.metadata.name)).toEqual([
      'pay',
      undefined,
      'cart',
      'pay',
    ]);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect(getEntitiesByRefs.mock.calls[0][0].entityRefs).toEqual([
      'component:default/pay',
      'component:default/nope',
      'component:default/cart',
    ]);

    // Kept: a single look-up of either is answered without the catalog.
    expect((await lookups.get(ref, alice))?.metadata.name).toBe('cart');
    expect(getEntityByRef).not.toHaveBeenCalled();
    // Only the one not found is asked again.
    await lookups.getMany([ref, nope], alice);
    expect(getEntitiesByRefs.mock.calls[1][0].entityRefs).toEqual([
      'component:default/nope',
    ]);
  });
});
