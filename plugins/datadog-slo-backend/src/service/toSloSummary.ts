import {
  SLO_TIMEFRAMES,
  SloBurnRate,
  SloState,
  SloSummary,
  SloTimeframe,
  SloTimeframeStatus,
  SloType,
  errorBudgetRemaining,
  sloStateOf,
} from '@internal/plugin-datadog-slo-common';
import {
  WireOverallStatus,
  WireSearchSloAttributes,
  WireSlo,
  WireThreshold,
} from '../client/wireTypes';

const STATES: ReadonlySet<string> = new Set([
  'ok',
  'warning',
  'breached',
  'no_data',
]);
const TYPES: ReadonlySet<string> = new Set(['metric', 'monitor', 'time_slice']);

function isTimeframe(value: string | undefined): value is SloTimeframe {
  return (SLO_TIMEFRAMES as readonly string[]).includes(value ?? '');
}

/** Thresholds Datadog evaluates, in 7d, 30d, 90d order (custom ones are history-only). */
export function sloThresholds(
  thresholds: WireThreshold[] | undefined,
): Array<WireThreshold & { timeframe: SloTimeframe }> {
  return SLO_TIMEFRAMES.flatMap(timeframe => {
    const found = thresholds?.find(t => t.timeframe === timeframe);
    return found ? [{ ...found, timeframe }] : [];
  });
}

/** The SLO's `env:` tag value; the first one when it has several. */
export function environmentOf(tags: string[]): string | undefined {
  const tag = tags.find(t => t.startsWith('env:'));
  return tag ? tag.slice('env:'.length) : undefined;
}

/** Link to the SLO's page in Datadog's web app. */
export function sloUrl(
  appBaseUrl: string,
  id: string,
  timeframe: SloTimeframe,
): string {
  return `${appBaseUrl}/slo?slo_id=${encodeURIComponent(
    id,
  )}&timeframe=${timeframe}`;
}

/**
 * The timeframe an SLO is primarily judged on: Datadog's `timeframe` when it has a threshold
 * there, else 30 days (the usual one; search answers carry `timeframe` only outside the schema),
 * else the first threshold's.
 */
export function primaryTimeframeOf(
  timeframe: string | undefined,
  available: SloTimeframe[],
): SloTimeframe {
  if (isTimeframe(timeframe) && available.includes(timeframe)) {
    return timeframe;
  }
  if (available.includes('30d')) {
    return '30d';
  }
  return available[0] ?? '30d';
}

/** Datadog's SLO type; an unknown one (a type added after this code) reads as metric. */
export function sloTypeOf(type: string | undefined): SloType {
  return TYPES.has(type ?? '') ? (type as SloType) : 'metric';
}

function assemble(options: {
  id: string;
  name: string | undefined;
  description: string | null | undefined;
  type: string | undefined;
  tags: string[];
  timeframe: string | undefined;
  statuses: SloTimeframeStatus[];
  burnRates: SloBurnRate[];
  appBaseUrl: string;
}): SloSummary {
  const primaryTimeframe = primaryTimeframeOf(
    options.timeframe,
    options.statuses.map(s => s.timeframe),
  );
  const primary = options.statuses.find(s => s.timeframe === primaryTimeframe);
  return {
    id: options.id,
    name: options.name || options.id,
    description: options.description || undefined,
    type: sloTypeOf(options.type),
    tags: options.tags,
    environment: environmentOf(options.tags),
    primaryTimeframe,
    timeframes: options.statuses,
    state: primary?.state ?? 'no_data',
    burnRates: options.burnRates,
    url: sloUrl(options.appBaseUrl, options.id, primaryTimeframe),
  };
}

/** Status of one timeframe from the search answer's `overall_status`, Datadog's own verdict. */
function statusFromOverall(
  threshold: WireThreshold & { timeframe: SloTimeframe },
  overall: WireOverallStatus | undefined,
): SloTimeframeStatus {
  const sli = overall?.status ?? null;
  const warning = threshold.warning ?? undefined;
  const state =
    overall?.state && STATES.has(overall.state)
      ? (overall.state as SloState)
      : sloStateOf(sli, threshold.target, warning);
  return {
    timeframe: threshold.timeframe,
    target: threshold.target,
    warning,
    sli,
    errorBudgetRemaining:
      overall?.error_budget_remaining ??
      errorBudgetRemaining(sli, threshold.target),
    state,
    error: overall?.error ?? undefined,
  };
}

/** An SLO found by `GET /api/v1/slo/search`, which carries its status per timeframe. */
export function summaryFromSearch(
  id: string,
  attributes: WireSearchSloAttributes & { timeframe?: string },
  burnRates: SloBurnRate[],
  appBaseUrl: string,
): SloSummary {
  const statuses = sloThresholds(attributes.thresholds).map(threshold =>
    statusFromOverall(
      threshold,
      attributes.overall_status?.find(s => s.timeframe === threshold.timeframe),
    ),
  );
  return assemble({
    id,
    name: attributes.name,
    description: attributes.description,
    type: attributes.slo_type,
    tags: attributes.all_tags ?? [],
    timeframe: attributes.timeframe,
    statuses,
    burnRates,
    appBaseUrl,
  });
}

/**
 * An SLO named by id: `GET /api/v1/slo` has no status, so each timeframe's SLI comes from a
 * history request over that timeframe (`slis`, null where it failed or had no data).
 */
export function summaryFromDefinition(
  slo: WireSlo & { id: string },
  slis: Partial<Record<SloTimeframe, number | null>>,
  burnRates: SloBurnRate[],
  appBaseUrl: string,
): SloSummary {
  const statuses = sloThresholds(slo.thresholds).map(threshold => {
    const sli = slis[threshold.timeframe] ?? null;
    const warning = threshold.warning ?? undefined;
    return {
      timeframe: threshold.timeframe,
      target: threshold.target,
      warning,
      sli,
      errorBudgetRemaining: errorBudgetRemaining(sli, threshold.target),
      state: sloStateOf(sli, threshold.target, warning),
    };
  });
  return assemble({
    id: slo.id,
    name: slo.name,
    description: slo.description,
    type: slo.type,
    tags: slo.tags ?? [],
    timeframe: slo.timeframe,
    statuses,
    burnRates,
    appBaseUrl,
  });
}
