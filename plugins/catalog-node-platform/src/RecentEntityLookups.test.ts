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
});
