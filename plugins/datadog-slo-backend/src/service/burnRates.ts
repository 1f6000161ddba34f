import { SloBurnRate, SloType } from '@internal/plugin-datadog-slo-common';
import { WireHistoryResponse } from '../client/wireTypes';
import { goodTotalBetween, shortestWindowMs } from './historyMath';

/** The windows of multi-window burn-rate alerting: fast (1h, 6h) and slow (1d, 3d) burns. */
export const BURN_RATE_WINDOWS: ReadonlyArray<{
  label: string;
  seconds: number;
}> = [
  { label: '1h', seconds: 3600 },
  { label: '6h', seconds: 6 * 3600 },
  { label: '1d', seconds: 24 * 3600 },
  { label: '3d', seconds: 3 * 24 * 3600 },
];

/** How far back one history request must reach to compute every burn rate. */
export const BURN_RATE_HISTORY_SECONDS = Math.max(
  ...BURN_RATE_WINDOWS.map(w => w.seconds),
);

/**
 * Burn rate per window: the share of bad events (or downtime) in the window divided by the share
 * the target allows. 1 spends the budget exactly over the SLO's timeframe; 14.4 over one hour
 * spends 2 % of a 30-day budget, the usual paging threshold. Null where the window holds no
 * data, or is shorter than the history's resolution.
 */
export function burnRates(
  history: WireHistoryResponse['data'],
  type: SloType,
  targetPercent: number,
  nowMs: number,
): SloBurnRate[] {
  const allowedBadShare = 1 - targetPercent / 100;
  return BURN_RATE_WINDOWS.map(({ label, seconds }) => {
    const windowMs = seconds * 1000;
    if (
      !history ||
      allowedBadShare <= 0 ||
      windowMs < shortestWindowMs(history)
    ) {
      return { window: label, windowSeconds: seconds, rate: null };
    }
    const { good, total } = goodTotalBetween(
      history,
      type,
      nowMs - windowMs,
      nowMs,
    );
    const rate = total > 0 ? (1 - good / total) / allowedBadShare : null;
    return { window: label, windowSeconds: seconds, rate };
  });
}
