import { median, percentile, summarize } from './percentiles';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
  });

  it('is NaN without samples and leaves the input unsorted', () => {
    const samples = [3, 1, 2];
    expect(percentile([], 50)).toBeNaN();
    expect(summarize(samples)).toEqual({ samples: 3, p50: 2, p95: 3 });
    expect(samples).toEqual([3, 1, 2]);
    expect(median([10, 30, 20])).toBe(20);
  });

  it('takes the mean of the two middle values of an even count', () => {
    expect(median([94.1, 116.2, 97.6, 111.3])).toBeCloseTo(104.45);
    expect(median([])).toBeNaN();
  });
});
