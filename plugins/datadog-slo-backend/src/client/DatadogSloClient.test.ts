import http from 'node:http';
import { AddressInfo } from 'node:net';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockServices } from '@backstage/backend-test-utils';
import { UpstreamError } from '@internal/upstream-node';
import { FakeDatadog, fakeSlo, startFakeDatadog } from '../testUtils';
import { fakeDatadogUpstream } from '../__testUtils__/fakeDatadogUpstream';
import { DatadogSloClient } from './DatadogSloClient';

function clientFor(
  url: string,
  options: Parameters<typeof fakeDatadogUpstream>[1] & {
    maxConcurrentRequests?: number;
  } = {},
) {
  const upstream = fakeDatadogUpstream(url, options);
  return {
    upstream,
    client: new DatadogSloClient(upstream.datadog, upstream.http, {
      maxConcurrentRequests: options.maxConcurrentRequests ?? 16,
    }),
  };
}

async function failureOf(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    return error as UpstreamError;
  }
  throw new Error('expected the request to fail');
}

const history = (name: string) => (r: { path: string }) =>
  r.path === `/api/v1/slo/${name}/history`;

describe('DatadogSloClient', () => {
  let datadog: FakeDatadog | undefined;
  afterEach(async () => {
    await datadog?.close();
    datadog = undefined;
  });

  it('sends the keys as headers only, and parameters Datadog declares; outcomes never hold them', async () => {
    datadog = await startFakeDatadog({ slos: [fakeSlo('a')] });
    const { client, upstream } = clientFor(datadog.url, {
      datadog: { site: 'datadoghq.eu' },
    });
    const answer = await client.searchSlos('service:checkout-api', 0, 50);
    expect(answer.data?.attributes?.slos).toHaveLength(1);
    const [request] = datadog.requests;
    expect(request.headers['dd-api-key']).toBe('test-api-key');
    expect(request.headers['dd-application-key']).toBe('test-app-key');
    expect(JSON.stringify(request.query)).not.toContain('test-');

    datadog.failWith(403);
    await failureOf(client.searchSlos('service:checkout-api', 0, 50));
    const outcome = await upstream.outcomes.get('datadog:datadoghq.eu');
    expect(outcome).toMatchObject({ failure: 'forbidden', status: 403 });
    expect(JSON.stringify(outcome)).not.toContain('test-');
  });

  it('holds a request until the announced reset instead of overrunning the limit', async () => {
    datadog = await startFakeDatadog({
      slos: [fakeSlo('a')],
      rateLimit: { limit: 1, resetSeconds: 1 },
    });
    const { client } = clientFor(datadog.url, {
      upstream: { timeoutMs: 3000 },
    });
    await client.getSloHistory('a', 0, 3600);
    // The first answer said remaining 0, reset in 1 s: the second request waits for it.
    const started = Date.now();
    await expect(client.getSloHistory('a', 0, 3600)).resolves.toBeDefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(datadog.requests.filter(history('a'))).toHaveLength(2);
  });

  it('retries once after a 429 whose reset leaves time for the request', async () => {
    datadog = await startFakeDatadog({
      slos: [fakeSlo('a')],
      rateLimit: { limit: 1, resetSeconds: 1 },
    });
    const { client } = clientFor(datadog.url, {
      upstream: { timeoutMs: 3000 },
    });
    // Sent together, before any answer announced the limit: one gets 429, waits, retries.
    await expect(
      Promise.all([
        client.getSloHistory('a', 0, 3600),
        client.getSloHistory('a', 0, 3600),
      ]),
    ).resolves.toHaveLength(2);
    expect(datadog.requests.filter(history('a'))).toHaveLength(3);
  });

  it('fails at once, saying when to retry, when the reset is after the deadline', async () => {
    datadog = await startFakeDatadog({
      slos: [fakeSlo('a')],
      rateLimit: { limit: 1, resetSeconds: 60 },
    });
    const { client } = clientFor(datadog.url, {
      upstream: { timeoutMs: 2000 },
    });
    await client.getSloHistory('a', 0, 3600);
    const started = Date.now();
    const error = await failureOf(client.getSloHistory('a', 0, 3600));
    expect(Date.now() - started).toBeLessThan(500);
    expect(error.failure).toBe('rate-limited');
    expect(error.message).toMatch(
      /rate limit 'slo_history' is used up; it resets in 60 s/,
    );
    expect(datadog.requests).toHaveLength(1);
    // Other endpoint families have their own limits and still go through.
    await expect(
      client.searchSlos('service:checkout-api', 0, 10),
    ).resolves.toBeDefined();
  });

  it("holds every replica back once one has met Datadog's 429 (shared cache)", async () => {
    datadog = await startFakeDatadog({
      slos: [fakeSlo('a')],
      rateLimit: { limit: 0, resetSeconds: 60 },
    });
    const cacheService = CacheManager.fromConfig(
      mockServices.rootConfig({ data: {} }),
    ).forPlugin('upstream');
    const replicaA = clientFor(datadog.url, { cacheService }).client;
    const replicaB = clientFor(datadog.url, { cacheService }).client;

    const first = await failureOf(replicaA.getSloHistory('a', 0, 3600));
    expect(first.message).toMatch(
      /'slo_history' is used up; it resets in 60 s/,
    );
    expect(datadog.requests).toHaveLength(1);

    const started = Date.now();
    const held = await failureOf(replicaB.getSloHistory('a', 0, 3600));
    expect(Date.now() - started).toBeLessThan(500);
    expect(held.failure).toBe('rate-limited');
    expect(held.message).toMatch(/'slo_history' is used up; it resets in 60 s/);
    // Replica B never sent its request: Datadog saw replica A's only.
    expect(datadog.requests).toHaveLength(1);
  });

  it('gives up after the deadline of the upstream layer', async () => {
    datadog = await startFakeDatadog({ slos: [fakeSlo('a')], latencyMs: 1000 });
    const error = await failureOf(
      clientFor(datadog.url, {
        upstream: { timeoutMs: 100 },
      }).client.searchSlos('x', 0, 10),
    );
    expect(error.failure).toBe('timeout');
    expect(error.message).toBe(
      'Datadog (datadoghq.com) did not answer within 0.1 s',
    );
  });

  it('says Datadog cannot be reached when nothing listens', async () => {
    const server = http.createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise(resolve => server.close(resolve));
    const error = await failureOf(
      clientFor(`http://127.0.0.1:${port}`).client.searchSlos('x', 0, 10),
    );
    expect(error.failure).toBe('unreachable');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('keeps at most maxConcurrentRequests requests in flight', async () => {
    datadog = await startFakeDatadog({ slos: [fakeSlo('a')], latencyMs: 50 });
    const { client } = clientFor(datadog.url, { maxConcurrentRequests: 3 });
    await Promise.all(
      Array.from({ length: 10 }, () => client.getSloHistory('a', 0, 3600)),
    );
    expect(datadog.requests).toHaveLength(10);
    expect(datadog.peakConcurrency).toBe(3);
  });
});
