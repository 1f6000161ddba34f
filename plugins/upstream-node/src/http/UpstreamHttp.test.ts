import http from 'node:http';
import { AddressInfo } from 'node:net';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockServices } from '@backstage/backend-test-utils';
import { RetryAfterGate } from '../gate/RetryAfterGate';
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
      gate: new RetryAfterGate(),
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
    const replicaA = httpWith({ gate: new RetryAfterGate({ cache }) }).http;
    const replicaB = httpWith({ gate: new RetryAfterGate({ cache }) }).http;
    await expect(replicaA.json(target, new URL(url))).rejects.toMatchObject({
      failure: 'rate-limited',
    });
    await expect(replicaB.json(target, new URL(url))).rejects.toMatchObject({
      failure: 'rate-limited',
      message: expect.stringMatching(/asking again in (29|30) s/),
    });
    expect(asked).toBe(1);
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
