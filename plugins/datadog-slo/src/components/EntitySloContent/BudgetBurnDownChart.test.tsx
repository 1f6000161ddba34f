import { historyResponse } from '../../__fixtures__/datadogSlo';
import { budgetTicks } from './BudgetBurnDownChart';

const withBudgets = (budgets: Array<number | null>) =>
  historyResponse({
    warningBudget: undefined,
    points: budgets.map((errorBudgetRemaining, i) => ({
      time: i,
      sli: null,
      errorBudgetRemaining,
    })),
  });

describe('budgetTicks', () => {
  it('spans 0 to 100 for a healthy SLO, so the target line is always drawn', () => {
    expect(budgetTicks(withBudgets([95, 80, null]))).toEqual([
      0, 20, 40, 60, 80, 100,
    ]);
  });

  it('extends below 0 on round numbers once the budget is spent', () => {
    expect(budgetTicks(withBudgets([100, 40, -35]))).toEqual([
      -40, -20, 0, 20, 40, 60, 80, 100,
    ]);
    const deep = budgetTicks(withBudgets([100, -900]));
    expect(deep[0]).toBeLessThanOrEqual(-900);
    expect(deep.length).toBeLessThanOrEqual(9);
  });
});
