import { SloState } from './types';

/**
 * Severity order, worst first. `no_data` ranks after `breached` and `warning`: it says nothing is
 * known, which on-call must look at, but a known breach comes first.
 */
const SEVERITY: Record<SloState, number> = {
  breached: 0,
  warning: 1,
  no_data: 2,
  ok: 3,
};

/** Sort comparator: worst state first. */
export function compareSloStates(a: SloState, b: SloState): number {
  return SEVERITY[a] - SEVERITY[b];
}

/** The worst of several states, or undefined when there are none. */
export function worstSloState(
  states: Iterable<SloState>,
): SloState | undefined {
  let worst: SloState | undefined;
  for (const state of states) {
    if (worst === undefined || compareSloStates(state, worst) < 0) {
      worst = state;
    }
  }
  return worst;
}

/** Zero counts for every state, so a rollup always has all four keys. */
export function emptySloStateCounts(): Record<SloState, number> {
  return { breached: 0, warning: 0, no_data: 0, ok: 0 };
}

/**
 * The state of an SLI against its thresholds, with Datadog's rules: below the target is
 * breached; below the warning (which sits above the target) is warning; no SLI is no data.
 */
export function sloStateOf(
  sli: number | null | undefined,
  target: number,
  warning?: number,
): SloState {
  if (sli === null || sli === undefined || Number.isNaN(sli)) {
    return 'no_data';
  }
  if (sli < target) {
    return 'breached';
  }
  if (warning !== undefined && sli < warning) {
    return 'warning';
  }
  return 'ok';
}

/**
 * Error budget remaining in percent, as Datadog computes it: the share of the allowed
 * unreliability (100 - target) not yet spent. Negative once the SLO is breached.
 */
export function errorBudgetRemaining(
  sli: number | null | undefined,
  target: number,
): number | null {
  if (sli === null || sli === undefined || Number.isNaN(sli) || target >= 100) {
    return null;
  }
  return ((sli - target) / (100 - target)) * 100;
}
