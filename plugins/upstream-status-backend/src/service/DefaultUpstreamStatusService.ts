import { Config } from '@backstage/config';
import { probeUpstream } from './probeUpstream';
import { upstreamsFromConfig } from './upstreamsFromConfig';
import { Upstream, UpstreamStatus, UpstreamStatusService } from './types';

/**
 * Probes every configured upstream in parallel and reuses the answer for a short while, so a page
 * full of cards costs at most one probe per upstream per `cacheMs`.
 */
export class DefaultUpstreamStatusService implements UpstreamStatusService {
  private cached?: { at: number; statuses: Promise<UpstreamStatus[]> };

  static fromConfig(config: Config, options: { fetch?: typeof fetch } = {}) {
    return new DefaultUpstreamStatusService(upstreamsFromConfig(config), {
      timeoutMs: config.getOptionalNumber('upstreamStatus.timeoutMs') ?? 2000,
      cacheMs: config.getOptionalNumber('upstreamStatus.cacheMs') ?? 15000,
      fetch: options.fetch,
    });
  }

  constructor(
    private readonly upstreams: Upstream[],
    private readonly options: {
      timeoutMs: number;
      cacheMs: number;
      fetch?: typeof fetch;
    },
  ) {}

  list(): Promise<UpstreamStatus[]> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at >= this.options.cacheMs) {
      this.cached = {
        at: now,
        statuses: Promise.all(
          this.upstreams.map(u => probeUpstream(u, this.options)),
        ),
      };
    }
    return this.cached.statuses;
  }
}
