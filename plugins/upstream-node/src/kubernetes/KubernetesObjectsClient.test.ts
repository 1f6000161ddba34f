import http from 'node:http';
import { AddressInfo } from 'node:net';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import { createUpstreamService } from '../upstreamServiceRef';
import { KUBERNETES_KINDS } from './kubernetesKinds';

const servers: Array<() => unknown> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(close => close()));
});

/** A cluster whose pod list pages as kube-apiserver's does: `limit` items, then a continue token. */
async function pagingCluster(
  pods: number,
  answer?: (url: URL) => object | undefined,
) {
  const asked: URL[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://cluster');
    asked.push(url);
    const limit = Number(url.searchParams.get('limit') ?? pods);
    const start = Number(url.searchParams.get('continue') ?? 0);
    const items = Array.from(
      { length: Math.max(0, Math.min(limit, pods - start)) },
      (_, i) => ({
        metadata: {
          name: `pod-${start + i}`,
          labels: { 'backstage.io/kubernetes-id': `svc-${(start + i) % 3}` },
        },
      }),
    );
    const next = start + limit < pods ? String(start + limit) : undefined;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        answer?.(url) ?? {
          kind: 'PodList',
          metadata: { resourceVersion: '7', ...(next && { continue: next }) },
          items,
        },
      ),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  servers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return {
    asked,
    cluster: {
      name: 'prod-eu-1',
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      authMetadata: {},
    },
  };
}

const authStrategy: AuthenticationStrategy = {
  getCredential: async () => ({ type: 'bearer token', token: 't' }),
  validateCluster: () => [],
  presentAuthMetadata: () => ({}),
};

function client(maxResponseBytes = 1024 * 1024) {
  const config = mockServices.rootConfig({
    data: { upstream: { timeoutMs: 1000, maxResponseBytes } },
  });
  return createUpstreamService({
    config,
    logger: mockServices.logger.mock(),
    cacheService: CacheManager.fromConfig(config).forPlugin('upstream'),
    options: { authStrategy },
  }).kubernetes;
}

describe('KubernetesObjectsClient.listAll', () => {
  it('reads every page with limit and continue, one request each, the kind on every item', async () => {
    const { asked, cluster } = await pagingCluster(1203);
    let requests = 0;
    const pods = await client().listAll(
      cluster,
      KUBERNETES_KINDS.Pod,
      'backstage.io/kubernetes-id',
      { pageSize: 500, onRequest: () => (requests += 1) },
    );
    expect(pods).toHaveLength(1203);
    expect(new Set(pods.map(p => p.metadata?.name)).size).toBe(1203);
    expect(pods[0]).toMatchObject({ apiVersion: 'v1', kind: 'Pod' });
    expect(requests).toBe(3);
    expect(asked.map(url => url.searchParams.get('continue'))).toEqual([
      null,
      '500',
      '1000',
    ]);
    expect(
      asked.every(
        url =>
          url.pathname === '/api/v1/pods' &&
          url.searchParams.get('limit') === '500' &&
          url.searchParams.get('labelSelector') ===
            'backstage.io/kubernetes-id',
      ),
    ).toBe(true);
  });

  it('keeps each page within the size cap where the whole list would not fit', async () => {
    const { cluster } = await pagingCluster(3000);
    const capped = client(64 * 1024);
    await expect(
      capped.listAll(
        cluster,
        KUBERNETES_KINDS.Pod,
        'backstage.io/kubernetes-id',
        {
          pageSize: 5000,
        },
      ),
    ).rejects.toMatchObject({ failure: 'too-large' });
    expect(
      await capped.listAll(
        cluster,
        KUBERNETES_KINDS.Pod,
        'backstage.io/kubernetes-id',
        { pageSize: 200 },
      ),
    ).toHaveLength(3000);
  });

  it('fails on a server that answers the same continue token again, instead of looping', async () => {
    const { cluster } = await pagingCluster(10, () => ({
      metadata: { continue: 'again' },
      items: [],
    }));
    await expect(
      client().listAll(
        cluster,
        KUBERNETES_KINDS.Pod,
        'backstage.io/kubernetes-id',
      ),
    ).rejects.toMatchObject({ failure: 'bad-answer' });
  });
});
