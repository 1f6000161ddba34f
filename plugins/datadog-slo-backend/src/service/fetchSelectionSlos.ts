import {
  ANNOTATION_DATADOG_SLO_IDS,
  ANNOTATION_DATADOG_SLO_QUERY,
} from '@internal/catalog-model-platform';
import {
  SloBurnRate,
  SloProblem,
  SloSummary,
  SloTimeframe,
  SloType,
  compareSloStates,
} from '@internal/plugin-datadog-slo-common';
import { DatadogSloClient } from '../client/DatadogSloClient';
import { isRefusedRequest, toSloProblem } from '../client/toSloProblem';
import { WireSearchSloAttributes, WireSlo } from '../client/wireTypes';
import { BURN_RATE_HISTORY_SECONDS, burnRates } from './burnRates';
import { TIMEFRAME_SECONDS } from './timeframes';
import {
  primaryTimeframeOf,
  sloThresholds,
  sloTypeOf,
  summaryFromDefinition,
  summaryFromSearch,
} from './toSloSummary';
import { validateTagQuery } from './validateTagQuery';

/** An entity's SLO annotations, as `readDatadogSlos` returns them. */
export interface SloSelection {
  query?: string;
  ids: string[];
}

export interface SelectionSlos {
  slos: SloSummary[];
  problems: SloProblem[];
}

const SEARCH_PAGE_SIZE = 50;
/** 500 SLOs; an annotation matching more is almost certainly too broad. */
const SEARCH_MAX_PAGES = 10;
/** Burn rates cost one history request per SLO; past this many, only the worst SLOs get them. */
const MAX_BURN_RATE_SLOS = 50;

type SearchHit = { id: string; attributes: WireSearchSloAttributes };

/** What a burn-rate history request needs to know about one SLO. */
interface BurnRateTarget {
  id: string;
  type: SloType;
  target: number | undefined;
}

/**
 * Reads the SLOs an entity's annotations select, asking Datadog as little and as much in
 * parallel as it can: one search (all SLOs of a tag query with Datadog's status per timeframe,
 * page after page), one list request for explicit ids, then one history request per SLO for its
 * burn rates, all at once. What fails becomes a problem beside what succeeded; problems about the
 * whole selection carry no `sloId`.
 */
export async function fetchSelectionSlos(
  client: DatadogSloClient,
  selection: SloSelection,
  appBaseUrl: string,
  nowMs: number,
): Promise<SelectionSlos> {
  const problems: SloProblem[] = [];
  const [hits, definitions] = await Promise.all([
    selection.query !== undefined
      ? searchAll(client, selection.query, problems)
      : Promise.resolve([]),
    selection.ids.length > 0
      ? listByIds(client, selection.ids, problems)
      : Promise.resolve([]),
  ]);
  const found = new Set(hits.map(hit => hit.id));
  const byId = definitions.filter(slo => !found.has(slo.id));

  // Search answers already carry Datadog's verdict, so the worst SLOs get burn rates first.
  const searchSummaries = hits
    .map(hit => summaryFromSearch(hit.id, hit.attributes, [], appBaseUrl))
    .sort((a, b) => compareSloStates(a.state, b.state));
  const withRates = new Set(
    [...searchSummaries.map(s => s.id), ...byId.map(s => s.id)].slice(
      0,
      MAX_BURN_RATE_SLOS,
    ),
  );
  if (searchSummaries.length + byId.length > MAX_BURN_RATE_SLOS) {
    problems.push({
      kind: 'bad-annotation',
      annotation:
        selection.query !== undefined
          ? ANNOTATION_DATADOG_SLO_QUERY
          : ANNOTATION_DATADOG_SLO_IDS,
      message: `This entity selects ${
        searchSummaries.length + byId.length
      } SLOs; burn rates are shown for the ${MAX_BURN_RATE_SLOS} worst only. Narrow the annotation.`,
    });
  }
  const ratesOf = (target: BurnRateTarget) =>
    withRates.has(target.id)
      ? burnRatesOf(client, target, nowMs, problems)
      : Promise.resolve([]);

  const fromSearch = searchSummaries.map(async summary => ({
    ...summary,
    burnRates: await ratesOf({
      id: summary.id,
      type: summary.type,
      target: summary.timeframes.find(
        t => t.timeframe === summary.primaryTimeframe,
      )?.target,
    }),
  }));
  const fromIds = byId.map(async slo => {
    const thresholds = sloThresholds(slo.thresholds);
    const primary = primaryTimeframeOf(
      slo.timeframe,
      thresholds.map(t => t.timeframe),
    );
    const [rates, ...slis] = await Promise.all([
      ratesOf({
        id: slo.id,
        type: sloTypeOf(slo.type),
        target: thresholds.find(t => t.timeframe === primary)?.target,
      }),
      ...thresholds.map(t =>
        sliOver(client, slo.id, t.timeframe, nowMs, problems),
      ),
    ]);
    const byTimeframe = Object.fromEntries(
      thresholds.map((t, i) => [t.timeframe, slis[i]]),
    );
    return summaryFromDefinition(slo, byTimeframe, rates, appBaseUrl);
  });

  const slos = await Promise.all([...fromSearch, ...fromIds]);
  return { slos, problems };
}

async function searchAll(
  client: DatadogSloClient,
  query: string,
  problems: SloProblem[],
): Promise<SearchHit[]> {
  const invalid = validateTagQuery(query);
  if (invalid) {
    problems.push({
      kind: 'bad-annotation',
      annotation: ANNOTATION_DATADOG_SLO_QUERY,
      message: `The annotation ${ANNOTATION_DATADOG_SLO_QUERY} ('${query}') is not a valid Datadog tag query: ${invalid}. Example: service:checkout-api`,
    });
    return [];
  }
  const hits: SearchHit[] = [];
  try {
    for (let page = 0; page < SEARCH_MAX_PAGES; page++) {
      const answer = await client.searchSlos(query, page, SEARCH_PAGE_SIZE);
      const slos = answer.data?.attributes?.slos ?? [];
      for (const slo of slos) {
        if (slo.data?.id && slo.data.attributes) {
          hits.push({ id: slo.data.id, attributes: slo.data.attributes });
        }
      }
      // Datadog sets next_number and links.next even on the last page (see the recorded
      // answer); last_number and a short page are what say the pages have ended.
      const last = answer.meta?.pagination?.last_number;
      if (
        slos.length < SEARCH_PAGE_SIZE ||
        (last !== undefined && page >= last)
      ) {
        return hits;
      }
    }
    problems.push({
      kind: 'bad-annotation',
      annotation: ANNOTATION_DATADOG_SLO_QUERY,
      message: `The annotation ${ANNOTATION_DATADOG_SLO_QUERY} ('${query}') matches more than ${hits.length} SLOs; the first ${hits.length} are shown. Narrow the query.`,
    });
  } catch (error) {
    if (isRefusedRequest(error)) {
      problems.push({
        kind: 'bad-annotation',
        annotation: ANNOTATION_DATADOG_SLO_QUERY,
        message: `Datadog refused the query of annotation ${ANNOTATION_DATADOG_SLO_QUERY} ('${query}'): ${
          (error as Error).message
        }`,
      });
    } else {
      problems.push(toSloProblem(error));
    }
  }
  return hits;
}

async function listByIds(
  client: DatadogSloClient,
  ids: string[],
  problems: SloProblem[],
): Promise<Array<WireSlo & { id: string }>> {
  try {
    const answer = await client.listSlos(ids);
    const slos = (answer.data ?? []).filter(
      (slo): slo is WireSlo & { id: string } => Boolean(slo.id),
    );
    const returned = new Set(slos.map(slo => slo.id));
    for (const id of ids.filter(i => !returned.has(i))) {
      problems.push({
        kind: 'not-found',
        sloId: id,
        annotation: ANNOTATION_DATADOG_SLO_IDS,
        message: `Datadog has no SLO with id '${id}' (annotation ${ANNOTATION_DATADOG_SLO_IDS}); it may have been deleted.`,
      });
    }
    return slos;
  } catch (error) {
    const refused = isRefusedRequest(error);
    problems.push(
      toSloProblem(error, {
        annotation: ANNOTATION_DATADOG_SLO_IDS,
        ...(refused
          ? {
              kind: 'bad-annotation',
              message: `Datadog refused the ids of annotation ${ANNOTATION_DATADOG_SLO_IDS} ('${ids.join(
                ',',
              )}'): ${(error as Error).message}`,
            }
          : {}),
      }),
    );
    return [];
  }
}

async function burnRatesOf(
  client: DatadogSloClient,
  slo: BurnRateTarget,
  nowMs: number,
  problems: SloProblem[],
): Promise<SloBurnRate[]> {
  if (slo.target === undefined) {
    return [];
  }
  const to = nowMs / 1000;
  try {
    const history = await client.getSloHistory(
      slo.id,
      to - BURN_RATE_HISTORY_SECONDS,
      to,
    );
    return burnRates(history.data, slo.type, slo.target, nowMs);
  } catch (error) {
    problems.push(
      toSloProblem(error, {
        sloId: slo.id,
        message: `Burn rates of SLO ${slo.id} are unknown: ${
          toSloProblem(error).message
        }`,
      }),
    );
    return [];
  }
}

async function sliOver(
  client: DatadogSloClient,
  sloId: string,
  timeframe: SloTimeframe,
  nowMs: number,
  problems: SloProblem[],
): Promise<number | null> {
  const to = nowMs / 1000;
  try {
    const history = await client.getSloHistory(
      sloId,
      to - TIMEFRAME_SECONDS[timeframe],
      to,
    );
    return history.data?.overall?.sli_value ?? null;
  } catch (error) {
    problems.push(
      toSloProblem(error, {
        sloId,
        message: `The ${timeframe} SLI of SLO ${sloId} is unknown: ${
          toSloProblem(error).message
        }`,
      }),
    );
    return null;
  }
}
