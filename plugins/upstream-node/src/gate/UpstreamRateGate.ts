import { CacheService } from '@backstage/backend-plugin-api';
import { UpstreamError } from '../errors/UpstreamError';

/** How long a replica trusts what it last read of the shared gate before reading it again. */
const SHARED_READ_MS = 1000;
/** The longest an announced reset is believed: a misread header must not close a limit for days. */
const MAX_RESET_MS = 3_600_000;
/** How long the limit name a group's answers carried is shared: names do not change in a day. */
const NAME_TTL_MS = 86_400_000;

/** One request, as the gate sees it. */
export interface GatedRequest {
  /** The upstream's origin (`https://api.datadoghq.com`): every gate is per origin. */
  origin: string;
  /** Names the upstream in messages, e.g. `Datadog (datadoghq.eu)`. */
  label: string;
  /**
   * Which of the upstream's announced rate limits the request counts against, e.g. an endpoint
   * family (`history`); the answers' `X-RateLimit-Name` says which limit that is, so groups that
   * share one limit share its gate. Requests without one share the origin's.
   */
  rateLimit?: string;
  /** Epoch ms after which sending is not worth it: a limit that resets later fails the request at once. */
  latestStart: number;
}

/** What a 429 becomes. */
export interface GateRefusal {
  error: UpstreamError;
  /**
   * The upstream announced when its limit resets (`X-RateLimit-*`): asking once more is worth it,
   * and {@link UpstreamRateGate.admit} then waits for the reset, or fails when it comes too late.
   */
  retry: boolean;
}

/** What the last answer of one limit said, less the requests sent since. */
interface AnnouncedLimit {
  remaining: number;
  resetsAt: number;
  name?: string;
}

interface SharedLimit {
  resetsAt: number;
  name?: string;
}

/**
 * Holds requests back while an upstream says it has had enough, instead of adding to its load:
 *
 * - a 429 with `Retry-After` (GitLab, Argo CD, Kubernetes) closes the whole origin until it has
 *   passed; requests meanwhile fail at once, saying when the upstream will be asked again;
 * - limits an upstream announces on every answer (`X-RateLimit-Limit`, `-Period`, `-Remaining`,
 *   `-Reset` in seconds, `-Name`: Datadog, per endpoint family) are kept per origin and limit name.
 *   Requests sent after an answer count against its `-Remaining`, so a burst does not overrun
 *   it; once none is left, or after a 429, requests wait for the reset when it leaves them time,
 *   and fail at once, saying when it resets, when it does not. Other limits of the origin go on.
 *
 * With a cache, what one replica learns holds every replica back (read at most once a second per
 * key); a cache that fails leaves each replica with its own gate, never fails a request.
 */
export class UpstreamRateGate {
  /** Retry-After, per origin. */
  private readonly blockedUntil = new Map<string, number>();
  /** Announced limits, per origin and limit name (the group's, when the upstream names none). */
  private readonly limits = new Map<string, AnnouncedLimit>();
  /** The limit name a group's answers carried, per origin and group. */
  private readonly names = new Map<string, string>();
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

  /**
   * Resolves when the request may be sent, counting it against its limit; waits for a used-up
   * limit's reset when that comes before `latestStart`; throws a `rate-limited` UpstreamError
   * otherwise.
   */
  async admit(request: GatedRequest): Promise<void> {
    const { origin, label } = request;
    const shared = await this.readShared<number>(retryAfterKey(origin));
    if (shared !== undefined && shared > (this.blockedUntil.get(origin) ?? 0)) {
      this.blockedUntil.set(origin, shared);
    }
    const until = this.blockedUntil.get(origin);
    if (until !== undefined) {
      const left = until - this.now();
      if (left > 0) {
        throw retryAfterRefusal(label, left);
      }
      this.blockedUntil.delete(origin);
    }

    const key = await this.limitKeyOf(request);
    const limit = await this.limitOf(key);
    if (!limit) {
      return;
    }
    if (this.now() >= limit.resetsAt) {
      this.limits.delete(key);
      return;
    }
    if (limit.remaining > 0) {
      limit.remaining -= 1;
      return;
    }
    if (limit.resetsAt > request.latestStart) {
      throw usedUp(label, limit, this.now());
    }
    await new Promise(resolve =>
      setTimeout(resolve, limit.resetsAt - this.now()),
    );
    if (this.limits.get(key) === limit) {
      this.limits.delete(key);
    }
  }

  /**
   * Reads the rate limit headers of an answer (every answer: `-Remaining` counts down on each).
   * A 429 closes its limit, or without announced limits the whole origin for its Retry-After,
   * and comes back as the error it becomes.
   */
  async observe(
    request: GatedRequest,
    status: number,
    headers: Headers,
  ): Promise<GateRefusal | undefined> {
    const now = this.now();
    const announced = announcedLimit(status, headers, now);
    if (announced) {
      const key = await this.learn(request, announced.name);
      this.limits.set(key, announced);
      if (announced.remaining === 0) {
        await this.share(
          limitCacheKey(key),
          { resetsAt: announced.resetsAt, name: announced.name },
          announced.resetsAt - now,
        );
      }
    }
    if (status !== 429) {
      return undefined;
    }
    if (announced) {
      return { error: usedUp(request.label, announced, now), retry: true };
    }
    const waitMs = retryAfterMs(headers.get('retry-after'), now);
    const until = now + waitMs;
    this.blockedUntil.set(request.origin, until);
    await this.share(retryAfterKey(request.origin), until, waitMs);
    return { error: retryAfterRefusal(request.label, waitMs), retry: false };
  }

  /** The key of the request's limit: its name once an answer said it, else the group. */
  private async limitKeyOf(request: GatedRequest): Promise<string> {
    const group = groupKey(request);
    let name = this.names.get(group);
    if (name === undefined) {
      name = await this.readShared<string>(nameCacheKey(group));
      if (typeof name === 'string') {
        this.names.set(group, name);
      }
    }
    return limitKey(request, name);
  }

  private async learn(request: GatedRequest, name: string | undefined) {
    const group = groupKey(request);
    if (name !== undefined && this.names.get(group) !== name) {
      this.names.set(group, name);
      await this.share(nameCacheKey(group), name, NAME_TTL_MS);
    }
    return limitKey(request, name ?? this.names.get(group));
  }

  /** This replica's view of a limit, closed by what another replica shared when that is later. */
  private async limitOf(key: string): Promise<AnnouncedLimit | undefined> {
    const local = this.limits.get(key);
    const shared = await this.readShared<SharedLimit>(limitCacheKey(key));
    if (
      shared &&
      typeof shared.resetsAt === 'number' &&
      shared.resetsAt > this.now() &&
      !(local && local.remaining === 0 && local.resetsAt >= shared.resetsAt)
    ) {
      const closed = {
        remaining: 0,
        resetsAt: shared.resetsAt,
        name: shared.name,
      };
      this.limits.set(key, closed);
      return closed;
    }
    return local;
  }

  private async readShared<T>(key: string): Promise<T | undefined> {
    const cache = this.options.cache;
    const readAt = this.sharedReadAt.get(key);
    if (
      !cache ||
      (readAt !== undefined && this.now() - readAt < SHARED_READ_MS)
    ) {
      return undefined;
    }
    this.sharedReadAt.set(key, this.now());
    try {
      return (await cache.get(key)) as T | undefined;
    } catch {
      // The local gate is enough to go on with.
      return undefined;
    }
  }

  private async share(
    key: string,
    value: number | string | SharedLimit,
    ttlMs: number,
  ) {
    try {
      await this.options.cache?.set(key, value as any, {
        ttl: { milliseconds: Math.max(1, ttlMs) },
      });
    } catch {
      // This replica still holds back; the others learn from their own answers.
    }
  }
}

function groupKey(request: GatedRequest) {
  return `${request.origin} ${request.rateLimit ?? ''}`;
}

function limitKey(request: GatedRequest, name: string | undefined) {
  return name !== undefined
    ? `${request.origin} name:${name}`
    : `${request.origin} group:${request.rateLimit ?? ''}`;
}

function retryAfterKey(origin: string) {
  return `retry-after:${origin}`;
}

function limitCacheKey(key: string) {
  return `rate-limit:${key}`;
}

function nameCacheKey(group: string) {
  return `rate-limit-name:${group}`;
}

/** What an answer says of its limit, or undefined when it announces none. */
function announcedLimit(
  status: number,
  headers: Headers,
  now: number,
): AnnouncedLimit | undefined {
  const remainingHeader = headers.get('x-ratelimit-remaining');
  const resetHeader = headers.get('x-ratelimit-reset');
  if (remainingHeader === null && !(status === 429 && resetHeader !== null)) {
    return undefined;
  }
  const remaining = status === 429 ? 0 : Number(remainingHeader);
  if (!Number.isFinite(remaining)) {
    return undefined;
  }
  const resetSeconds = Number(resetHeader ?? Number.NaN);
  const resetMs =
    Number.isFinite(resetSeconds) && resetSeconds > 0
      ? Math.min(resetSeconds * 1000, MAX_RESET_MS)
      : // Without a readable reset: a 429's Retry-After, else a second, rather than hammering.
        retryAfterMs(
          status === 429 ? headers.get('retry-after') : undefined,
          now,
        );
  return {
    remaining: Math.max(0, remaining),
    resetsAt: now + resetMs,
    name: headers.get('x-ratelimit-name') ?? undefined,
  };
}

function usedUp(label: string, limit: AnnouncedLimit, now: number) {
  return new UpstreamError(
    `${label} says its rate limit${
      limit.name ? ` '${limit.name}'` : ''
    } is used up; it resets in ${Math.ceil((limit.resetsAt - now) / 1000)} s`,
    { failure: 'rate-limited', status: 429 },
  );
}

function retryAfterRefusal(label: string, waitMs: number) {
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
