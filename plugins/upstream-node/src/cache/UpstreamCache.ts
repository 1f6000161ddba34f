import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';

/**
 * Reuses upstream answers for a short, per-source time through a CacheService (shared by the
 * portal's replicas when it is Redis), and asks an upstream once when many requests want the same
 * answer at the same moment. Failures are not cached: the next request asks again (a 429 is held
 * back by the RetryAfterGate instead). The cache is a shortcut, never a dependency: when it fails
 * to read or write, the answer comes from the upstream and the failure is logged once a minute.
 */
export class UpstreamCache {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private lastWarningAt = 0;

  constructor(
    private readonly cache: CacheService,
    private readonly logger?: LoggerService,
  ) {}

  /** `load`'s answer must be plain JSON (it may be stored in Redis). */
  async get<T>(
    key: string,
    ttlSeconds: number,
    load: () => Promise<T>,
  ): Promise<T> {
    const cached = await this.cache.get(key).catch(error => {
      this.warn('read', error);
      return undefined;
    });
    if (cached !== undefined) {
      return cached as T;
    }
    const pending = this.inFlight.get(key);
    if (pending) {
      return pending as Promise<T>;
    }
    const loading = load()
      .then(async value => {
        await this.cache
          .set(key, value as JsonValue, { ttl: { seconds: ttlSeconds } })
          .catch(error => this.warn('write', error));
        return value;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }

  private warn(what: string, error: unknown) {
    const now = Date.now();
    if (now - this.lastWarningAt < 60_000) {
      return;
    }
    this.lastWarningAt = now;
    this.logger?.warn(
      `Could not ${what} the upstream cache; answering from the upstream: ${
        (error as Error)?.message ?? error
      }`,
    );
  }
}
