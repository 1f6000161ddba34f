/** What both benchmarks of this package share: arguments, percentiles, rows, exiting. */

/** `--name value` from the command line, or `fallback`. */
export function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

/** One table row: label, samples, median and p95 in seconds. */
export function row(label: string, samples: number[], width = 48): string {
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return `${label.padEnd(width)} ${String(samples.length).padStart(4)} ${fmt(
    percentile(samples, 50),
  ).padStart(9)} ${fmt(percentile(samples, 95)).padStart(9)}`;
}

/**
 * Runs a benchmark and exits explicitly: a stopped test backend leaves timers behind (the
 * catalog's processing loop, the scaffolder's task worker) that would keep the process alive.
 */
export function runBenchmark(main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    error => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
