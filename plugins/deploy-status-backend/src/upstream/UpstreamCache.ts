import { CacheService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';

/**
 * Reuses upstream answers for a short, per-source time through the backend's CacheService (shared
 * by the portal's replicas when it is Redis), and asks an upstream once when many requests want
 * the same answer at the same moment. Failures are not cached: the next request asks again
 * (a 429 is held back by the RetryAfterGate instead).
 */
export class UpstreamCache {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly cache: CacheService) {}

  /** `load`'s answer must be plain JSON (it may be stored in Redis). */
  async get<T>(
    key: string,
    ttlSeconds: number,
    load: () => Promise<T>,
  ): Promise<T> {
    const cached = await this.cache.get(key);
    if (cached !== undefined) {
      return cached as T;
    }
    const pending = this.inFlight.get(key);
    if (pending) {
      return pending as Promise<T>;
    }
    const loading = load()
      .then(async value => {
        await this.cache.set(key, value as JsonValue, {
          ttl: { seconds: ttlSeconds },
        });
        return value;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }
}
