import http from 'node:http';
import { AddressInfo } from 'node:net';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockServices } from '@backstage/backend-test-utils';
import { UpstreamRateGate } from '../gate/UpstreamRateGate';
import { UpstreamOutcomes } from '../outcomes/UpstreamOutcomes';
import { startPrivateCaServer } from '../testUtils';
import { UpstreamHttp } from './UpstreamHttp';

const servers: Array<() => unknown> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(close => close()));
});

async function serve(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  servers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function sharedCache() {
  return CacheManager.fromConfig(
    mockServices.rootConfig({ data: {} }),
  ).forPlugin('upstream');
}

function httpWith(
  options: Partial<ConstructorParameters<typeof UpstreamHttp>[0]> = {},
) {
  const outcomes = new UpstreamOutcomes();
  return {
    outcomes,
    http: new UpstreamHttp({
      timeoutMs: 500,
      maxResponseBytes: 1024,
      gate: new UpstreamRateGate(),
      outcomes,
      ...options,
    }),
  };
}

const target = { label: "Argo CD instance 'prod'", upstream: 'argocd:prod' };

describe('UpstreamHttp', () => {
  it('refuses an answer larger than the cap, naming the setting, and records it', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ items: 'x'.repeat(5000) }));
    });
    const { http: client, outcomes } = httpWith();
    await expect(client.json(target, new URL(url))).rejects.toMatchObject({
      failure: 'too-large',
      message: expect.stringContaining('upstream.maxResponseBytes'),
    });
    expect(await outcomes.get('argocd:prod')).toMatchObject({
      reachable: true,
      failure: 'too-large',
    });
  });

  it('names a body that is not JSON, quoting a little of it', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200);
      res.end(`<html>${'proxy error '.repeat(50)}</html>`);
    });
    const { http: client } = httpWith();
    const error = await client.json(target, new URL(url)).catch(e => e);
    expect(error.failure).toBe('bad-answer');
    expect(error.message.length).toBeLessThan(200);
  });

  it('gives up at the deadline', async () => {
    const url = await serve(() => undefined);
    const { http: client } = httpWith({ timeoutMs: 100 });
    await expect(client.json(target, new URL(url))).rejects.toMatchObject({
      failure: 'timeout',
      message: "Argo CD instance 'prod' did not answer within 0.1 s",
    });
  });

  it('closes the Retry-After gate for every replica that shares the cache', async () => {
    let asked = 0;
    const url = await serve((_req, res) => {
      asked += 1;
      res.writeHead(429, { 'retry-after': '30' });
      res.end('{"message":"slow down"}');
    });
    const cache = sharedCache();
    const replicaA = httpWith({ gate: new UpstreamRateGate({ cache }) }).http;
    const replicaB = httpWith({ gate: new UpstreamRateGate({ cache }) }).http;
    await expect(replicaA.json(target, new URL(url))).rejects.toMatchObject({
      failure: 'rate-limited',
    });
    await expect(replicaB.json(target, new URL(url))).rejects.toMatchObject({
      failure: 'rate-limited',
      message: expect.stringMatching(/asking again in (29|30) s/),
    });
    expect(asked).toBe(1);
  });

  it("feeds the gate every answer's X-RateLimit-* headers, per limit", async () => {
    let asked = 0;
    const url = await serve((req, res) => {
      asked += 1;
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-ratelimit-remaining': req.url?.startsWith('/history') ? '0' : '9',
        'x-ratelimit-reset': '60',
        'x-ratelimit-name': req.url?.startsWith('/history')
          ? 'slo_history'
          : 'slo_search',
      });
      res.end('{}');
    });
    const { http: client } = httpWith({ timeoutMs: 2000 });
    const history = { rateLimit: 'history' };
    await client.json(target, new URL(`${url}/history/a`), history);
    await expect(
      client.json(target, new URL(`${url}/history/b`), history),
    ).rejects.toMatchObject({
      failure: 'rate-limited',
      message:
        "Argo CD instance 'prod' says its rate limit 'slo_history' is used up; it resets in 60 s",
    });
    expect(asked).toBe(1);
    await client.json(target, new URL(`${url}/search`), {
      rateLimit: 'search',
    });
    expect(asked).toBe(2);
  });

  it('asks once more after a 429 whose announced reset comes within the deadline', async () => {
    let asked = 0;
    const url = await serve((_req, res) => {
      asked += 1;
      const limited = asked === 1;
      res.writeHead(limited ? 429 : 200, {
        'content-type': 'application/json',
        'x-ratelimit-remaining': limited ? '0' : '5',
        'x-ratelimit-reset': '1',
      });
      res.end(limited ? '{"errors":["Rate limit exceeded"]}' : '{"ok":true}');
    });
    const { http: client, outcomes } = httpWith({ timeoutMs: 3000 });
    const started = Date.now();
    await expect(client.json(target, new URL(url))).resolves.toMatchObject({
      status: 200,
      body: { ok: true },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(asked).toBe(2);
    expect(await outcomes.get('argocd:prod')).toMatchObject({ status: 200 });
  });

  it('reads an upstream behind a private CA when given the CA, and names the CA when not', async () => {
    const server = await startPrivateCaServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
    servers.push(server.close);
    const { http: client } = httpWith();
    await expect(
      client.json(
        { ...target, tls: { ca: server.caPem } },
        new URL(server.url),
      ),
    ).resolves.toMatchObject({ status: 200, body: { ok: true } });
    await expect(
      client.json(target, new URL(server.url)),
    ).rejects.toMatchObject({
      failure: 'unreachable',
      message: expect.stringContaining(
        'give the company CA as caData or caFile',
      ),
    });
  });
});
