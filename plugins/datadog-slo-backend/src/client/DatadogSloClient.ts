import { DatadogConnection } from '../config/readDatadogConfig';
import { DatadogRequestError } from './DatadogRequestError';
import { RateLimitGate } from './RateLimitGate';
import { Semaphore } from './Semaphore';
import {
  WireHistoryResponse,
  WireListResponse,
  WireSearchResponse,
} from './wireTypes';

type ConfiguredConnection = Extract<DatadogConnection, { configured: true }>;

/** Datadog's rate limits apply per endpoint family. */
type EndpointFamily = 'search' | 'list' | 'history';

/** A rate limit wait must leave at least this much of the timeout for the request itself. */
const MIN_REQUEST_MS = 500;

interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * Datadog API v1 SLO endpoints over plain REST (see the README for why not the official client).
 * Every request: keys as headers, a per-request timeout, the rate limit gate, a process-wide cap on
 * concurrent requests, and failures turned into {@link DatadogRequestError}s that say what to do.
 * Error messages never contain the keys.
 */
export class DatadogSloClient {
  private readonly gate: RateLimitGate;
  private readonly semaphore: Semaphore;

  constructor(
    private readonly connection: ConfiguredConnection,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly now: () => number = Date.now,
  ) {
    this.gate = new RateLimitGate(now);
    this.semaphore = new Semaphore(connection.options.maxConcurrentRequests);
  }

  /** `GET /api/v1/slo/search`: SLOs matching a tag query, with their status per timeframe. */
  searchSlos(
    query: string,
    pageNumber: number,
    pageSize: number,
  ): Promise<WireSearchResponse> {
    return this.request('search', '/api/v1/slo/search', {
      query,
      'page[number]': String(pageNumber),
      'page[size]': String(pageSize),
    });
  }

  /** `GET /api/v1/slo?ids=`: definitions of explicit SLOs (no status). */
  listSlos(ids: string[]): Promise<WireListResponse> {
    return this.request('list', '/api/v1/slo', {
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
    return this.request(
      'history',
      `/api/v1/slo/${encodeURIComponent(sloId)}/history`,
      {
        from_ts: String(Math.floor(fromSeconds)),
        to_ts: String(Math.floor(toSeconds)),
      },
    );
  }

  private async request<T>(
    family: EndpointFamily,
    path: string,
    params: Record<string, string>,
  ): Promise<T> {
    const url = `${this.connection.apiBaseUrl}${path}?${new URLSearchParams(
      params,
    )}`;
    const deadline = this.now() + this.connection.options.timeoutMs;
    // One retry, only after a 429 whose reset leaves time for the request.
    for (let attempt = 0; ; attempt++) {
      // Waiting for a rate limit happens outside the concurrency slots, so a throttled family
      // cannot hold every slot while other families could be asked.
      await this.gate.acquire(family, deadline - MIN_REQUEST_MS);
      const answer = await this.semaphore.run(() => this.send(url, deadline));
      this.gate.record(family, answer.status, answer.headers);
      if (answer.status === 429 && attempt === 0) {
        continue;
      }
      return this.read<T>(answer, family);
    }
  }

  /** Sends one request and reads its body, both within the deadline. */
  private async send(url: string, deadline: number): Promise<RawAnswer> {
    const timeoutMs = Math.max(1, deadline - this.now());
    try {
      const response = await this.fetchImpl(url, {
        headers: {
          Accept: 'application/json',
          'DD-API-KEY': this.connection.apiKey,
          'DD-APPLICATION-KEY': this.connection.appKey,
        },
        signal: AbortSignal.timeout(timeoutMs),
      });
      return {
        status: response.status,
        headers: response.headers,
        text: await response.text(),
      };
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new DatadogRequestError(
          'timeout',
          `Datadog did not answer within ${this.connection.options.timeoutMs} ms (datadog.slo.timeoutMs).`,
        );
      }
      const cause = (error as { cause?: { code?: string } })?.cause?.code;
      throw new DatadogRequestError(
        'unreachable',
        `Datadog at ${this.connection.apiBaseUrl} cannot be reached${
          cause ? ` (${cause})` : ''
        }.`,
      );
    }
  }

  private read<T>(answer: RawAnswer, family: EndpointFamily): T {
    const { status, text } = answer;
    if (status >= 200 && status < 300) {
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new DatadogRequestError(
          'upstream',
          `Datadog answered the SLO ${family} request with something that is not JSON.`,
          status,
        );
      }
    }
    const detail = datadogErrors(text);
    const suffix = detail ? `: ${detail}` : '';
    switch (status) {
      case 400:
        throw new DatadogRequestError(
          'bad-request',
          `Datadog refused the SLO ${family} request (400)${suffix}.`,
          400,
        );
      case 401:
      case 403:
        throw new DatadogRequestError(
          'forbidden',
          `Datadog rejected the API or application key (${status})${suffix}. Check datadog.apiKey and datadog.appKey, and that the application key has the slos_read scope.`,
          status,
        );
      case 404:
        throw new DatadogRequestError(
          'not-found',
          `Datadog has no such SLO${suffix}.`,
          404,
        );
      case 429:
        throw new DatadogRequestError(
          'rate-limited',
          `Datadog's rate limit for SLO ${family} requests is used up; try again in ${
            answer.headers.get('x-ratelimit-reset') ?? 'a few'
          } s.`,
          429,
        );
      default:
        throw new DatadogRequestError(
          'upstream',
          `Datadog answered the SLO ${family} request with ${status}${suffix}.`,
          status,
        );
    }
  }
}

/** Datadog's `APIErrorResponse` (`{"errors": ["..."]}`) as one line; empty when not that shape. */
function datadogErrors(text: string): string {
  try {
    const body = JSON.parse(text);
    if (Array.isArray(body?.errors)) {
      return body.errors.map(String).join('; ').slice(0, 500);
    }
  } catch {
    // not JSON: the status alone says enough
  }
  return '';
}
