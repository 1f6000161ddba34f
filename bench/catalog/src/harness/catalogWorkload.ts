import { SeededRandom } from '../generate/seededRandom';
import { LatencySummary, summarize } from '../measure/percentiles';

/** The requests the catalog pages make, as the frontend (catalog-react 1.55) sends them. */
export interface CatalogWorkloadResult {
  listPage: LatencySummary;
  listCount: LatencySummary;
  listPageWithText: LatencySummary;
  facets: LatencySummary;
  byRefs50: LatencySummary;
  entityPage: LatencySummary;
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
const LIST_FACETS: Array<{ facet: string; filter?: string }> = [
  { facet: 'kind' },
  { facet: 'spec.type', filter: 'kind=component' },
  { facet: 'spec.lifecycle', filter: 'kind=component' },
  { facet: 'metadata.tags', filter: 'kind=component' },
  { facet: 'metadata.namespace', filter: 'kind=component' },
  { facet: 'relations.ownedBy', filter: 'kind=component' },
];

class CatalogHttp {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async get(path: string): Promise<any> {
    return this.request(path, { method: 'GET' });
  }

  async post(path: string, body: unknown): Promise<any> {
    return this.request(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
  }

  private async request(path: string, init: RequestInit) {
    const res = await fetch(`${this.baseUrl}/api/catalog${path}`, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${this.token}` },
    });
    if (!res.ok) {
      throw new Error(
        `${init.method} ${path} answered ${res.status}: ${await res.text()}`,
      );
    }
    return res.json();
  }
}

async function timed(samples: number[], work: () => Promise<unknown>) {
  const started = performance.now();
  await work();
  samples.push(performance.now() - started);
}

/**
 * Sends each kind of request `warmup + samples` times, one at a time, and summarises the last
 * `samples` latencies. Variable parts (text terms, refs, the entity) are drawn from a seeded
 * source, so stock and portal answer the same sequence.
 */
export async function runCatalogWorkload(options: {
  baseUrl: string;
  token: string;
  allRefs: string[];
  serviceRefs: string[];
  samples: number;
  warmup: number;
}): Promise<CatalogWorkloadResult> {
  const http = new CatalogHttp(options.baseUrl, options.token);
  const random = new SeededRandom(42);
  const rounds = options.warmup + options.samples;

  const measure = async (work: (round: number) => Promise<unknown>) => {
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
    http.get(
      '/entities/by-query?filter=kind=component&limit=20&orderField=metadata.name,asc&totalItems=exclude',
    ),
  );
  const listCount = await measure(() =>
    http.get('/entities/by-query?filter=kind=component&limit=0'),
  );
  const listPageWithText = await measure(round => {
    const params = new URLSearchParams({
      filter: 'kind=component',
      limit: '20',
      orderField: 'metadata.name,asc',
      totalItems: 'exclude',
      fullTextFilterTerm: TEXT_TERMS[round % TEXT_TERMS.length],
    });
    TEXT_FILTER_FIELDS.forEach(field =>
      params.append('fullTextFilterFields', field),
    );
    return http.get(`/entities/by-query?${params}`);
  });
  const facets = await measure(round => {
    const { facet, filter } = LIST_FACETS[round % LIST_FACETS.length];
    const params = new URLSearchParams({ facet, ...(filter && { filter }) });
    return http.get(`/entity-facets?${params}`);
  });
  const byRefs50 = await measure(() =>
    http.post('/entities/by-refs', {
      entityRefs: random.sample(options.allRefs, 50),
    }),
  );
  // A service page: the entity by name, then every entity its relations point at (the about,
  // relations and graph cards resolve those by refs).
  const entityPage = await measure(async () => {
    const [kind, rest] = random.pick(options.serviceRefs).split(':');
    const [namespace, name] = rest.split('/');
    const entity = await http.get(
      `/entities/by-name/${kind}/${namespace}/${name}`,
    );
    const targets = [
      ...new Set<string>(
        entity.relations.map((r: { targetRef: string }) => r.targetRef),
      ),
    ];
    return http.post('/entities/by-refs', { entityRefs: targets });
  });
  return {
    listPage,
    listCount,
    listPageWithText,
    facets,
    byRefs50,
    entityPage,
  };
}
