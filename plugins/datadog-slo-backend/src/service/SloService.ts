import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  ANNOTATION_DATADOG_SLO_QUERY,
  readDatadogSlos,
} from '@internal/catalog-model-platform';
import {
  EntitySlosResponse,
  SloHistoryResponse,
  SloProblem,
  SloTimeframe,
  errorBudgetRemaining,
} from '@internal/plugin-datadog-slo-common';
import {
  DatadogConnection,
  SingleFlight,
  TolerantCache,
  UpstreamHttp,
} from '@internal/upstream-node';
import { DatadogSloClient } from '../client/DatadogSloClient';
import { toSloProblem } from '../client/toSloProblem';
import { DatadogSloSettings } from '../config/readDatadogSloSettings';
import { budgetBurnDown } from './budgetBurnDown';
import { fetchSelectionSlos, SloSelection } from './fetchSelectionSlos';
import { rollupByEnvironment, sortWorstFirst } from './ordering';
import { TIMEFRAME_SECONDS } from './timeframes';

/** A cached answer: served without asking Datadog until `freshUntil`, kept to be shown stale
 * until `keepUntil` (counted from the last answer Datadog actually gave). */
interface CacheEntry<T> {
  value: T;
  freshUntil: number;
  keepUntil: number;
}

/** Past its freshness an answer is kept this long, to be shown (marked stale) when Datadog fails. */
const KEEP_FOR_STALE_MS = 60 * 60 * 1000;
/** A failed answer is reused this long, so a Datadog outage is not hammered by every page view. */
const FAILURE_FRESH_MS = 10 * 1000;

/** Problems that say Datadog is down or busy (as opposed to what the annotation selects). */
const TRANSIENT: ReadonlySet<SloProblem['kind']> = new Set([
  'timeout',
  'unreachable',
  'rate-limited',
  'upstream',
]);

/**
 * Whether Datadog failed for the whole answer. A failed history of one SLO only costs that SLO
 * its burn rates; refreshing every SLO sooner for it would make a rate limit worse.
 */
function wholeAnswerFailed(problems: SloProblem[]): boolean {
  return problems.some(p => !p.sloId && TRANSIENT.has(p.kind));
}

/**
 * An entity's SLOs and an SLO's burn-down, through the backend {@link CacheService}: shared by
 * every replica when the cache store is (Redis, Memcache), per process otherwise. Concurrent
 * requests for the same selection wait for one Datadog round instead of starting their own. The
 * cache is an optimisation: when its store fails, Datadog is asked and the failure logged.
 */
export class SloService {
  private readonly flights = new SingleFlight();
  private readonly client?: DatadogSloClient;
  private readonly connection: DatadogConnection;
  private readonly settings: DatadogSloSettings;
  private readonly cache: TolerantCache;
  private readonly logger: LoggerService;
  private readonly now: () => number;

  constructor(options: {
    /** The upstream layer's `datadog`. */
    connection: DatadogConnection;
    /** The upstream layer's `http`: every request to Datadog goes through it. */
    http: UpstreamHttp;
    settings: DatadogSloSettings;
    cache: CacheService;
    logger: LoggerService;
    now?: () => number;
  }) {
    this.connection = options.connection;
    this.settings = options.settings;
    this.cache = new TolerantCache(
      options.cache,
      options.logger,
      'the SLO cache',
    );
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    if (options.connection.configured) {
      this.client = new DatadogSloClient(options.connection, options.http, {
        maxConcurrentRequests: options.settings.maxConcurrentRequests,
      });
    }
  }

  async getEntitySlos(entity: Entity): Promise<EntitySlosResponse> {
    const entityRef = stringifyEntityRef(entity);
    const base = {
      entityRef,
      configured: this.connection.configured,
      site: this.connection.site,
      slos: [],
      environments: [],
      fetchedAt: new Date(this.now()).toISOString(),
      stale: false,
    };
    const selection = readDatadogSlos(entity);
    if (!selection) {
      return {
        ...base,
        problems: [
          {
            kind: 'missing-annotation',
            annotation: ANNOTATION_DATADOG_SLO_QUERY,
            message: `${entityRef} has no ${ANNOTATION_DATADOG_SLO_QUERY} annotation (a Datadog tag query such as service:${entity.metadata.name}) and no datadoghq.com/slo-ids.`,
          },
        ],
      };
    }
    const connection = this.connection;
    const client = this.client;
    if (!connection.configured || !client) {
      const reason = connection.configured ? '' : connection.reason;
      return {
        ...base,
        problems: [{ kind: 'not-configured', message: reason }],
      };
    }
    const answer = await this.cached(
      `slos:v2:${connection.site}:${JSON.stringify(selection)}`,
      this.settings.cacheSeconds,
      () => this.fetchSlos(client, connection.appBaseUrl, base, selection),
      (fresh, previous) =>
        fresh.slos.length === 0 &&
        wholeAnswerFailed(fresh.problems) &&
        previous &&
        previous.slos.length > 0
          ? { ...previous, stale: true, problems: fresh.problems }
          : undefined,
    );
    return { ...answer, entityRef };
  }

  async getSloHistory(
    entity: Entity,
    sloId: string,
    timeframe: SloTimeframe,
  ): Promise<SloHistoryResponse> {
    const { slos } = await this.getEntitySlos(entity);
    const slo = slos.find(s => s.id === sloId);
    const client = this.client;
    if (!slo || !client) {
      throw new NotFoundError(
        `SLO ${sloId} is not one of ${stringifyEntityRef(entity)}'s SLOs`,
      );
    }
    const threshold =
      slo.timeframes.find(t => t.timeframe === timeframe) ??
      slo.timeframes.find(t => t.timeframe === slo.primaryTimeframe);
    const target = threshold?.target ?? 99.9;
    return this.cached(
      `slo-history:v2:${this.connection.site}:${sloId}:${timeframe}:${target}`,
      this.settings.historyCacheSeconds,
      async () => {
        const toTime = this.now();
        const fromTime = toTime - TIMEFRAME_SECONDS[timeframe] * 1000;
        const answer: SloHistoryResponse = {
          sloId,
          timeframe,
          target,
          warning: threshold?.warning,
          warningBudget:
            threshold?.warning !== undefined
              ? errorBudgetRemaining(threshold.warning, target) ?? undefined
              : undefined,
          fromTime,
          toTime,
          points: [],
          note:
            threshold && threshold.timeframe !== timeframe
              ? `${slo.name} has no ${timeframe} target; the budget is drawn against its ${threshold.timeframe} target of ${target} %.`
              : undefined,
          problems: [],
          fetchedAt: new Date(toTime).toISOString(),
          stale: false,
        };
        try {
          const history = await client.getSloHistory(
            sloId,
            fromTime / 1000,
            toTime / 1000,
          );
          answer.points = budgetBurnDown(
            history.data,
            slo.type,
            target,
            fromTime,
            toTime,
          );
        } catch (error) {
          answer.problems.push(toSloProblem(error, { sloId }));
        }
        return answer;
      },
      (fresh, previous) =>
        fresh.problems.some(p => TRANSIENT.has(p.kind)) &&
        previous?.points.length
          ? { ...previous, stale: true, problems: fresh.problems }
          : undefined,
    );
  }

  private async fetchSlos(
    client: DatadogSloClient,
    appBaseUrl: string,
    base: Omit<EntitySlosResponse, 'problems'>,
    selection: SloSelection,
  ): Promise<EntitySlosResponse> {
    const { slos, problems } = await fetchSelectionSlos(
      client,
      selection,
      appBaseUrl,
      this.now(),
    );
    if (problems.length > 0) {
      // One line per refresh, not per problem: an outage would otherwise log one per SLO.
      this.logger.warn(
        `Datadog SLOs of ${base.entityRef}: ${problems.length} problem(s), first: ${problems[0].message}`,
      );
    }
    const sorted = sortWorstFirst(slos);
    return {
      ...base,
      fetchedAt: new Date(this.now()).toISOString(),
      slos: sorted,
      environments: rollupByEnvironment(sorted),
      problems: dedupe(problems),
    };
  }

  /**
   * Serves `key` from the cache while fresh; otherwise computes it once for all concurrent
   * callers. When `staleFrom` turns a failed answer into the previous one marked stale, that is
   * served, and kept only as long as the previous answer was to be kept.
   */
  private async cached<T extends { problems: SloProblem[] }>(
    key: string,
    freshSeconds: number,
    compute: () => Promise<T>,
    staleFrom: (fresh: T, previous: T | undefined) => T | undefined,
  ): Promise<T> {
    const entry = await this.cache.get<CacheEntry<T>>(key);
    if (entry && entry.freshUntil > this.now()) {
      return entry.value;
    }
    return this.flights.run(key, async () => {
      const fresh = await compute();
      const previous =
        entry && entry.keepUntil > this.now() ? entry.value : undefined;
      const stale = staleFrom(fresh, previous);
      const value = stale ?? fresh;
      const now = this.now();
      const failed = stale !== undefined || wholeAnswerFailed(fresh.problems);
      const next: CacheEntry<T> = {
        value,
        freshUntil: now + (failed ? FAILURE_FRESH_MS : freshSeconds * 1000),
        keepUntil:
          stale !== undefined && entry
            ? entry.keepUntil
            : now + KEEP_FOR_STALE_MS,
      };
      await this.cache.set(key, next, next.keepUntil - this.now());
      return value;
    });
  }
}

function dedupe(problems: SloProblem[]): SloProblem[] {
  const seen = new Set<string>();
  return problems.filter(problem => {
    const key = `${problem.kind}:${problem.sloId ?? ''}:${problem.message}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
