import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  FakeDatadog,
  fakeDatadogConnection,
  fakeSlo,
  startFakeDatadog,
} from '../testUtils';
import { DatadogSloClient } from './DatadogSloClient';
import { DatadogRequestError } from './DatadogRequestError';

function clientFor(url: string, slo: object = {}) {
  return new DatadogSloClient(fakeDatadogConnection(url, { slo }));
}

async function failureOf(
  promise: Promise<unknown>,
): Promise<DatadogRequestError> {
  try {
    await promise;
  } catch (error) {
    return error as DatadogRequestError;
  }
  throw new Error('expected the request to fail');
}

describe('DatadogSloClient', () => {
  let datadog: FakeDatadog | undefined;
  afterEach(async () => {
    await datadog?.close();
    datadog = undefined;
  });

  it('sends the keys as headers only, and parameters Datadog declares', async () => {
    datadog = await startFakeDatadog({ slos: [fakeSlo('a')] });
    const answer = await clientFor(datadog.url).searchSlos(
      'service:checkout-api',
      0,
      50,
    );
    expect(answer.data?.attributes?.slos).toHaveLength(1);
    const [request] = datadog.requests;
    expect(request.headers['dd-api-key']).toBe('test-api-key');
    expect(request.headers['dd-application-key']).toBe('test-app-key');
    expect(JSON.stringify(request.query)).not.toContain('test-');
  });

  it('holds a request until the announced reset instead of overrunning the limit', async () => {
    datadog = await startFakeDatadog({
      slos: [fakeSlo('a')],
      rateLimit: { limit: 1, resetSeconds: 1 },
    });
    const client = clientFor(datadog.url, { timeoutMs: 3000 });
    await client.getSloHistory('a', 0, 3600);
    // The first answer said remaining 0, reset in 1 s: the second request waits for it.
    const started = Date.now();
    await expect(client.getSloHistory('a', 0, 3600)).resolves.toBeDefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(
      datadog.requests.filter(r => r.path.endsWith('/history')),
    ).toHaveLength(2);
  });

  it('retries once after a 429 whose reset leaves time for the request', async () => {
    datadog = await startFakeDatadog({
      slos: [fakeSlo('a')],
      rateLimit: { limit: 1, resetSeconds: 1 },
    });
    const client = clientFor(datadog.url, { timeoutMs: 3000 });
    // Sent together, before any answer announced the limit: one gets 429, waits, retries.
    await expect(
      Promise.all([
        client.getSloHistory('a', 0, 3600),
        client.getSloHistory('a', 0, 3600),
      ]),
    ).resolves.toHaveLength(2);
    expect(
      datadog.requests.filter(r => r.path.endsWith('/history')),
    ).toHaveLength(3);
  });

  it('fails at once, saying when to retry, when the reset is after the deadline', async () => {
    datadog = await startFakeDatadog({
      slos: [fakeSlo('a')],
      rateLimit: { limit: 1, resetSeconds: 60 },
    });
    const client = clientFor(datadog.url, { timeoutMs: 2000 });
    await client.getSloHistory('a', 0, 3600);
    const started = Date.now();
    const error = await failureOf(client.getSloHistory('a', 0, 3600));
    expect(Date.now() - started).toBeLessThan(500);
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toMatch(
      /'slo_history' is used up; it resets in 60 s/,
    );
    expect(datadog.requests).toHaveLength(1);
    // Other endpoint families have their own limits and still go through.
    await expect(
      client.searchSlos('service:checkout-api', 0, 10),
    ).resolves.toBeDefined();
  });

  it('gives up after the per-request timeout', async () => {
    datadog = await startFakeDatadog({ slos: [fakeSlo('a')], latencyMs: 1000 });
    const error = await failureOf(
      clientFor(datadog.url, { timeoutMs: 100 }).searchSlos('x', 0, 10),
    );
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('100 ms');
  });

  it('says Datadog cannot be reached when nothing listens', async () => {
    const server = http.createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise(resolve => server.close(resolve));
    const error = await failureOf(
      clientFor(`http://127.0.0.1:${port}`).searchSlos('x', 0, 10),
    );
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('keeps at most maxConcurrentRequests requests in flight', async () => {
    datadog = await startFakeDatadog({ slos: [fakeSlo('a')], latencyMs: 50 });
    let inFlight = 0;
    let peak = 0;
    const counting: typeof fetch = async (...args) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        return await fetch(...args);
      } finally {
        inFlight--;
      }
    };
    const client = new DatadogSloClient(
      fakeDatadogConnection(datadog.url, { slo: { maxConcurrentRequests: 3 } }),
      counting,
    );
    await Promise.all(
      Array.from({ length: 10 }, () => client.getSloHistory('a', 0, 3600)),
    );
    expect(peak).toBe(3);
  });
});
