import { quoteValue } from './quoteValue';

describe('quoteValue', () => {
  it('quotes a short value whole', () => {
    expect(quoteValue('checkout-api')).toBe('"checkout-api"');
  });

  it('cuts a long value to 100 characters and says how long it was', () => {
    const quoted = quoteValue('x'.repeat(10_000));
    expect(quoted).toBe(`"${'x'.repeat(100)}"… (10000 characters)`);
    expect(quoted.length).toBeLessThan(130);
  });
});
