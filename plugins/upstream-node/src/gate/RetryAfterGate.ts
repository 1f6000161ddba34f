import { CacheService } from '@backstage/backend-plugin-api';
import { UpstreamError } from '../errors/UpstreamError';

/** How long a replica trusts what it last read of the shared gate before reading it again. */
const SHARED_READ_MS = 1000;

/**
 * Remembers the `Retry-After` of a 429 per upstream origin and refuses to ask that upstream again
 * until it has passed, instead of adding to its load while it sheds some. With a cache, a 429 seen
 * by one replica closes the gate for all of them (read at most once a second per upstream); a
 * cache that fails leaves each replica with its own gate, never fails a request.
 */
export class RetryAfterGate {
  private readonly blockedUntil = new Map<string, number>();
  private readonly sharedReadAt = new Map<string, number>();

  constructor(
    private readonly options: {
      cache?: CacheService;
      now?: () => number;
    } = {},
  ) {}

  private now() {
    return (this.options.now ?? Date.now)();
  }

  /** Throws while `upstream` has asked to be left alone. */
  async check(upstream: string, label: string): Promise<void> {
    await this.readShared(upstream);
    const until = this.blockedUntil.get(upstream);
    if (until === undefined) {
      return;
    }
    const left = until - this.now();
    if (left <= 0) {
      this.blockedUntil.delete(upstream);
      return;
    }
    throw rateLimited(label, left);
  }

  /** Records a 429; `retryAfter` is the header's value (seconds or an HTTP date). */
  async block(
    upstream: string,
    retryAfter: string | null | undefined,
  ): Promise<number> {
    const waitMs = retryAfterMs(retryAfter, this.now());
    const until = this.now() + waitMs;
    this.blockedUntil.set(upstream, until);
    try {
      await this.options.cache?.set(key(upstream), until, {
        ttl: { milliseconds: waitMs },
      });
    } catch {
      // This replica still holds back; the others learn at their own 429.
    }
    return waitMs;
  }

  /** Throws the error a 429 becomes, after closing the gate. */
  async refuse(
    upstream: string,
    label: string,
    retryAfter: string | null | undefined,
  ): Promise<never> {
    throw rateLimited(label, await this.block(upstream, retryAfter));
  }

  private async readShared(upstream: string) {
    const cache = this.options.cache;
    const readAt = this.sharedReadAt.get(upstream);
    if (
      !cache ||
      (readAt !== undefined && this.now() - readAt < SHARED_READ_MS)
    ) {
      return;
    }
    this.sharedReadAt.set(upstream, this.now());
    try {
      const until = await cache.get(key(upstream));
      if (
        typeof until === 'number' &&
        until > (this.blockedUntil.get(upstream) ?? 0)
      ) {
        this.blockedUntil.set(upstream, until);
      }
    } catch {
      // The local gate is enough to go on with.
    }
  }
}

function key(upstream: string) {
  return `retry-after:${upstream}`;
}

function rateLimited(label: string, waitMs: number) {
  return new UpstreamError(
    `${label} is rate limiting the portal (429); asking again in ${Math.ceil(
      waitMs / 1000,
    )} s, as its Retry-After says`,
    { failure: 'rate-limited', status: 429 },
  );
}

/** Retry-After in milliseconds; 1 s when absent or unreadable, at most 10 minutes. */
export function retryAfterMs(
  value: string | null | undefined,
  now: number,
): number {
  const fallback = 1000;
  if (!value) {
    return fallback;
  }
  const seconds = Number(value);
  const ms = Number.isFinite(seconds)
    ? seconds * 1000
    : Date.parse(value) - now;
  if (!Number.isFinite(ms) || ms <= 0) {
    return fallback;
  }
  return Math.min(ms, 600_000);
}
