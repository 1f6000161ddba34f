import {
  compareSloStates,
  errorBudgetRemaining,
  sloStateOf,
  worstSloState,
} from './states';

describe('SLO state rules', () => {
  it('orders breached, warning, no data, ok', () => {
    expect(
      (['ok', 'no_data', 'breached', 'warning'] as const)
        .slice()
        .sort(compareSloStates),
    ).toEqual(['breached', 'warning', 'no_data', 'ok']);
    expect(worstSloState(['ok', 'warning'])).toBe('warning');
    expect(worstSloState([])).toBeUndefined();
  });

  it('judges an SLI against target and warning as Datadog does', () => {
    expect(sloStateOf(null, 99)).toBe('no_data');
    expect(sloStateOf(98.9, 99, 99.5)).toBe('breached');
    expect(sloStateOf(99.2, 99, 99.5)).toBe('warning');
    expect(sloStateOf(99.5, 99, 99.5)).toBe('ok');
    expect(sloStateOf(99.2, 99)).toBe('ok');
  });

  it('computes the error budget remaining in percent of the budget', () => {
    expect(errorBudgetRemaining(99.95, 99.9)).toBeCloseTo(50);
    expect(errorBudgetRemaining(100, 99)).toBeCloseTo(100);
    expect(errorBudgetRemaining(98, 99)).toBeCloseTo(-100);
    expect(errorBudgetRemaining(null, 99)).toBeNull();
  });
});
