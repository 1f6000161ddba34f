import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { SingleFlight } from './SingleFlight';
import { TolerantCache } from './TolerantCache';

/**
 * Reuses upstream answers for a short, per-source time through a CacheService (shared by the
 * portal's replicas when it is Redis), and asks an upstream once when many requests want the same
 * answer at the same moment. Failures are not cached: the next request asks again (a 429 is held
 * back by the UpstreamRateGate instead). The cache is a shortcut, never a dependency: when it fails
 * to read or write, the answer comes from the upstream and the failure is logged once a minute.
 */
export class UpstreamCache {
  private readonly cache: TolerantCache;
  private readonly flights = new SingleFlight();

  constructor(cache: CacheService, logger?: LoggerService) {
    this.cache = new TolerantCache(cache, logger);
  }

  /** `load`'s answer must be plain JSON (it may be stored in Redis). */
  async get<T>(
    key: string,
    ttlSeconds: number,
    load: () => Promise<T>,
  ): Promise<T> {
    const cached = await this.cache.get<T>(key);
    if (cached !== undefined) {
      return cached;
    }
    return this.flights.run(key, async () => {
      const value = await load();
      await this.cache.set(key, value, ttlSeconds * 1000);
      return value;
    });
  }
}
