import { CatalogClient } from '@backstage/catalog-client';
import { SeededRandom } from '../generate/seededRandom';
import { LatencySummary, summarize } from '../measure/percentiles';
import { createBrowserLikeFetch } from './browserLikeFetch';

/** The requests the catalog pages make, as the frontend (catalog-react 1.55) sends them. */
export interface CatalogWorkloadResult {
  listPage: LatencySummary;
  listCount: LatencySummary;
  listPageWithText: LatencySummary;
  facets: LatencySummary;
  byRefs50: LatencySummary;
  /** The same requests through Node's own fetch: what that client adds (see browserLikeFetch). */
  byRefs50NodeFetch: LatencySummary;
  entityPage: LatencySummary;
  /**
   * by-refs and the entity page once more with a signed-in user's token, the same refs and
   * entities: what the permission check adds (absent from results of earlier versions).
   */
  byRefs50AsUser?: LatencySummary;
  entityPageAsUser?: LatencySummary;
}

/** Fields the catalog table's search box filters on (EntityTextFilter in catalog-react). */
const TEXT_FILTER_FIELDS = [
  'metadata.name',
  'metadata.title',
  'spec.profile.displayName',
  'spec.target',
  'spec.targets',
];
const TEXT_TERMS = [
  'gateway',
  'sync',
  'payments',
  'ledger',
  'worker',
  'web-2',
  'tickets',
  'admin',
];

/** Facets the list page's pickers ask for (kind, type, lifecycle, tags, namespace, owner). */
const LIST_FACETS: Array<{ facet: string; ofComponents: boolean }> = [
  { facet: 'kind', ofComponents: false },
  { facet: 'spec.type', ofComponents: true },
  { facet: 'spec.lifecycle', ofComponents: true },
  { facet: 'metadata.tags', ofComponents: true },
  { facet: 'metadata.namespace', ofComponents: true },
  { facet: 'relations.ownedBy', ofComponents: true },
];

const COMPONENTS = { kind: 'component' };
const BY_NAME = [{ field: 'metadata.name', order: 'asc' as const }];

/**
 * Backstage's own catalog client, which the frontend uses too, so every request is serialised
 * exactly as the catalog pages send it; authenticated with `token`.
 */
function catalogClientFor(
  baseUrl: string,
  token: string,
  fetchImplementation: typeof fetch,
) {
  return new CatalogClient({
    discoveryApi: { getBaseUrl: async () => `${baseUrl}/api/catalog` },
    fetchApi: {
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${token}`);
        return fetchImplementation(input, { ...init, headers });
      },
    },
  });
}

async function timed(samples: number[], work: () => Promise<unknown>) {
  const started = performance.now();
  await work();
  samples.push(performance.now() - started);
}

interface WorkloadOptions {
  allRefs: string[];
  serviceRefs: string[];
  samples: number;
  warmup: number;
}

type Measure = (
  work: (round: number) => Promise<unknown>,
) => Promise<LatencySummary>;

/**
 * Sends each kind of request `warmup + samples` times, one at a time, and summarises the last
 * `samples` latencies. Variable parts (text terms, refs, the entity) are drawn from a seeded
 * source, so stock and portal answer the same sequence. Requests go through a browser-like client
 * (see browserLikeFetch), with the static service token, and by-refs and the entity page once
 * more with a signed-in user's `userToken`. At the end by-refs is measured once more as the
 * benchmark measured it before, through Node's fetch (which asks for gzip, not brotli, and gets
 * the next refs of the sequence), to keep earlier figures comparable.
 */
export async function runCatalogWorkload(
  options: WorkloadOptions & {
    baseUrl: string;
    token: string;
    userToken: string;
  },
): Promise<CatalogWorkloadResult> {
  const browserLike = createBrowserLikeFetch();
  try {
    return await runRequests(options, {
      catalog: catalogClientFor(
        options.baseUrl,
        options.token,
        browserLike.fetch,
      ),
      catalogThroughNodeFetch: catalogClientFor(
        options.baseUrl,
        options.token,
        fetch,
      ),
      catalogAsUser: catalogClientFor(
        options.baseUrl,
        options.userToken,
        browserLike.fetch,
      ),
    });
  } finally {
    browserLike.close();
  }
}

/**
 * by-refs of 50 random refs, and a service page: the entity by ref, then every entity its
 * relations point at (the about, relations and graph cards resolve those by refs).
 */
async function measureLookups(
  options: WorkloadOptions,
  catalog: CatalogClient,
  random: SeededRandom,
  measure: Measure,
) {
  const byRefs50 = await measure(() =>
    catalog.getEntitiesByRefs({
      entityRefs: random.sample(options.allRefs, 50),
    }),
  );
  const entityPage = await measure(async () => {
    const entity = await catalog.getEntityByRef(
      random.pick(options.serviceRefs),
    );
    const targets = new Set(entity?.relations?.map(r => r.targetRef));
    return catalog.getEntitiesByRefs({ entityRefs: [...targets] });
  });
  return { byRefs50, entityPage };
}

async function runRequests(
  options: WorkloadOptions,
  clients: Record<
    'catalog' | 'catalogThroughNodeFetch' | 'catalogAsUser',
    CatalogClient
  >,
): Promise<CatalogWorkloadResult> {
  const { catalog, catalogThroughNodeFetch, catalogAsUser } = clients;
  const seed = 42;
  const random = new SeededRandom(seed);
  const rounds = options.warmup + options.samples;

  const measure: Measure = async work => {
    const samples: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      if (round < options.warmup) await work(round);
      else await timed(samples, () => work(round));
    }
    return summarize(samples);
  };

  // The table's rows and its total are two requests, as catalog-react sends them: the page
  // without a count, and a count without rows.
  const listPage = await measure(() =>
    catalog.queryEntities({
      filter: COMPONENTS,
      limit: 20,
      orderFields: BY_NAME,
      totalItems: 'exclude',
    }),
  );
  const listCount = await measure(() =>
    catalog.queryEntities({ filter: COMPONENTS, limit: 0 }),
  );
  const listPageWithText = await measure(round =>
    catalog.queryEntities({
      filter: COMPONENTS,
      limit: 20,
      orderFields: BY_NAME,
      totalItems: 'exclude',
      fullTextFilter: {
        term: TEXT_TERMS[round % TEXT_TERMS.length],
        fields: TEXT_FILTER_FIELDS,
      },
    }),
  );
  const facets = await measure(round => {
    const { facet, ofComponents } = LIST_FACETS[round % LIST_FACETS.length];
    return catalog.getEntityFacets({
      facets: [facet],
      ...(ofComponents && { filter: COMPONENTS }),
    });
  });
  const { byRefs50, entityPage } = await measureLookups(
    options,
    catalog,
    random,
    measure,
  );
  const byRefs50NodeFetch = await measure(() =>
    catalogThroughNodeFetch.getEntitiesByRefs({
      entityRefs: random.sample(options.allRefs, 50),
    }),
  );
  // The same refs and entities as the service token's lookups, from the same seed.
  const asUser = await measureLookups(
    options,
    catalogAsUser,
    new SeededRandom(seed),
    measure,
  );
  return {
    listPage,
    listCount,
    listPageWithText,
    facets,
    byRefs50,
    byRefs50NodeFetch,
    entityPage,
    byRefs50AsUser: asUser.byRefs50,
    entityPageAsUser: asUser.entityPage,
  };
}
