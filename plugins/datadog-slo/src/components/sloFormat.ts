import { SloBurnRate, SloProblem } from '@internal/plugin-datadog-slo-common';

const NO_VALUE = '—';

function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** A target or threshold as the SLO defines it, e.g. `99.9 %`. */
export function formatTarget(target: number | undefined): string {
  return target === undefined ? NO_VALUE : `${target} %`;
}

/**
 * An SLI with one more decimal than its target, rounded down: rounding up could show a
 * breached 99.8996 as "99.9 %" next to a 99.9 % target.
 */
export function formatSli(sli: number | null, target: number): string {
  if (sli === null) return NO_VALUE;
  const decimals = Math.max(2, decimalsOf(target) + 1);
  const factor = 10 ** decimals;
  // The epsilon keeps binary floating point from turning 99.82 into 99.81.
  const truncated = Math.floor(sli * factor + 1e-6) / factor;
  return `${truncated.toFixed(decimals).replace(/\.?0+$/, '')} %`;
}

/** Error budget remaining; negative once the SLO is breached. */
export function formatBudget(budget: number | null): string {
  return budget === null ? NO_VALUE : `${budget.toFixed(1)} %`;
}

/** Burn rates of the given windows, e.g. `burn 1h 3.2×, 6h 1.1×`. */
export function formatBurnRates(
  burnRates: SloBurnRate[],
  windows: string[] = ['1h', '6h'],
): string {
  const parts = windows.map(window => {
    const rate = burnRates.find(b => b.window === window)?.rate;
    return `${window} ${
      rate === null || rate === undefined ? NO_VALUE : `${rate.toFixed(1)}×`
    }`;
  });
  return `burn ${parts.join(', ')}`;
}

export function formatTime(epochMsOrIso: number | string): string {
  return new Date(epochMsOrIso).toLocaleString();
}

export function formatDay(epochMs: number): string {
  return new Date(epochMs).toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
  });
}

/** A problem's message, naming the SLO when it concerns one. */
export function describeProblem(problem: SloProblem): string {
  return problem.sloId
    ? `SLO ${problem.sloId}: ${problem.message}`
    : problem.message;
}
