/** Nearest-rank percentile (p in 0–100) of samples; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  return {
    samples: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
  };
}

/**
 * The median of a list of figures (e.g. the same measurement over several rounds); for an even
 * count the mean of the two middle values, as a nearest rank would take the lower one and
 * flatter whichever side has the wider spread.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}
