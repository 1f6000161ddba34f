/** What both benchmarks of this package share: arguments, percentiles, rows, exiting. */
import { parseArgs } from 'node:util';

/**
 * The `--name value` flags of a benchmark, each `defaults[name]` when not given. Any other flag
 * stops the benchmark with its usage.
 */
export function readArgs<T extends string>(
  command: string,
  defaults: Record<T, string>,
): Record<T, string> {
  const names = Object.keys(defaults) as T[];
  const options: Record<string, { type: 'string'; default: string }> =
    Object.fromEntries(
      names.map(name => [name, { type: 'string', default: defaults[name] }]),
    );
  try {
    return parseArgs({ strict: true, options }).values as Record<T, string>;
  } catch (error) {
    const flags = names.map(name => `[--${name} ${defaults[name]}]`);
    process.stderr.write(
      `${(error as Error).message}\nUsage: ${command} ${flags.join(' ')}\n`,
    );
    return process.exit(2);
  }
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
