/*
 * Benchmark of issue #6: one service with 10 SLOs, Datadog answering every request in 100 ms.
 * Prints p50/p95 of the portal's route (cold: empty cache; warm: cached) beside the naive way
 * (list the SLOs, then one history request per SLO, one after the other, no cache), in one run.
 *
 *   yarn workspace @internal/plugin-datadog-slo-backend bench [--latency 100] [--slos 10]
 *     [--cold 30] [--warm 500] [--naive 15]
 *
 * Datadog is the contract-checked fake of the tests, on loopback in this process; the catalog
 * lookup of the route is an in-memory stub, so the figures are the plugin's own cost.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import express from 'express';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { createUpstreamService } from '@internal/upstream-node';
import { readDatadogSloSettings } from '../src/config/readDatadogSloSettings';
import { createRouter } from '../src/router';
import { SloRollupService } from '../src/service/SloRollupService';
import { SloService } from '../src/service/SloService';
import { FakeSlo, fakeSlo, startFakeDatadog } from '../src/testUtils';

const USAGE =
  'Usage: bench [--latency 100] [--slos 10] [--cold 30] [--warm 500] [--naive 15]';

function readArgs() {
  const flag = (fallback: number) =>
    ({ type: 'string', default: String(fallback) } as const);
  try {
    return parseArgs({
      strict: true,
      options: {
        latency: flag(100),
        slos: flag(10),
        cold: flag(30),
        warm: flag(500),
        naive: flag(15),
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return process.exit(2);
  }
}

const args = readArgs();
const latencyMs = Number(args.latency);
const sloCount = Number(args.slos);
const coldSamples = Number(args.cold);
const warmSamples = Number(args.warm);
const naiveSamples = Number(args.naive);

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-api',
    namespace: 'default',
    annotations: { 'datadoghq.com/slo-query': 'service:checkout-api' },
  },
  spec: { type: 'service', owner: 'group:payments', lifecycle: 'production' },
};

const types: FakeSlo['type'][] = ['metric', 'monitor', 'time_slice'];
const slos = Array.from({ length: sloCount }, (_, i) =>
  fakeSlo(`checkout-${i}`, { type: types[i % 3], sli: 99.9 + (i % 5) * 0.02 }),
);

const silentLogger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return silentLogger;
  },
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

/** The plugin's router on loopback, with a fresh cache: every server starts cold. */
async function startPortalRoute(datadogUrl: string) {
  const config = new ConfigReader({
    datadog: {
      apiKey: 'test-api-key',
      appKey: 'test-app-key',
      apiBaseUrl: datadogUrl,
    },
  });
  const caches = CacheManager.fromConfig(config);
  const upstream = createUpstreamService({
    config,
    logger: silentLogger,
    cacheService: caches.forPlugin('upstream'),
  });
  const sloService = new SloService({
    connection: upstream.datadog,
    http: upstream.http,
    settings: readDatadogSloSettings(config),
    cache: caches.forPlugin('datadog-slo'),
    logger: silentLogger,
  });
  const catalog: any = {
    getEntityByRef: async () => entity,
    getEntities: async () => ({ items: [] }),
  };
  const httpAuth: any = {
    credentials: async () => ({
      principal: { type: 'user', userEntityRef: 'user:default/bench' },
    }),
  };
  const app = express().use(
    await createRouter({
      httpAuth,
      catalog,
      slos: sloService,
      rollups: new SloRollupService(sloService, catalog),
    }),
  );
  const server = http.createServer(app);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/entities/component/default/checkout-api/slos`,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

async function getJson(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return response.json();
}

/** What a plugin written without thought would do: list, then one request per SLO in turn. */
async function naive(datadogUrl: string) {
  const headers = {
    'DD-API-KEY': 'test-api-key',
    'DD-APPLICATION-KEY': 'test-app-key',
  };
  const list = await getJson(
    `${datadogUrl}/api/v1/slo?tags_query=service:checkout-api`,
    headers,
  );
  const to = Math.floor(Date.now() / 1000);
  for (const slo of list.data) {
    await getJson(
      `${datadogUrl}/api/v1/slo/${slo.id}/history?from_ts=${
        to - 30 * 86400
      }&to_ts=${to}`,
      headers,
    );
  }
  return list.data.length;
}

async function main() {
  const datadog = await startFakeDatadog({ slos, latencyMs });
  const rows: Array<[string, number[]]> = [];

  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < coldSamples; i++) {
    const portal = await startPortalRoute(datadog.url);
    const answer = await getJson(portal.url);
    if (answer.slos.length !== sloCount || answer.problems.length) {
      throw new Error(`unexpected answer: ${JSON.stringify(answer.problems)}`);
    }
    await portal.close();
  }
  // Measured rounds start here; the round above warmed the JIT and the connection pool.
  const portalRequestsBefore = datadog.requests.length;
  for (let i = 0; i < coldSamples; i++) {
    const portal = await startPortalRoute(datadog.url);
    cold.push(await timed(() => getJson(portal.url)));
    if (i === coldSamples - 1) {
      for (let j = 0; j < warmSamples; j++) {
        warm.push(await timed(() => getJson(portal.url)));
      }
    }
    await portal.close();
  }
  // Cold answers each ask Datadog; warm ones (inside the last cold round) must not.
  const portalRequests =
    (datadog.requests.length - portalRequestsBefore) / coldSamples;
  const requestsBefore = datadog.requests.length;
  const naiveTimes: number[] = [];
  for (let i = 0; i < naiveSamples; i++) {
    naiveTimes.push(await timed(() => naive(datadog.url)));
  }
  const naiveRequests =
    (datadog.requests.length - requestsBefore) / naiveSamples;
  rows.push(
    ['portal, cold (empty cache)', cold],
    ['portal, warm (cached)', warm],
    ['naive, one request per SLO in turn', naiveTimes],
  );

  console.log(
    `\nDatadog SLOs: ${sloCount} SLOs, Datadog answering in ${latencyMs} ms (node ${process.version})\n`,
  );
  console.log('| way | samples | p50 ms | p95 ms | p95 / portal cold |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const coldP95 = percentile(cold, 95);
  for (const [name, values] of rows) {
    console.log(
      `| ${name} | ${values.length} | ${percentile(values, 50).toFixed(
        1,
      )} | ${percentile(values, 95).toFixed(1)} | ${(
        percentile(values, 95) / coldP95
      ).toFixed(2)} |`,
    );
  }
  console.log(
    `\nDatadog requests per cold answer: portal ${portalRequests} (1 search, then ${sloCount} histories at once); naive ${naiveRequests} (one after the other)`,
  );
  await datadog.close();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
