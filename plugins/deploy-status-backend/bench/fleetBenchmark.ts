/*
 * Benchmark of the fleet endpoint (issue item 4): the catalog-wide Deployments page on a
 * 10,000-entity catalog with 2,772 services, every upstream 50 ms late (the sandbox in a process
 * of its own behind delaying proxies that count what they are asked). Each run starts a portal
 * with an empty cache and measures, side by side:
 *
 *   (a) the fleet's first page (`GET /fleet?limit=50`);
 *   (b) the whole fleet walked with its cursors, from the first request to the last page;
 *   (c) the upstream requests of that refresh, beside clusters × kinds + instances × projects;
 *   (d) the page's former way: every service through `GET /entities?entityRef=…` in the page's
 *       batches of 50, all sent at once as the page sent them (Promise.all), and what it asked.
 *
 *   yarn workspace @internal/plugin-deploy-status-backend bench:fleet [--latency 50]
 *     [--services 2772] [--entities 10000] [--runs 5] [--page-runs 3] [--limit 50]
 *     [--walk-limit 50] [--max-response-mb 64] [--timeout-ms 10000]
 *
 * The catalog is an in-memory stub holding the example catalog, the bench services and filler
 * Resources up to `--entities`, answering the fleet's few queries from prepared lists: the
 * figures are the plugin's own cost and the upstreams', not the catalog's.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigReader } from '@backstage/config';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { FleetPage, FleetRow } from '@internal/plugin-deploy-status-common';
import { SANDBOX_TOKENS } from '@internal/sandbox';
import { exampleEntities } from '../src/__testUtils__/examples';
import {
  SANDBOX_CLUSTERS,
  SANDBOX_ARGOCD_INSTANCES,
} from '../src/__testUtils__/sandboxPortal';
import {
  sandboxPortalConfig,
  sandboxUpstreams,
} from '../src/__testUtils__/sandboxPortalConfig';
import { readDeployStatusConfig } from '../src/config/readDeployStatusConfig';
import { KINDS_READ } from '../src/kubernetes/readClusterWorkloads';
import { listPathOf } from '@internal/upstream-node';
import { writeBenchCatalog } from './benchCatalog';
import { getJson, median, startBenchPortal } from './benchPortal';
import { startUpstreams, UpstreamCounts } from './startUpstreams';

const USAGE =
  'Usage: bench:fleet [--latency 50] [--services 2772] [--entities 10000] [--runs 5] [--page-runs 3] [--limit 50] [--walk-limit 50] [--max-response-mb 64] [--timeout-ms 10000]';

/** The former page's batch: refs per `/entities` request (DeploymentsPage's REFS_PER_REQUEST). */
const PAGE_BATCH = 50;
/** What a real API server would answer per page: the fleet's page size. */
const KUBERNETES_PAGE_SIZE = 500;

function readArgs() {
  const flag = (fallback: number) =>
    ({ type: 'string', default: String(fallback) } as const);
  try {
    const { values } = parseArgs({
      strict: true,
      options: {
        latency: flag(50),
        services: flag(2772),
        entities: flag(10_000),
        runs: flag(5),
        'page-runs': flag(3),
        limit: flag(50),
        'walk-limit': flag(50),
        'max-response-mb': flag(64),
        'timeout-ms': flag(10_000),
      },
    });
    const numbers = Object.fromEntries(
      Object.entries(values).map(([key, value]) => {
        const number = Number(value);
        if (!Number.isInteger(number) || number < 0) {
          throw new Error(`--${key} must be a whole number, got ${value}`);
        }
        return [key, number];
      }),
    );
    return numbers as Record<keyof typeof values, number>;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return process.exit(2);
  }
}

const args = readArgs();

const exampleServices = exampleEntities().filter(
  e => e.kind === 'Component' && (e.spec as any)?.type === 'service',
);
const bench = writeBenchCatalog(args.services - exampleServices.length);
const examples = exampleEntities();
const services = [...exampleServices, ...bench.services];
const fillers: Entity[] = Array.from(
  {
    length: Math.max(
      0,
      args.entities - examples.length - bench.services.length,
    ),
  },
  (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: `bench-filler-${i}`, namespace: 'default' },
    spec: { type: 'bench-filler', owner: 'group:default/platform-team' },
  }),
);
const catalogEntities = [...examples, ...bench.services, ...fillers];

/** The catalog queries the fleet and the list endpoint send, from prepared lists. */
function stubCatalog(entities: Entity[]): CatalogService {
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  const environments = entities.filter(e => e.kind === 'Environment');
  const servicesOnly = entities.filter(
    e => e.kind === 'Component' && (e.spec as any)?.type === 'service',
  );
  const stub: Partial<CatalogService> = {
    getEntities: async request => {
      const kind = String((request?.filter as any)?.kind ?? '').toLowerCase();
      if (kind === 'environment') return { items: environments };
      if (kind === 'component') return { items: servicesOnly };
      throw new Error(
        `The bench catalog does not answer ${JSON.stringify(request)}`,
      );
    },
    getEntitiesByRefs: async request => ({
      items: request.entityRefs.map(ref => byRef.get(ref)),
    }),
    getEntityByRef: async ref =>
      byRef.get(typeof ref === 'string' ? ref : stringifyEntityRef(ref)),
  };
  return stub as CatalogService;
}

async function timed<T>(task: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await task();
  return [performance.now() - started, value];
}

const total = (counts: UpstreamCounts) =>
  counts.argocd + counts.kubernetes + counts.gitlab;

async function main() {
  const upstreams = await startUpstreams({
    examplesDir: bench.dir,
    latencyMs: args.latency,
  });
  // The sandbox answers a list in one piece (it ignores `limit`), and Argo CD's list API has no
  // paging: at 2,772 services a cluster's pods or an instance's applications are ~20 MB. And one
  // process stands in for 4 API servers and 3 Argo CD instances, answering one list after the
  // other (~2.7 s for a refresh's 51): at the 3 s default deadline the last ones time out.
  const config = new ConfigReader({
    upstream: {
      maxResponseBytes: args['max-response-mb'] * 1024 * 1024,
      timeoutMs: args['timeout-ms'],
    },
    ...sandboxPortalConfig(sandboxUpstreams(upstreams.urls)),
  });
  const ttlMs =
    readDeployStatusConfig(config).cacheTtlSeconds.kubernetes * 1000;
  const catalog = stubCatalog(catalogEntities);
  const startPortal = () => startBenchPortal({ config, catalog });
  const bound =
    SANDBOX_CLUSTERS.length * KINDS_READ.length +
    SANDBOX_ARGOCD_INSTANCES.length * 1;

  async function walkFleet(options: { stale: boolean }) {
    const portal = await startPortal();
    await upstreams.counts();
    const started = performance.now();
    const first: FleetPage = await getJson(
      `${portal.base}/fleet?limit=${args.limit}`,
    );
    const firstPageMs = performance.now() - started;
    const rows: FleetRow[] = [...first.items];
    let pages = 1;
    let cursor = first.nextCursor;
    while (cursor) {
      const page: FleetPage = await getJson(
        `${portal.base}/fleet?limit=${args['walk-limit']}&cursor=${cursor}`,
      );
      rows.push(...page.items);
      pages += 1;
      cursor = page.nextCursor;
    }
    const wholeMs = performance.now() - started;
    const counts = await upstreams.counts();
    const [warmMs] = await timed(() =>
      getJson(`${portal.base}/fleet?limit=${args.limit}`),
    );
    // Once the cache time has passed: answered from the snapshot it has while the next is made.
    let staleMs: number | undefined;
    if (options.stale) {
      await new Promise(resolve =>
        setTimeout(
          resolve,
          Date.parse(first.generatedAt) + ttlMs + 200 - Date.now(),
        ),
      );
      let stale: FleetPage;
      [staleMs, stale] = await timed(() =>
        getJson(`${portal.base}/fleet?limit=${args.limit}`),
      );
      if (stale.generatedAt !== first.generatedAt) {
        throw new Error('The page after the cache time was not the kept one');
      }
      // Let the refresh it started finish before the next run measures.
      while (
        (await getJson(`${portal.base}/fleet?limit=1`)).generatedAt ===
        first.generatedAt
      ) {
        await new Promise(resolve => setTimeout(resolve, 100));
      }
    }
    await portal.close();
    const failing = rows.flatMap(r =>
      r.environments.filter(e => e.sourceErrors.length > 0),
    );
    const withErrors = failing.length;
    const errorKinds = new Map<string, number>();
    for (const message of failing.flatMap(e => e.sourceErrors)) {
      // Cluster and instance names vary; the kind of failure is what matters.
      const kind = message.replace(/'[^']*'/g, "'…'");
      errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
    }
    return {
      firstPageMs,
      wholeMs,
      warmMs,
      staleMs,
      pages,
      rows: rows.length,
      unique: new Set(rows.map(r => r.entityRef)).size,
      counts,
      first,
      withErrors,
      errorKinds,
    };
  }

  async function pageWay() {
    const portal = await startPortal();
    await upstreams.counts();
    const refs = services.map(e => stringifyEntityRef(e));
    const batches = Array.from(
      { length: Math.ceil(refs.length / PAGE_BATCH) },
      (_, i) => refs.slice(i * PAGE_BATCH, (i + 1) * PAGE_BATCH),
    );
    const [ms, answers] = await timed(() =>
      Promise.all(batches.map(batch => getJson(portal.listUrl(batch)))),
    );
    const counts = await upstreams.counts();
    const errorKinds = new Map<string, number>();
    for (const [, message] of JSON.stringify(answers).matchAll(
      /"state":"error","message":"([^"]*)"/g,
    )) {
      const kind = message.replace(/'[^']*'/g, "'…'").replace(/\d+/g, 'N');
      errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
    }
    await portal.close();
    return {
      ms,
      counts,
      batches: batches.length,
      sourceErrors: [...errorKinds.values()].reduce((sum, n) => sum + n, 0),
      errorKinds,
    };
  }

  /**
   * The same lists fetched straight from the proxies, bodies read and nothing else, as many at
   * once as the fleet sends them: what the upstreams alone take to answer one refresh.
   */
  async function upstreamsAlone() {
    const clusters = sandboxUpstreams(upstreams.urls).kubernetes;
    const argocd = sandboxUpstreams(upstreams.urls).argocd;
    const read = (url: string, token: string) =>
      fetch(url, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(120_000),
      }).then(r => r.arrayBuffer());
    const [ms] = await timed(() =>
      Promise.all([
        ...SANDBOX_ARGOCD_INSTANCES.map(instance =>
          read(
            `${argocd(instance)}/api/v1/applications?projects=default`,
            SANDBOX_TOKENS.argocd,
          ),
        ),
        ...SANDBOX_CLUSTERS.map(async cluster => {
          const kinds = [...KINDS_READ];
          const lane = async () => {
            for (let kind = kinds.shift(); kind; kind = kinds.shift()) {
              await read(
                `${clusters(cluster)}${listPathOf(
                  kind,
                )}?labelSelector=backstage.io/kubernetes-id&limit=${KUBERNETES_PAGE_SIZE}`,
                SANDBOX_TOKENS.kubernetes,
              );
            }
          };
          await Promise.all(Array.from({ length: 4 }, lane));
        }),
      ]),
    );
    await upstreams.counts();
    return ms;
  }

  // The sandbox builds a cluster's objects on the first list of them and keeps them, as an API
  // server keeps its objects in memory: one refresh before measuring, so every run finds them.
  const at = () => `${Math.round(performance.now() / 1000)} s`;
  process.stderr.write(`${at()} warming the sandbox up…\n`);
  await walkFleet({ stale: false });

  const fleetRuns = [];
  for (let run = 0; run < args.runs; run++) {
    process.stderr.write(`${at()} fleet run ${run + 1} of ${args.runs}\n`);
    fleetRuns.push(await walkFleet({ stale: true }));
  }
  const aloneRuns = [];
  for (let run = 0; run < args.runs; run++) {
    aloneRuns.push(await upstreamsAlone());
  }
  const pageRuns = [];
  for (let run = 0; run < args['page-runs']; run++) {
    process.stderr.write(
      `${at()} page-way run ${run + 1} of ${args['page-runs']}\n`,
    );
    pageRuns.push(await pageWay());
  }

  // What a real API server would have sent at the fleet's page size: the sandbox sends one page.
  const headers = { authorization: `Bearer ${SANDBOX_TOKENS.kubernetes}` };
  let realPages = 0;
  let slowestList = { pages: 0, name: '' };
  for (const cluster of SANDBOX_CLUSTERS) {
    for (const kind of KINDS_READ) {
      const list = await getJson(
        `${sandboxUpstreams(upstreams.urls).kubernetes(cluster)}${listPathOf(
          kind,
        )}?labelSelector=backstage.io/kubernetes-id`,
        headers,
      ).catch(() => ({ items: [] }));
      const pages = Math.max(
        1,
        Math.ceil((list.items ?? []).length / KUBERNETES_PAGE_SIZE),
      );
      realPages += pages;
      if (pages > slowestList.pages) {
        slowestList = { pages, name: `${cluster} ${kind.plural}` };
      }
    }
  }

  const last = fleetRuns[fleetRuns.length - 1];
  const snapshot = last.first;
  const counted = snapshot.upstreamRequests;
  const fleetFirst = median(fleetRuns.map(r => r.firstPageMs));
  const fleetWhole = median(fleetRuns.map(r => r.wholeMs));
  const fleetWarm = median(fleetRuns.map(r => r.warmMs));
  const fleetStale = median(fleetRuns.map(r => r.staleMs!));
  const fleetRequests = median(fleetRuns.map(r => total(r.counts)));
  const aloneMs = median(aloneRuns);
  const pageMs = median(pageRuns.map(r => r.ms));
  const pageRequests = median(pageRuns.map(r => total(r.counts)));
  const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const healths = Object.entries(snapshot.counts)
    .filter(([, n]) => n > 0)
    .map(([health, n]) => `${health} ${n}`)
    .join(', ');

  console.log(
    `\nUpstreams answer ${
      args.latency
    } ms late. Catalog: ${catalogEntities.length.toLocaleString(
      'en',
    )} entities, ${services.length.toLocaleString('en')} services (${
      bench.environments.length
    } environments on ${SANDBOX_CLUSTERS.length} clusters, ${
      SANDBOX_ARGOCD_INSTANCES.length
    } Argo CD instances with one project each); upstream.timeoutMs ${
      args['timeout-ms']
    }, maxResponseBytes ${
      args['max-response-mb']
    } MiB. Cold: a portal with an empty cache per run. Medians of ${
      args.runs
    } fleet runs and ${args['page-runs']} runs of the former page's way.\n`,
  );
  console.log(
    '| | fleet endpoint | former page (`/entities`, batches of 50) | fleet / former |',
  );
  console.log('| --- | ---: | ---: | ---: |');
  console.log(
    `| (a) first page (limit ${args.limit}), cold | ${ms(fleetFirst)} | ${ms(
      pageMs,
    )} (nothing shows before every batch answered) | ${ratio(
      fleetFirst,
      pageMs,
    )} |`,
  );
  console.log(
    `| (b) whole fleet walked with cursors, cold | ${ms(fleetWhole)} (${
      last.pages
    } pages of ${args['walk-limit']}) | ${ms(pageMs)} (${
      pageRuns[0]?.batches
    } requests at once) | ${ratio(fleetWhole, pageMs)} |`,
  );
  console.log(
    `| first page once the cache time has passed (the kept snapshot, refresh behind) | ${ms(
      fleetStale,
    )} | – | – |`,
  );
  console.log(
    `| first page within the cache time | ${ms(fleetWarm)} | – | – |`,
  );
  console.log(
    `| (c) upstream requests of one refresh | ${fleetRequests} (Argo CD ${
      last.counts.argocd
    }, Kubernetes ${last.counts.kubernetes}, GitLab ${
      last.counts.gitlab
    }) | ${pageRequests} (Argo CD ${pageRuns[0]?.counts.argocd}, Kubernetes ${
      pageRuns[0]?.counts.kubernetes
    }, GitLab ${pageRuns[0]?.counts.gitlab}) | ${ratio(
      fleetRequests,
      pageRequests,
    )} |`,
  );
  console.log(
    `| source errors in the answers | ${
      last.withErrors
    } environments | ${pageRuns
      .map(r => r.sourceErrors)
      .join(', ')} per run | – |`,
  );
  console.log(
    `\nBound: clusters × kinds + instances × projects = ${SANDBOX_CLUSTERS.length} × ${KINDS_READ.length} + ${SANDBOX_ARGOCD_INSTANCES.length} × 1 = ${bound}; the snapshot counted ${counted.total} (Argo CD ${counted.argocd}, Kubernetes pages ${counted.kubernetes}, asked alone ${counted.alone}). A real API server paging at ${KUBERNETES_PAGE_SIZE} would send ${realPages} Kubernetes pages (longest list: ${slowestList.name}, ${slowestList.pages} pages one after the other); the sandbox sends each list whole.`,
  );
  console.log(
    `Fleet: ${last.rows} rows walked, ${last.unique} distinct; ${healths}.`,
  );
  for (const [message, count] of last.errorKinds) {
    console.log(`  ${count} × ${message}`);
  }
  for (const [message, count] of [...(pageRuns[0]?.errorKinds ?? [])]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)) {
    console.log(`  former page: ${count} × ${message}`);
  }
  console.log(
    `The same ${bound} lists fetched straight from the proxies (bodies read, nothing parsed, as many at once as the fleet asks): ${ms(
      aloneMs,
    )}.`,
  );
  console.log(
    `Runs (first page / whole fleet): ${fleetRuns
      .map(r => `${Math.round(r.firstPageMs)}/${Math.round(r.wholeMs)}`)
      .join(', ')} ms; stale first page: ${fleetRuns
      .map(r => Math.round(r.staleMs!))
      .join(', ')} ms; upstreams alone: ${aloneRuns
      .map(Math.round)
      .join(', ')} ms; former page: ${pageRuns
      .map(r => Math.round(r.ms))
      .join(', ')} ms.`,
  );

  await upstreams.stop();
  fs.rmSync(bench.dir, { recursive: true, force: true });
  // Keep-alive sockets of node's fetch would hold the process open.
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
