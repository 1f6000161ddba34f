import { DatadogRequestError } from './DatadogRequestError';

/** What the last answer of one endpoint family said about its rate limit. */
interface LimitState {
  /** Requests left in the current period, less those sent since; undefined when unknown. */
  remaining?: number;
  /** Epoch milliseconds when the period resets. */
  resetsAt: number;
  name?: string;
}

/**
 * Holds requests back while Datadog says a rate limit is used up. Datadog announces its limits on
 * every answer (`X-RateLimit-Limit`, `-Period`, `-Remaining`, `-Reset` in seconds, `-Name`), per
 * endpoint family; a 429 carries the same headers. Requests sent after an answer count against
 * its `-Remaining`, so a burst does not overrun the limit. Waiting out a reset that leaves time for
 * the request costs less than failing; one that does not fails at once, saying when to retry,
 * instead of sending a request Datadog would refuse.
 */
export class RateLimitGate {
  private readonly limits = new Map<string, LimitState>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Resolves when `family` may be asked and counts the request against the limit; throws when the
   * limit resets after `latestStart`.
   */
  async acquire(family: string, latestStart: number): Promise<void> {
    const state = this.limits.get(family);
    if (!state) {
      return;
    }
    if (this.now() >= state.resetsAt) {
      this.limits.delete(family);
      return;
    }
    if (state.remaining === undefined || state.remaining > 0) {
      state.remaining = (state.remaining ?? 1) - 1;
      return;
    }
    if (state.resetsAt > latestStart) {
      throw new DatadogRequestError(
        'rate-limited',
        `Datadog's rate limit ${
          state.name ? `'${state.name}'` : `for SLO ${family} requests`
        } is used up; it resets in ${Math.ceil(
          (state.resetsAt - this.now()) / 1000,
        )} s. The SLOs will load after that.`,
        429,
      );
    }
    await new Promise(resolve =>
      setTimeout(resolve, state.resetsAt - this.now()),
    );
    this.limits.delete(family);
  }

  /** Reads the rate limit headers of one answer. */
  record(family: string, status: number, headers: Headers): void {
    const resetSeconds = Number(
      headers.get('x-ratelimit-reset') ?? headers.get('retry-after'),
    );
    const remainingHeader = headers.get('x-ratelimit-remaining');
    if (status !== 429 && remainingHeader === null) {
      return;
    }
    // A 429 without a reset header still backs off for a second rather than hammering.
    const seconds =
      Number.isFinite(resetSeconds) && resetSeconds > 0 ? resetSeconds : 1;
    this.limits.set(family, {
      remaining: status === 429 ? 0 : Number(remainingHeader),
      resetsAt: this.now() + seconds * 1000,
      name: headers.get('x-ratelimit-name') ?? undefined,
    });
  }
}
