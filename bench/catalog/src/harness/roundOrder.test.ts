import { roundOrder } from './roundOrder';

describe('roundOrder', () => {
  it('keeps the given order in odd rounds and reverses it in even ones', () => {
    const variants = ['stock', 'portal'] as const;
    expect([1, 2, 3, 4].map(round => roundOrder(variants, round))).toEqual([
      ['stock', 'portal'],
      ['portal', 'stock'],
      ['stock', 'portal'],
      ['portal', 'stock'],
    ]);
    expect(variants).toEqual(['stock', 'portal']);
  });
});
