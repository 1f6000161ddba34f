import { mockServices } from '@backstage/backend-test-utils';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { createUpstreamService } from '@internal/upstream-node';
import { DefaultUpstreamStatusService } from './DefaultUpstreamStatusService';

function upstreamWith(data: object) {
  return createUpstreamService({
    config: mockServices.rootConfig({ data }),
    logger: mockServices.logger.mock(),
    cacheService: CacheManager.fromConfig(
      mockServices.rootConfig({ data: {} }),
    ).forPlugin('upstream'),
  });
}

describe('DefaultUpstreamStatusService', () => {
  const config = {
    integrations: {
      gitlab: [
        {
          host: 'gitlab.example.com',
          apiBaseUrl: 'https://gitlab.example.com/api/v4',
          token: 't',
        },
      ],
    },
    argocd: {
      appLocatorMethods: [
        {
          type: 'config',
          instances: [{ name: 'prod', url: 'https://argocd.example.com' }],
        },
      ],
    },
  };

  it('lists only the configured GitLab host, not the gitlab.com Backstage adds by itself', async () => {
    const service = new DefaultUpstreamStatusService(upstreamWith(config));
    const names = (await service.list()).map(u => `${u.kind}:${u.name}`);
    expect(names).toEqual(['gitlab:gitlab.example.com', 'argocd:prod']);
  });

  it('lists Datadog when its keys are configured', async () => {
    const service = new DefaultUpstreamStatusService(
      upstreamWith({
        ...config,
        datadog: {
          site: 'datadoghq.eu',
          apiKey: 'dd-api',
          appKey: 'dd-app',
        },
      }),
    );
    expect((await service.list()).map(u => `${u.kind}:${u.name}`)).toEqual([
      'gitlab:gitlab.example.com',
      'argocd:prod',
      'datadog:datadoghq.eu',
    ]);
  });

  it('reports what the last real call saw, and nothing for an upstream no call used', async () => {
    const upstream = upstreamWith(config);
    upstream.outcomes.record('argocd:prod', {
      reachable: false,
      error: "Argo CD instance 'prod' did not answer within 3 s",
      failure: 'timeout',
    });
    const service = new DefaultUpstreamStatusService(upstream);
    expect(await service.list()).toEqual([
      {
        kind: 'gitlab',
        name: 'gitlab.example.com',
        origin: 'https://gitlab.example.com',
        reachable: true,
      },
      expect.objectContaining({
        kind: 'argocd',
        name: 'prod',
        reachable: false,
        error: "Argo CD instance 'prod' did not answer within 3 s",
      }),
    ]);
  });
});
