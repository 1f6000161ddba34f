import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { FleetPage } from '@internal/plugin-deploy-status-common';
import { LRUCache } from 'lru-cache';
import { buildFleetSnapshot, FleetSources } from './buildFleetSnapshot';
import { fleetPage, FleetSnapshot } from './fleetPage';
import { ParsedFleetQuery } from './fleetQuery';

/** The shared cache's key of the snapshot; a new shape of it gets a new key. */
const SNAPSHOT_KEY = 'deploy-status:fleet:v1';

/** The oldest snapshot a page is answered from while a newer one is made; older ones wait for it. */
const MAX_STALE_MS = 5 * 60_000;

/** Callers whose visible services are kept (each a set of refs). */
const CALLERS_KEPT = 1000;

/** Who is asking, as far as the catalog's permissions go. */
function callerOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${
    principal.userEntityRef ?? principal.subject ?? ''
  }`;
}

/**
 * The catalog-wide Deployments view: a snapshot of every service in every environment, made at
 * most once per Kubernetes cache time (`deployStatus.cacheTtlSeconds.kubernetes`) through the
 * shared cache, so concurrent page requests and the replicas share one refresh. Once a replica
 * has a snapshot, pages are answered from it while the next one is made (the answer's
 * `generatedAt` says how old it is); only a replica that has none waits for the refresh. Each
 * page request keeps the services its caller may see in the catalog, asked with the caller's own
 * credentials and reused for the same cache time.
 */
export class FleetService {
  private kept?: { snapshot: FleetSnapshot; freshUntil: number };
  private refreshing?: Promise<FleetSnapshot>;
  private readonly visible: LRUCache<string, Promise<Set<string>>>;

  constructor(
    private readonly sources: FleetSources & { logger: LoggerService },
  ) {
    this.visible = new LRUCache({
      max: CALLERS_KEPT,
      ttl: this.ttlSeconds * 1000,
    });
  }

  private get ttlSeconds() {
    return this.sources.config.cacheTtlSeconds.kubernetes;
  }

  async getPage(
    query: ParsedFleetQuery,
    credentials: BackstageCredentials,
  ): Promise<FleetPage> {
    const [snapshot, visible] = await Promise.all([
      this.snapshot(),
      this.visibleServices(credentials),
    ]);
    return fleetPage(snapshot, visible, query);
  }

  private async snapshot(): Promise<FleetSnapshot> {
    const kept = this.kept;
    const now = Date.now();
    if (kept && kept.freshUntil > now) {
      return kept.snapshot;
    }
    if (kept && now - Date.parse(kept.snapshot.generatedAt) < MAX_STALE_MS) {
      // After this answer is on its way: a refresh starts with a burst of synchronous work.
      setImmediate(() =>
        this.refresh().catch(error =>
          this.sources.logger.warn('Could not refresh the fleet snapshot', {
            error: String(error),
          }),
        ),
      );
      return kept.snapshot;
    }
    return this.refresh();
  }

  /** One refresh at a time here; the shared cache has it once for every replica. */
  private refresh(): Promise<FleetSnapshot> {
    this.refreshing ??= this.sources.upstream.cache
      .get(SNAPSHOT_KEY, this.ttlSeconds, async () => {
        const started = Date.now();
        const built = await buildFleetSnapshot(this.sources);
        this.sources.logger.info('Refreshed the fleet snapshot', {
          services: built.rows.length,
          upstreamRequests: built.upstreamRequests.total,
          durationMs: Date.now() - started,
        });
        return built;
      })
      .then(snapshot => {
        this.kept = {
          snapshot,
          freshUntil: Date.parse(snapshot.generatedAt) + this.ttlSeconds * 1000,
        };
        return snapshot;
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  /** The services the caller may see, with their own credentials: nobody sees another's. */
  private visibleServices(
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const caller = callerOf(credentials);
    let refs = this.visible.get(caller);
    if (!refs) {
      refs = this.sources.catalog
        .getEntities(
          {
            filter: { kind: 'Component', 'spec.type': 'service' },
            fields: ['kind', 'metadata.namespace', 'metadata.name'],
          },
          { credentials },
        )
        .then(({ items }) => new Set(items.map(e => stringifyEntityRef(e))));
      this.visible.set(caller, refs);
      // A failed look-up is not kept.
      refs.catch(() => this.visible.delete(caller));
    }
    return refs;
  }
}
