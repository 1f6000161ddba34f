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

/** The median of a list of figures (e.g. the same measurement over several rounds). */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
