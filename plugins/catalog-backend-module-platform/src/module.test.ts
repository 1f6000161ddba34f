import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import { catalogModulePlatform } from './module';
import { catalogModuleEntityListCoalescing } from './http/catalogModuleEntityListCoalescing';

describe('catalogModulePlatform', () => {
  const refs = Array.from(
    { length: 50 },
    (_, i) => `component:default/not-there-${i}`,
  );

  async function byRefsWith(
    features: Parameters<typeof startTestBackend>[0]['features'],
  ) {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        ...(features ?? []),
        mockServices.rootConfig.factory({
          data: { catalog: { locations: [] } },
        }),
      ],
    });
    try {
      return await request(backend.server)
        .post('/api/catalog/entities/by-refs')
        .send({ entityRefs: refs });
    } finally {
      await backend.stop();
    }
  }

  it("puts its write coalescing in front of the catalog's entity list routes", async () => {
    // The catalog alone streams a by-refs answer item by item (chunked); with the module the
    // same answer leaves in one piece, so Node gives it a Content-Length.
    const stock = await byRefsWith([]);
    const portal = await byRefsWith([catalogModulePlatform]);

    expect(stock.status).toBe(200);
    expect(stock.headers['transfer-encoding']).toBe('chunked');
    expect(portal.status).toBe(200);
    expect(portal.headers['transfer-encoding']).toBeUndefined();
    expect(Number(portal.headers['content-length'])).toBe(portal.text.length);
    expect(portal.body).toEqual(stock.body);
    expect(portal.body.items).toEqual(refs.map(() => null));
  });

  it('coalesces with its coalescing module alone', async () => {
    const alone = await byRefsWith([catalogModuleEntityListCoalescing]);

    expect(alone.status).toBe(200);
    expect(alone.headers['transfer-encoding']).toBeUndefined();
    expect(alone.body.items).toEqual(refs.map(() => null));
  });
});
