import pLimit from 'p-limit';
import {
  ConfiguredDatadogConnection,
  UpstreamHttp,
  UpstreamTarget,
} from '@internal/upstream-node';
import {
  WireHistoryResponse,
  WireListResponse,
  WireSearchResponse,
} from './wireTypes';

/** Datadog's rate limits apply per endpoint family. */
type EndpointFamily = 'search' | 'list' | 'history';

/**
 * Datadog API v1 SLO endpoints over plain REST (see the README for why not the official client),
 * sent through the upstream layer's {@link UpstreamHttp}: its deadline, size cap, error mapping
 * and rate gate (which reads Datadog's `X-RateLimit-*` per endpoint family). The keys go as
 * headers only, so they are never in a message or an outcome record. This client adds a cap on
 * the requests one backend instance has in flight.
 */
export class DatadogSloClient {
  private readonly target: UpstreamTarget;
  private readonly limit: ReturnType<typeof pLimit>;

  constructor(
    private readonly connection: ConfiguredDatadogConnection,
    private readonly http: UpstreamHttp,
    options: { maxConcurrentRequests: number },
  ) {
    this.target = {
      label: `Datadog (${connection.site})`,
      upstream: `datadog:${connection.site}`,
    };
    this.limit = pLimit(options.maxConcurrentRequests);
  }

  /** `GET /api/v1/slo/search`: SLOs matching a tag query, with their status per timeframe. */
  searchSlos(
    query: string,
    pageNumber: number,
    pageSize: number,
  ): Promise<WireSearchResponse> {
    return this.get('search', '/api/v1/slo/search', {
      query,
      'page[number]': String(pageNumber),
      'page[size]': String(pageSize),
    });
  }

  /** `GET /api/v1/slo?ids=`: definitions of explicit SLOs (no status). */
  listSlos(ids: string[]): Promise<WireListResponse> {
    return this.get('list', '/api/v1/slo', {
      ids: ids.join(','),
      limit: String(ids.length),
    });
  }

  /** `GET /api/v1/slo/{id}/history` between two epoch-second instants. */
  getSloHistory(
    sloId: string,
    fromSeconds: number,
    toSeconds: number,
  ): Promise<WireHistoryResponse> {
    return this.get(
      'history',
      `/api/v1/slo/${encodeURIComponent(sloId)}/history`,
      {
        from_ts: String(Math.floor(fromSeconds)),
        to_ts: String(Math.floor(toSeconds)),
      },
    );
  }

  private async get<T>(
    family: EndpointFamily,
    path: string,
    params: Record<string, string>,
  ): Promise<T> {
    const url = new URL(`${this.connection.apiBaseUrl}${path}`);
    for (const [key, value] of Object.entries(params)) {
      url.searchParams.set(key, value);
    }
    const { body } = await this.http.json<T>(this.target, url, {
      headers: {
        'DD-API-KEY': this.connection.apiKey,
        'DD-APPLICATION-KEY': this.connection.appKey,
      },
      rateLimit: family,
      concurrency: this.limit,
    });
    return body;
  }
}
