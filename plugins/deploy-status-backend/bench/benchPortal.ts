import http from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createUpstreamService,
  UpstreamServiceOptions,
} from '@internal/upstream-node';
import { readDeployStatusConfig } from '../src/config/readDeployStatusConfig';
import { FleetService } from '../src/fleet/FleetService';
import { createRouter } from '../src/router';
import { DeployStatusService } from '../src/service/DeployStatusService';
import { EntityEnvironments } from '../src/service/entityEnvironments';

export const silentLogger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return silentLogger;
  },
};

const auth: any = { getOwnServiceCredentials: async () => ({}) };
const httpAuth: any = {
  credentials: async () => ({
    principal: { type: 'user', userEntityRef: 'user:default/bench' },
  }),
};

/**
 * The plugin's router on loopback with a fresh memory cache (every portal starts cold) and the
 * given catalog; the figures are the plugin's own cost plus the upstreams'.
 */
export async function startBenchPortal(options: {
  config: Config;
  catalog: CatalogService;
  upstreamOptions?: UpstreamServiceOptions;
}) {
  const { config, catalog } = options;
  const upstream = createUpstreamService({
    config,
    logger: silentLogger,
    cacheService: CacheManager.fromConfig(config).forPlugin('upstream'),
    options: options.upstreamOptions,
  });
  const deployStatusConfig = readDeployStatusConfig(config);
  const environments = new EntityEnvironments(catalog, auth);
  const deployStatus = new DeployStatusService({
    config: deployStatusConfig,
    upstream,
    environments,
  });
  const fleet = new FleetService({
    config: deployStatusConfig,
    upstream,
    catalog,
    auth,
    environments,
    logger: silentLogger,
  });
  const app = express().use(
    await createRouter({ httpAuth, catalog, deployStatus, fleet }),
  );
  const server = http.createServer(app);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    entityUrl: (name: string) => `${base}/entities/component/default/${name}`,
    listUrl: (refs: string[]) =>
      `${base}/entities?${refs
        .map(ref => `entityRef=${encodeURIComponent(ref)}`)
        .join('&')}`,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

export async function getJson(
  url: string,
  headers: Record<string, string> = {},
) {
  // A benchmark that waits forever measures nothing: two minutes is far beyond any figure here.
  const response = await fetch(url, {
    headers,
    signal: AbortSignal.timeout(120_000),
  });
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return response.json();
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}
