import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockServices } from '@backstage/backend-test-utils';
import { CacheService } from '@backstage/backend-plugin-api';
import { UpstreamCache } from './UpstreamCache';

const brokenCache: CacheService = {
  get: async () => {
    throw new Error('ECONNREFUSED 127.0.0.1:6379');
  },
  set: async () => {
    throw new Error('ECONNREFUSED 127.0.0.1:6379');
  },
  delete: async () => undefined,
  withOptions: () => brokenCache,
};

describe('UpstreamCache', () => {
  it('asks the upstream once for concurrent requests of one key, then answers from the cache', async () => {
    const memory = new UpstreamCache(
      CacheManager.fromConfig(mockServices.rootConfig({ data: {} })).forPlugin(
        'test',
      ),
    );
    let loads = 0;
    const load = async () => {
      loads += 1;
      return { answer: loads };
    };
    const answers = await Promise.all([
      memory.get('k', 10, load),
      memory.get('k', 10, load),
    ]);
    expect(answers).toEqual([{ answer: 1 }, { answer: 1 }]);
    expect(await memory.get('k', 10, load)).toEqual({ answer: 1 });
    expect(loads).toBe(1);
  });

  it('answers from the upstream when the cache fails to read and write, and logs it', async () => {
    const logger = mockServices.logger.mock();
    const cache = new UpstreamCache(brokenCache, logger);
    await expect(cache.get('k', 10, async () => 'fresh')).resolves.toBe(
      'fresh',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('ECONNREFUSED'),
    );
  });

  it('does not keep a failed load', async () => {
    const cache = new UpstreamCache(
      CacheManager.fromConfig(mockServices.rootConfig({ data: {} })).forPlugin(
        'test',
      ),
    );
    await expect(
      cache.get('k', 10, async () => {
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    await expect(cache.get('k', 10, async () => 'up')).resolves.toBe('up');
  });
});
