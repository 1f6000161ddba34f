import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';

/**
 * A CacheService whose failures are logged (once a minute) and swallowed: a read that fails is a
 * miss, a write that fails is skipped. The portal's caches are shortcuts in front of an upstream,
 * never a dependency of an answer.
 */
export class TolerantCache {
  private lastWarningAt = 0;

  constructor(
    private readonly cache: CacheService,
    private readonly logger?: LoggerService,
    private readonly what = 'the upstream cache',
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    try {
      return (await this.cache.get(key)) as T | undefined;
    } catch (error) {
      this.warn('read', error);
      return undefined;
    }
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    try {
      await this.cache.set(key, value as JsonValue, {
        ttl: { milliseconds: Math.max(1, ttlMs) },
      });
    } catch (error) {
      this.warn('write', error);
    }
  }

  private warn(action: string, error: unknown) {
    const now = Date.now();
    if (now - this.lastWarningAt < 60_000) {
      return;
    }
    this.lastWarningAt = now;
    this.logger?.warn(
      `Could not ${action} ${this.what}; answering from the upstream: ${
        (error as Error)?.message ?? error
      }`,
    );
  }
}
