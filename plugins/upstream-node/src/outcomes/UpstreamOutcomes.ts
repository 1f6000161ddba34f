import { CacheService } from '@backstage/backend-plugin-api';
import { UpstreamFailure } from '../errors/UpstreamError';

/** What the portal's own calls to one upstream last saw. */
export interface UpstreamOutcome {
  /** `gitlab:<host>`, `argocd:<instance>`, `kubernetes:<cluster>`, `datadog:<site>` */
  upstream: string;
  reachable: boolean;
  /** The HTTP status of the last answer, when there was one. */
  status?: number;
  /** Why the last call failed, in the same words the failing card shows. */
  error?: string;
  failure?: UpstreamFailure;
  at: string;
}

/** How long an outcome is kept: an upstream nobody asked for a while is "not asked recently". */
const OUTCOME_TTL_SECONDS = 600;

/**
 * Records, per upstream, what the last real call saw (reachable or why not), in a cache every
 * replica shares, so the upstream-status page reports what the portal's calls see rather than
 * what a probe of its own would. Recording never fails a call.
 */
export class UpstreamOutcomes {
  private readonly local = new Map<string, UpstreamOutcome>();

  constructor(
    private readonly cache?: CacheService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(
    upstream: string,
    outcome: Omit<UpstreamOutcome, 'upstream' | 'at'>,
  ): void {
    const recorded = { upstream, ...outcome, at: this.now().toISOString() };
    this.local.set(upstream, recorded);
    this.cache
      ?.set(`outcome:${upstream}`, recorded as any, {
        ttl: { seconds: OUTCOME_TTL_SECONDS },
      })
      .catch(() => undefined);
  }

  /** The newest outcome of an upstream seen by any replica, or undefined when none is known. */
  async get(upstream: string): Promise<UpstreamOutcome | undefined> {
    const local = this.local.get(upstream);
    const shared = (await this.cache
      ?.get(`outcome:${upstream}`)
      .catch(() => undefined)) as UpstreamOutcome | undefined;
    if (!shared) return local;
    if (!local) return shared;
    return shared.at > local.at ? shared : local;
  }
}
