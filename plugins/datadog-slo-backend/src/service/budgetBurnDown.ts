import { SloBudgetPoint, SloType } from '@internal/plugin-datadog-slo-common';
import { WireHistoryResponse } from '../client/wireTypes';
import { goodTotalBetween, sliOf } from './historyMath';

/** Enough points for a chart several hundred pixels wide; more only costs bytes. */
const POINTS = 200;

/**
 * The error budget over a timeframe, burning down: the budget is the bad amount the target allows
 * over the whole window (`(1 - target) x total`), and at each instant the line shows what is left
 * of it after the bad events (or downtime) so far. It starts at 100 %, only falls, and ends at the
 * budget remaining Datadog reports for the window. `sli` is the SLI from the window start to the
 * instant, for the tooltip.
 */
export function budgetBurnDown(
  history: WireHistoryResponse['data'],
  type: SloType,
  targetPercent: number,
  fromMs: number,
  toMs: number,
): SloBudgetPoint[] {
  if (!history) {
    return [];
  }
  const whole = goodTotalBetween(history, type, fromMs, toMs);
  const budget = (1 - targetPercent / 100) * whole.total;
  const step = (toMs - fromMs) / POINTS;
  const points: SloBudgetPoint[] = [];
  // Summing from the window start for each point keeps the code obvious; 200 x a few thousand
  // samples is well under a millisecond next to the Datadog request.
  for (let i = 1; i <= POINTS; i++) {
    const time = Math.round(fromMs + step * i);
    const sofar = goodTotalBetween(history, type, fromMs, time);
    const bad = sofar.total - sofar.good;
    points.push({
      time,
      sli: sliOf(sofar),
      errorBudgetRemaining: budget > 0 ? (1 - bad / budget) * 100 : null,
    });
  }
  return points;
}
