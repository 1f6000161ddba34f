import {
  EnvironmentSloState,
  SloSummary,
  compareSloStates,
  worstSloState,
} from '@internal/plugin-datadog-slo-common';

function primaryBudget(slo: SloSummary): number {
  const primary = slo.timeframes.find(
    t => t.timeframe === slo.primaryTimeframe,
  );
  return primary?.errorBudgetRemaining ?? Number.POSITIVE_INFINITY;
}

/** Worst state first; within a state, the least budget left first; then by name. */
export function sortWorstFirst(slos: SloSummary[]): SloSummary[] {
  return [...slos].sort(
    (a, b) =>
      compareSloStates(a.state, b.state) ||
      primaryBudget(a) - primaryBudget(b) ||
      a.name.localeCompare(b.name),
  );
}

/** The worst state per `env:` tag, for the deploy-status matrix; SLOs without one are left out. */
export function rollupByEnvironment(slos: SloSummary[]): EnvironmentSloState[] {
  const byEnvironment = new Map<string, SloSummary[]>();
  for (const slo of slos) {
    if (slo.environment) {
      byEnvironment.set(slo.environment, [
        ...(byEnvironment.get(slo.environment) ?? []),
        slo,
      ]);
    }
  }
  return [...byEnvironment.entries()]
    .map(([environment, members]) => ({
      environment,
      state: worstSloState(members.map(s => s.state)) ?? 'no_data',
      sloCount: members.length,
    }))
    .sort((a, b) => a.environment.localeCompare(b.environment));
}
