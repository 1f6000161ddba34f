import { UpstreamError } from './UpstreamError';

/**
 * Remembers the `Retry-After` of a 429 per upstream and refuses to ask that upstream again until
 * it has passed, instead of adding to its load while it sheds some.
 */
export class RetryAfterGate {
  private readonly blockedUntil = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Throws while `upstream` has asked to be left alone. */
  check(upstream: string, label: string): void {
    const until = this.blockedUntil.get(upstream);
    if (until === undefined) {
      return;
    }
    const left = until - this.now();
    if (left <= 0) {
      this.blockedUntil.delete(upstream);
      return;
    }
    throw new UpstreamError(
      `${label} is rate limiting the portal (429); asking again in ${Math.ceil(
        left / 1000,
      )} s, as its Retry-After says`,
      429,
    );
  }

  /** Records a 429; `retryAfter` is the header's value (seconds or an HTTP date). */
  block(upstream: string, retryAfter: string | null | undefined): number {
    const waitMs = retryAfterMs(retryAfter, this.now());
    this.blockedUntil.set(upstream, this.now() + waitMs);
    return waitMs;
  }
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
