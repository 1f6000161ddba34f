import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { upstreamStatusPlugin } from './plugin';

/** A loopback server that answers like an upstream that wants a token. */
async function startUpstream(status: number) {
  const server = http.createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end('{"message":"401 Unauthorized"}');
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** A loopback port with nothing listening on it. */
async function closedPort() {
  const server = http.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe('upstream-status plugin', () => {
  it('reports which upstreams answer, without their credentials', async () => {
    const gitlab = await startUpstream(401);
    const broken = await startUpstream(503);
    const nothing = await closedPort();
    const backend = await startTestBackend({
      features: [
        upstreamStatusPlugin,
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              gitlab: [
                {
                  host: new URL(gitlab.url).host,
                  apiBaseUrl: `${gitlab.url}/api/v4`,
                  token: 'glpat-secret',
                },
              ],
            },
            argocd: {
              appLocatorMethods: [
                {
                  type: 'config',
                  instances: [
                    { name: 'prod', url: broken.url, token: 'argo-secret' },
                  ],
                },
              ],
            },
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'dev',
                      url: nothing,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: 'k8s-secret',
                    },
                  ],
                },
              ],
            },
          },
        }),
      ],
    });

    try {
      const res = await request(backend.server)
        .get('/api/upstream-status/upstreams')
        .set('Authorization', mockCredentials.user.header());

      expect(res.status).toBe(200);
      expect(res.body.upstreams).toEqual([
        expect.objectContaining({
          kind: 'gitlab',
          origin: gitlab.url,
          reachable: true,
          status: 401,
        }),
        expect.objectContaining({
          kind: 'argocd',
          name: 'prod',
          reachable: false,
          status: 503,
          error: 'answered 503 Service Unavailable',
        }),
        expect.objectContaining({
          kind: 'kubernetes',
          name: 'dev',
          reachable: false,
          error: expect.stringMatching(
            /^connect ECONNREFUSED 127\.0\.0\.1:\d+$/,
          ),
        }),
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/secret/);
    } finally {
      await backend.stop();
      gitlab.close();
      broken.close();
    }
  });

  it('refuses anonymous callers', async () => {
    const backend = await startTestBackend({
      features: [
        upstreamStatusPlugin,
        mockServices.rootConfig.factory({ data: {} }),
        // The test backend treats requests without a token as a user unless told otherwise.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    try {
      const res = await request(backend.server).get(
        '/api/upstream-status/upstreams',
      );
      expect(res.status).toBe(401);
    } finally {
      await backend.stop();
    }
  });
});
