import { SloType } from '@internal/plugin-datadog-slo-common';
import { WireHistoryResponse } from '../client/wireTypes';

/**
 * Arithmetic on an SLO history answer. Metric SLOs come as series of good (numerator) and total
 * (denominator) event counts; monitor and time-slice SLOs as state transitions
 * `[epoch seconds, 0 up | 1 down | 2 no data]`. Both reduce to good and total amounts over a
 * time range. No data counts as uptime for time-slice SLOs (Datadog's rule); for monitor SLOs it
 * depends on the monitor's settings, which the history does not carry, so it is left out of both
 * sides there: the portal's monitor burn rates may differ from Datadog's while data is missing.
 */

export type History = NonNullable<WireHistoryResponse['data']>;

/** Good and total amounts (events, or seconds of up/known time) between two epoch-ms instants. */
export interface GoodTotal {
  good: number;
  total: number;
}

/** Sums a metric SLO's series over points with `fromMs < time <= toMs`. */
function metricBetween(
  series: NonNullable<History['series']>,
  fromMs: number,
  toMs: number,
): GoodTotal {
  let good = 0;
  let total = 0;
  series.times.forEach((time, i) => {
    if (time > fromMs && time <= toMs) {
      good += series.numerator.values[i] ?? 0;
      total += series.denominator.values[i] ?? 0;
    }
  });
  return { good, total };
}

/** Up and counted seconds of a transition history between two epoch-ms instants. */
function transitionsBetween(
  transitions: Array<[number, number]>,
  noDataIsUp: boolean,
  endOfDataMs: number,
  fromMs: number,
  toMs: number,
): GoodTotal {
  let good = 0;
  let total = 0;
  transitions.forEach(([atSeconds, state], i) => {
    const start = Math.max(atSeconds * 1000, fromMs);
    const nextAt = transitions[i + 1]?.[0];
    const end = Math.min(
      nextAt === undefined ? endOfDataMs : nextAt * 1000,
      toMs,
    );
    if (end <= start || (state === 2 && !noDataIsUp)) {
      return;
    }
    total += end - start;
    if (state !== 1) {
      good += end - start;
    }
  });
  return { good: good / 1000, total: total / 1000 };
}

/** Good and total of a history answer between two epoch-ms instants. */
export function goodTotalBetween(
  history: History,
  type: SloType,
  fromMs: number,
  toMs: number,
): GoodTotal {
  if (history.series) {
    return metricBetween(history.series, fromMs, toMs);
  }
  const transitions = history.overall?.history ?? [];
  const endOfDataMs = (history.to_ts ?? toMs / 1000) * 1000;
  return transitionsBetween(
    transitions,
    type === 'time_slice',
    endOfDataMs,
    fromMs,
    toMs,
  );
}

/**
 * The shortest window a history can say something about: metric series come in buckets of
 * `series.interval` seconds (Datadog picks it from the queried range), and a window shorter than
 * two buckets would rest on one, possibly partial, bucket. Transitions are exact.
 */
export function shortestWindowMs(history: History): number {
  const interval = history.series?.interval;
  return interval ? 2 * interval * 1000 : 0;
}

/** SLI in percent, or null when nothing is known. */
export function sliOf({ good, total }: GoodTotal): number | null {
  return total > 0 ? (good / total) * 100 : null;
}
