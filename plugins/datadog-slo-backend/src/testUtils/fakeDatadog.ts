import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  assertDatadogSchema,
  declaredQueryParameters,
} from './datadogContract';
import { historyAnswer, listAnswer, searchAnswer } from './fakeDatadogAnswers';
import { FakeSlo } from './fakeSlo';

export interface FakeDatadogOptions {
  slos: FakeSlo[];
  apiKey?: string;
  appKey?: string;
  /** Added to every answer, as a slow upstream would. */
  latencyMs?: number;
  /** Requests per endpoint family before 429, announced with X-RateLimit-* headers. */
  rateLimit?: { limit: number; resetSeconds: number };
  /** Epoch ms of "now" for history data. */
  now?: () => number;
  /** Loopback port; a free one when absent. */
  port?: number;
  /**
   * Check every answer and query against Datadog's OpenAPI document (shared/contracts beside the
   * checkout). On by default; the sandbox turns it off so it runs without the contracts, and its
   * own tests check the same answers.
   */
  validate?: boolean;
}

export interface RecordedRequest {
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
}

export interface FakeDatadog {
  url: string;
  requests: RecordedRequest[];
  /** The most requests it was answering at the same time. */
  readonly peakConcurrency: number;
  /** Answer every request with this status and Datadog's error body until cleared. */
  failWith(status: number | undefined): void;
  close(): Promise<void>;
}

function familyOf(path: string) {
  if (path === '/api/v1/slo/search') return 'search';
  if (path === '/api/v1/slo') return 'list';
  if (/^\/api\/v1\/slo\/[^/]+\/history$/.test(path)) return 'history';
  return undefined;
}

/** Datadog's v1 SLO API on loopback, answering only in shapes its OpenAPI document allows. */
export async function startFakeDatadog(
  options: FakeDatadogOptions,
): Promise<FakeDatadog> {
  const requests: RecordedRequest[] = [];
  // Per endpoint family: requests in the current rate limit period and when it started.
  const periods = new Map<string, { count: number; startedAt: number }>();
  let failure: number | undefined;
  let inFlight = 0;
  let peakConcurrency = 0;
  const now = options.now ?? Date.now;

  const contractViolations: string[] = [];
  const validate = options.validate ?? true;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://datadog');
    const query = Object.fromEntries(url.searchParams);
    requests.push({ path: url.pathname, query, headers: req.headers });
    inFlight += 1;
    peakConcurrency = Math.max(peakConcurrency, inFlight);
    res.once('close', () => {
      inFlight -= 1;
    });
    const send = (
      status: number,
      body: unknown,
      schema: string,
      headers: Record<string, string> = {},
    ) => {
      try {
        if (validate) {
          assertDatadogSchema(schema, body);
        }
      } catch (error) {
        // The fake itself drifted from Datadog's contract: fail the test at close().
        contractViolations.push((error as Error).message);
        res.writeHead(500).end();
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (options.latencyMs) {
      await new Promise(resolve => setTimeout(resolve, options.latencyMs));
    }
    const family = familyOf(url.pathname);
    if (!family || req.method !== 'GET') {
      send(404, { errors: ['Not found'] }, 'APIErrorResponse');
      return;
    }
    const template =
      family === 'history' ? '/api/v1/slo/{slo_id}/history' : url.pathname;
    const undeclared = validate
      ? Object.keys(query).filter(
          k => !declaredQueryParameters(template).has(k),
        )
      : [];
    if (undeclared.length) {
      send(
        400,
        { errors: [`Unknown parameters: ${undeclared.join(', ')}`] },
        'APIErrorResponse',
      );
      return;
    }
    if (
      req.headers['dd-api-key'] !== (options.apiKey ?? 'test-api-key') ||
      req.headers['dd-application-key'] !== (options.appKey ?? 'test-app-key')
    ) {
      send(403, { errors: ['Forbidden'] }, 'APIErrorResponse');
      return;
    }
    if (failure) {
      send(failure, { errors: [`Simulated ${failure}`] }, 'APIErrorResponse');
      return;
    }
    const rateHeaders: Record<string, string> = {};
    if (options.rateLimit) {
      const periodMs = options.rateLimit.resetSeconds * 1000;
      let period = periods.get(family);
      if (!period || Date.now() - period.startedAt >= periodMs) {
        period = { count: 0, startedAt: Date.now() };
        periods.set(family, period);
      }
      period.count += 1;
      const count = period.count;
      const remaining = Math.max(0, options.rateLimit.limit - count);
      const resetSeconds = Math.max(
        1,
        Math.ceil((period.startedAt + periodMs - Date.now()) / 1000),
      );
      Object.assign(rateHeaders, {
        'x-ratelimit-limit': String(options.rateLimit.limit),
        'x-ratelimit-period': String(options.rateLimit.resetSeconds),
        'x-ratelimit-remaining': String(remaining),
        'x-ratelimit-reset': String(resetSeconds),
        'x-ratelimit-name': `slo_${family}`,
      });
      if (count > options.rateLimit.limit) {
        send(
          429,
          { errors: ['Rate limit exceeded'] },
          'APIErrorResponse',
          rateHeaders,
        );
        return;
      }
    }
    if (family === 'search') {
      if ((query.query ?? '').includes('((')) {
        send(
          400,
          { errors: ['Invalid query'] },
          'APIErrorResponse',
          rateHeaders,
        );
        return;
      }
      send(
        200,
        searchAnswer(
          options.slos,
          query.query ?? '',
          Number(query['page[number]'] ?? 0),
          Number(query['page[size]'] ?? 10),
        ),
        'SearchSLOResponse',
        rateHeaders,
      );
    } else if (family === 'list') {
      const selected = query.tags_query
        ? options.slos
            .filter(slo => slo.tags.includes(query.tags_query))
            .map(slo => slo.id)
        : (query.ids ?? '').split(',');
      send(
        200,
        listAnswer(options.slos, selected),
        'SLOListResponse',
        rateHeaders,
      );
    } else {
      const id = decodeURIComponent(url.pathname.split('/')[4]);
      const slo = options.slos.find(s => s.id === id);
      if (!slo) {
        send(
          404,
          { errors: ['SLO not found'] },
          'APIErrorResponse',
          rateHeaders,
        );
        return;
      }
      send(
        200,
        historyAnswer(
          slo,
          Number(query.from_ts),
          Number(query.to_ts),
          Math.floor(now() / 1000),
        ),
        'SLOHistoryResponse',
        rateHeaders,
      );
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get peakConcurrency() {
      return peakConcurrency;
    },
    failWith(status) {
      failure = status;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>(resolve => server.close(() => resolve()));
      if (contractViolations.length) {
        throw new Error(
          `The fake Datadog broke the contract: ${contractViolations.join(
            ' | ',
          )}`,
        );
      }
    },
  };
}
