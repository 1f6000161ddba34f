/*
 * Benchmark of issue #5: every upstream answers 50 ms late (a delaying proxy in front of the
 * sandbox's GitLab, Argo CD and Kubernetes, all in a child process of their own), a service runs
 * in 3 environments (4 clusters). Prints, in one run: one entity cold (empty cache) and warm,
 * beside the naive sequential fan-out; the catalog-wide page (200 services, the page's 4 requests
 * of 50) cold; 50 concurrent clients.
 *
 *   yarn workspace @internal/plugin-deploy-status-backend bench [--latency 50] [--cold 30]
 *     [--warm 500] [--naive 10] [--services 200] [--pages 5] [--clients 50] [--seconds 60]
 *     [--batch 100]   (values per merged Argo CD/Kubernetes request; 1 turns merging off)
 *
 * The plugin's router runs on loopback with the backend's memory CacheService; the catalog is
 * an in-memory stub, so the figures are the plugin's own cost plus the upstreams'.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { SANDBOX_TOKENS } from '@internal/sandbox';
import {
  sandboxPortalConfig,
  sandboxUpstreams,
} from '../src/__testUtils__/sandboxPortalConfig';
import { writeBenchCatalog } from './benchCatalog';
import { getJson, startBenchPortal } from './benchPortal';
import { startUpstreams } from './startUpstreams';

const USAGE =
  'Usage: bench [--latency 50] [--cold 30] [--warm 500] [--naive 10] [--services 200] [--pages 5] [--clients 50] [--seconds 60] [--batch 100]';

function readArgs() {
  const flag = (fallback: number) =>
    ({ type: 'string', default: String(fallback) } as const);
  try {
    return parseArgs({
      strict: true,
      options: {
        latency: flag(50),
        cold: flag(30),
        warm: flag(500),
        naive: flag(10),
        services: flag(200),
        pages: flag(5),
        clients: flag(50),
        seconds: flag(60),
        batch: flag(100),
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return process.exit(2);
  }
}

const args = readArgs();
const latencyMs = Number(args.latency);
const coldSamples = Number(args.cold);
const warmSamples = Number(args.warm);
const naiveSamples = Number(args.naive);
const serviceCount = Number(args.services);
const pageSamples = Number(args.pages);
const clients = Number(args.clients);
const loadSeconds = Number(args.seconds);
const batchValues = Number(args.batch);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

const bench = writeBenchCatalog(serviceCount);
const environments = bench.environments;
const catalogServices = bench.services;
const byName = new Map(catalogServices.map(e => [e.metadata.name, e]));

async function main() {
  const upstreams = await startUpstreams({
    examplesDir: bench.dir,
    latencyMs,
  });
  const proxies = upstreams.urls;
  const config = new ConfigReader(
    sandboxPortalConfig(sandboxUpstreams(upstreams.urls)),
  );

  const catalog: any = {
    getEntityByRef: async (ref: any) => byName.get(ref.name),
    getEntitiesByRefs: async ({ entityRefs }: { entityRefs: string[] }) => ({
      items: entityRefs.map(ref => byName.get(ref.split('/')[1])),
    }),
    getEntities: async () => ({ items: environments }),
  };
  /** The plugin's router on loopback with a fresh cache: every server starts cold. */
  const startPortal = () =>
    startBenchPortal({
      config,
      catalog,
      upstreamOptions: { batching: { maxValues: batchValues } },
    });

  /**
   * What a plugin written without thought would do: each environment's Argo CD, then each
   * cluster's four lists, then GitLab's project, commits and one pipeline per revision, one
   * request after the other, nothing cached.
   */
  async function naive(entity: Entity) {
    const selector = encodeURIComponent(
      entity.metadata.annotations!['argocd/app-selector'],
    );
    const k8sSelector = encodeURIComponent(
      `backstage.io/kubernetes-id=${
        entity.metadata.annotations!['backstage.io/kubernetes-id']
      }`,
    );
    const argoHeaders = { authorization: `Bearer ${SANDBOX_TOKENS.argocd}` };
    const k8sHeaders = {
      authorization: `Bearer ${SANDBOX_TOKENS.kubernetes}`,
    };
    const gitlabHeaders = { 'private-token': SANDBOX_TOKENS.gitlab };
    const revisions: string[] = [];
    for (const env of environments) {
      const instance = (env.spec as any).argocd.instance;
      const apps = await getJson(
        `${proxies.argocd}/instances/${instance}/api/v1/applications?selector=${selector}`,
        argoHeaders,
      );
      revisions.push(apps.items?.[0]?.status?.sync?.revision);
      for (const ref of (env.spec as any).clusters as string[]) {
        const cluster = ref.split(':').pop();
        for (const list of [
          'apis/apps/v1/deployments',
          'apis/apps/v1/statefulsets',
          'api/v1/pods',
          'apis/autoscaling/v2/horizontalpodautoscalers',
        ]) {
          await getJson(
            `${proxies.kubernetes}/clusters/${cluster}/${list}?labelSelector=${k8sSelector}`,
            k8sHeaders,
          );
        }
      }
    }
    const project = encodeURIComponent(
      entity.metadata.annotations!['gitlab.com/project-slug'],
    );
    const api = `${proxies.gitlab}/api/v4/projects/${project}`;
    await getJson(api, gitlabHeaders);
    const commits = await getJson(`${api}/repository/commits`, gitlabHeaders);
    for (const sha of [commits[0]?.id, ...revisions]) {
      await getJson(`${api}/pipelines?sha=${sha}`, gitlabHeaders);
    }
  }

  const names = catalogServices.map(e => e.metadata.name);
  const rows: Array<[string, number[]]> = [];

  // One entity, cold: a new server (empty cache) per sample.
  const cold: number[] = [];
  for (let i = 0; i < coldSamples; i++) {
    const portal = await startPortal();
    cold.push(
      await timed(() => getJson(portal.entityUrl(names[i % names.length]))),
    );
    await portal.close();
  }
  rows.push(['portal, one entity, cold', cold]);

  // One entity, warm.
  const warmPortal = await startPortal();
  await getJson(warmPortal.entityUrl(names[0]));
  const warm: number[] = [];
  for (let i = 0; i < warmSamples; i++) {
    warm.push(await timed(() => getJson(warmPortal.entityUrl(names[0]))));
  }
  rows.push(['portal, one entity, warm', warm]);

  const naiveTimes: number[] = [];
  for (let i = 0; i < naiveSamples; i++) {
    naiveTimes.push(
      await timed(() => naive(catalogServices[i % serviceCount])),
    );
  }
  rows.push(['naive sequential fan-out, one entity', naiveTimes]);

  // The catalog-wide page, cold: as the page asks, 50 refs per request, in parallel.
  const pages: number[] = [];
  for (let i = 0; i < pageSamples; i++) {
    const portal = await startPortal();
    const chunks = Array.from(
      { length: Math.ceil(names.length / 50) },
      (_, c) => names.slice(c * 50, c * 50 + 50),
    );
    pages.push(
      await timed(() =>
        Promise.all(
          chunks.map(chunk =>
            getJson(portal.listUrl(chunk.map(n => `component:default/${n}`))),
          ),
        ),
      ),
    );
    await portal.close();
  }
  rows.push([`portal, page of ${serviceCount} services, cold`, pages]);

  // Load: `clients` clients ask for random services back to back, for `loadSeconds`.
  const loadPortal = await startPortal();
  const latencies: number[] = [];
  let httpErrors = 0;
  let sourceErrors = 0;
  const errorMessages = new Map<string, number>();
  const until = Date.now() + loadSeconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const name = names[Math.floor(Math.random() * names.length)];
        const started = performance.now();
        try {
          const body = JSON.stringify(
            await getJson(loadPortal.entityUrl(name)),
          );
          for (const [, message] of body.matchAll(
            /"state":"error","message":"([^"]*)"/g,
          )) {
            sourceErrors += 1;
            // Cluster and instance names vary; the kind of failure is what matters.
            const kind = message.replace(/'[^']*'/g, "'…'");
            errorMessages.set(kind, (errorMessages.get(kind) ?? 0) + 1);
          }
        } catch {
          httpErrors += 1;
        }
        latencies.push(performance.now() - started);
      }
    }),
  );
  rows.push([
    `portal, ${clients} concurrent clients, ${loadSeconds} s`,
    latencies,
  ]);

  console.log(
    `\nUpstreams answer ${latencyMs} ms late; ${environments.length} environments, 4 clusters; ${serviceCount} services; up to ${batchValues} values per merged request.\n`,
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
    `\nLoad: ${latencies.length} requests (${(
      latencies.length / loadSeconds
    ).toFixed(
      0,
    )}/s), ${httpErrors} HTTP errors, ${sourceErrors} source errors.`,
  );
  for (const [message, count] of errorMessages) {
    console.log(`  ${count} × ${message}`);
  }
  await loadPortal.close();
  await warmPortal.close();
  await upstreams.stop();
  fs.rmSync(bench.dir, { recursive: true, force: true });
  // Keep-alive sockets of node's fetch would hold the process open.
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
