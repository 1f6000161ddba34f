import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockServices } from '@backstage/backend-test-utils';
import { createUpstreamService } from './upstreamServiceRef';

function upstreamWith(data: object) {
  const config = mockServices.rootConfig({ data });
  return createUpstreamService({
    config,
    logger: mockServices.logger.mock(),
    cacheService: CacheManager.fromConfig(config).forPlugin('upstream'),
  });
}

describe('createUpstreamService', () => {
  it('takes one configured self-hosted GitLab as the default, though Backstage adds gitlab.com', () => {
    const upstream = upstreamWith({
      integrations: {
        gitlab: [
          {
            host: 'gitlab.acme.internal',
            apiBaseUrl: 'https://gitlab.acme.internal/api/v4',
            token: 'glpat-x',
          },
        ],
      },
    });
    const found = upstream.gitlab();
    expect(found.state).toBe('ok');
    expect(found.state === 'ok' && found.client.integration.host).toBe(
      'gitlab.acme.internal',
    );
    expect(upstream.gitlabInstances.map(g => g.host)).toEqual([
      'gitlab.acme.internal',
    ]);
  });

  it('asks for gitlab.com/instance when several hosts are configured, naming them', () => {
    const upstream = upstreamWith({
      integrations: {
        gitlab: [
          {
            host: 'gitlab.acme.internal',
            apiBaseUrl: 'https://gitlab.acme.internal/api/v4',
          },
          { host: 'gitlab.com' },
        ],
      },
    });
    expect(upstream.gitlab()).toEqual({
      state: 'not-configured',
      message: expect.stringContaining('gitlab.acme.internal, gitlab.com'),
    });
  });

  it('reads clusters as the Kubernetes backend does: auth provider, its metadata, CA', () => {
    const upstream = upstreamWith({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'prod',
                url: 'https://k8s.acme.internal/',
                authProvider: 'aws',
                assumeRole: 'arn:aws:iam::1:role/portal',
                caData: 'Q0E=',
              },
            ],
          },
        ],
      },
    });
    expect(upstream.clusters).toEqual([
      expect.objectContaining({
        name: 'prod',
        url: 'https://k8s.acme.internal',
        caData: 'Q0E=',
        skipTLSVerify: false,
        authMetadata: {
          'kubernetes.io/auth-provider': 'aws',
          'kubernetes.io/aws-assume-role': 'arn:aws:iam::1:role/portal',
        },
      }),
    ]);
  });

  it('refuses a cluster without an auth provider, as the Kubernetes backend does', () => {
    expect(() =>
      upstreamWith({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [{ name: 'prod', url: 'https://k8s' }],
            },
          ],
        },
      }),
    ).toThrow("cluster 'prod' has no auth provider configured");
  });

  it('exposes the Datadog connection, or why there is none, and starts either way', () => {
    expect(
      upstreamWith({
        datadog: { site: 'datadoghq.eu', apiKey: 'k', appKey: 'a' },
      }).datadog,
    ).toEqual({
      configured: true,
      site: 'datadoghq.eu',
      apiBaseUrl: 'https://api.datadoghq.eu',
      appBaseUrl: 'https://app.datadoghq.eu',
      apiKey: 'k',
      appKey: 'a',
    });
    expect(upstreamWith({}).datadog).toEqual({
      configured: false,
      site: 'datadoghq.com',
      reason:
        'Datadog is not configured: set datadog.apiKey (DATADOG_API_KEY) and datadog.appKey (DATADOG_APP_KEY).',
    });
  });
});
