import { CacheService } from '@backstage/backend-plugin-api';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import {
  ConfiguredDatadogConnection,
  createUpstreamService,
  UpstreamService,
} from '@internal/upstream-node';

/** The keys the fake Datadog accepts unless told otherwise. */
export const FAKE_DATADOG_KEYS = {
  apiKey: 'test-api-key',
  appKey: 'test-app-key',
};

/**
 * The upstream layer, configured with a connection to a fake Datadog and read through the real
 * config readers. `datadog` and `upstream` are merged into the configuration; replicas share
 * what they learn when given one `cacheService`.
 */
export function fakeDatadogUpstream(
  apiBaseUrl: string,
  options: {
    datadog?: JsonObject;
    upstream?: JsonObject;
    cacheService?: CacheService;
  } = {},
): UpstreamService & { datadog: ConfiguredDatadogConnection } {
  const config = mockServices.rootConfig({
    data: {
      datadog: { ...FAKE_DATADOG_KEYS, apiBaseUrl, ...options.datadog },
      ...(options.upstream ? { upstream: options.upstream } : {}),
    },
  });
  const upstream = createUpstreamService({
    config,
    logger: mockServices.logger.mock(),
    cacheService:
      options.cacheService ??
      CacheManager.fromConfig(config).forPlugin('upstream'),
  });
  const datadog = upstream.datadog;
  if (!datadog.configured) {
    throw new Error(datadog.reason);
  }
  return { ...upstream, datadog };
}
