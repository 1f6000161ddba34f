import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  KUBERNETES_KINDS,
  UpstreamService,
  upstreamServiceRef,
} from '@internal/upstream-node';
import { startPrivateCaServer } from '@internal/upstream-node/testUtils';
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

/** A backend plugin that hands out the upstream layer, so a test can make the portal's real calls. */
function layerCapture() {
  const captured: { upstream?: UpstreamService } = {};
  const plugin = createBackendPlugin({
    pluginId: 'layer-capture',
    register(env) {
      env.registerInit({
        deps: { upstream: upstreamServiceRef },
        async init({ upstream }) {
          captured.upstream = upstream;
        },
      });
    },
  });
  return { plugin, captured };
}

describe('upstream-status plugin', () => {
  it("reports what the portal's own calls saw, without their credentials", async () => {
    const gitlab = await startUpstream(401);
    const broken = await startUpstream(503);
    const nothing = await closedPort();
    const privateCa = await startPrivateCaServer((req, res) => {
      res.writeHead(
        req.headers.authorization === 'Bearer k8s-secret' ? 200 : 401,
        {
          'content-type': 'application/json',
        },
      );
      res.end('{"kind":"PodList","apiVersion":"v1","metadata":{},"items":[]}');
    });
    const { plugin, captured } = layerCapture();
    const backend = await startTestBackend({
      features: [
        upstreamStatusPlugin,
        plugin,
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
                    {
                      name: 'behind-company-ca',
                      url: privateCa.url,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: 'k8s-secret',
                      caData: Buffer.from(privateCa.caPem).toString('base64'),
                    },
                    {
                      name: 'ca-not-configured',
                      url: privateCa.url,
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
      const upstream = captured.upstream!;
      const [dev, companyCa, noCa] = upstream.clusters;
      // The calls the deploy status makes, through the same layer.
      const calls = await Promise.allSettled([
        upstream.gitlab().state === 'ok' &&
          (upstream.gitlab() as any).client.get('/projects/1'),
        upstream.argocd.getApplication(upstream.argocdInstances[0], 'checkout'),
        upstream.kubernetes.list(dev, KUBERNETES_KINDS.Pod, 'app=checkout'),
        upstream.kubernetes.list(
          companyCa,
          KUBERNETES_KINDS.Pod,
          'app=checkout',
        ),
        upstream.kubernetes.list(noCa, KUBERNETES_KINDS.Pod, 'app=checkout'),
      ]);
      expect(
        calls.map(c => (c.status === 'rejected' ? String(c.reason) : 'ok')),
      ).toEqual([
        expect.stringMatching(/GitLab \(127\.0\.0\.1:\d+\) answered 401/),
        "UpstreamError: Argo CD instance 'prod' answered 503: 401 Unauthorized",
        expect.stringMatching(
          /cluster 'dev' could not be reached .*ECONNREFUSED/,
        ),
        'ok',
        expect.stringMatching(
          /cluster 'ca-not-configured' could not be reached .*certificate is not signed by a CA the portal knows/,
        ),
      ]);

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
          error: `Argo CD instance 'prod' answered 503: 401 Unauthorized`,
        }),
        expect.objectContaining({
          kind: 'kubernetes',
          name: 'dev',
          reachable: false,
          error: expect.stringMatching(
            /could not be reached at .*ECONNREFUSED/,
          ),
        }),
        expect.objectContaining({
          kind: 'kubernetes',
          name: 'behind-company-ca',
          reachable: true,
          status: 200,
        }),
        expect.objectContaining({
          kind: 'kubernetes',
          name: 'ca-not-configured',
          reachable: false,
          error: expect.stringMatching(
            /could not be reached at https:\/\/127\.0\.0\.1:\d+ \(UNABLE_TO_VERIFY_LEAF_SIGNATURE: .*caData/,
          ),
        }),
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/secret/);
    } finally {
      await backend.stop();
      gitlab.close();
      broken.close();
      await privateCa.close();
    }
  }, 30_000);

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
