import { LatencySummary, median } from '../measure/percentiles';
import type { CatalogWorkloadResult } from './catalogWorkload';
import type { BenchDatabase, BenchVariant } from './benchConfig';
import type { CpuTimes } from '../measure/cpuTime';
import type { PostgresActivityDelta } from './postgres';

export interface BenchResult extends CatalogWorkloadResult {
  round: number;
  database: BenchDatabase;
  variant: BenchVariant;
  entities: number;
  startupMs: number;
  loadedMs: number;
  /** Results of earlier harness versions lack the load's breakdown (the report shows a dash). */
  processedMs?: number;
  /** CPU time spent from readiness until loaded. */
  loadCpu?: CpuTimes;
  loadPostgres?: PostgresActivityDelta;
  relations: number;
  entitiesWithErrors: number;
  rssAfterLoadMiB: number;
  rssMiB: number;
  peakRssMiB: number;
}

interface Figure {
  label: string;
  /** Its column in the table of loads in run order. */
  column?: string;
  unit: string;
  /** NaN (shown as a dash) where results of earlier harness versions lack the figure. */
  value: (r: BenchResult) => number;
}

/** What one load took and cost; in the medians and in the table of loads in run order. */
const LOAD_FIGURES: Figure[] = [
  {
    label: 'loaded (processed + stitched)',
    column: 'loaded s',
    unit: 's',
    value: r => r.loadedMs / 1000,
  },
  {
    label: 'processed (stitching still running)',
    column: 'processed s',
    unit: 's',
    value: r => (r.processedMs ?? NaN) / 1000,
  },
  {
    label: 'CPU during load: backend',
    column: 'backend CPU s',
    unit: 's',
    value: r => r.loadCpu?.backendS ?? NaN,
  },
  {
    label: 'CPU during load: PostgreSQL',
    column: 'PostgreSQL CPU s',
    unit: 's',
    value: r => r.loadCpu?.postgresS ?? NaN,
  },
  {
    label: 'CPU during load: whole machine',
    column: 'machine CPU s',
    unit: 's',
    value: r => r.loadCpu?.machineBusyS ?? NaN,
  },
  {
    label: 'CPU stolen by the hypervisor during load',
    column: 'stolen s',
    unit: 's',
    value: r => r.loadCpu?.machineStealS ?? NaN,
  },
  {
    label: 'WAL written during load',
    column: 'WAL MiB',
    unit: 'MiB',
    value: r => r.loadPostgres?.walMiB ?? NaN,
  },
];

/** p50 and p95 of one kind of request, labelled `<what> p50<suffix>`. */
function latencyFigures(
  what: string,
  summary: (r: BenchResult) => LatencySummary | undefined,
  suffix = '',
): Figure[] {
  return (['p50', 'p95'] as const).map(percentile => ({
    label: `${what} ${percentile}${suffix}`,
    unit: 'ms',
    value: r => summary(r)?.[percentile] ?? NaN,
  }));
}

/** The figures of the report, each the median over rounds. */
const FIGURES: Figure[] = [
  ...LOAD_FIGURES,
  ...latencyFigures('list page', r => r.listPage),
  ...latencyFigures('list count', r => r.listCount),
  ...latencyFigures('list page + text filter', r => r.listPageWithText),
  ...latencyFigures('facets', r => r.facets),
  ...latencyFigures('by-refs (50)', r => r.byRefs50),
  ...latencyFigures('by-refs (50)', r => r.byRefs50NodeFetch, ', Node fetch'),
  ...latencyFigures('entity page lookups', r => r.entityPage),
  ...latencyFigures('by-refs (50)', r => r.byRefs50AsUser, ', signed-in user'),
  ...latencyFigures(
    'entity page lookups',
    r => r.entityPageAsUser,
    ', signed-in user',
  ),
  { label: 'RSS after load', unit: 'MiB', value: r => r.rssAfterLoadMiB },
  { label: 'RSS peak', unit: 'MiB', value: r => r.peakRssMiB },
  { label: 'relations', unit: '', value: r => r.relations },
];

function format(value: number) {
  if (Number.isNaN(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** Load time of every round, per variant: the spread behind the medians. */
function perRoundLoad(results: BenchResult[]): string {
  const variants = [...new Set(results.map(r => r.variant))];
  const perVariant = variants.map(variant => {
    const seconds = results
      .filter(r => r.variant === variant)
      .sort((a, b) => a.round - b.round)
      .map(r => (r.loadedMs / 1000).toFixed(1));
    return `${variant} ${seconds.join(' / ')}`;
  });
  return `Loaded per round (s): ${perVariant.join('; ')}.`;
}

/**
 * Every load in the order the runs happened, with what it cost: the per-round spread behind the
 * medians, and whether a slow load did more work or got less of the machine.
 */
function loadsInRunOrder(
  allResults: BenchResult[],
  database: BenchDatabase,
): string {
  const header = [
    'run',
    'round',
    'variant',
    'after',
    ...LOAD_FIGURES.map(figure => figure.column!),
    'forced checkpoints',
  ];
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header
      .map(column => (['variant', 'after'].includes(column) ? '---' : '---:'))
      .join(' | ')} |`,
  ];
  // Numbered over every database's runs: the load before may have been on the other one.
  allResults.forEach((r, index) => {
    if (r.database !== database) return;
    const previous = allResults[index - 1];
    lines.push(
      `| ${[
        index + 1,
        r.round,
        r.variant,
        previous
          ? `${previous.variant}${
              previous.database === database ? '' : ` (${previous.database})`
            }`
          : '–',
        ...LOAD_FIGURES.map(figure => format(figure.value(r))),
        r.loadPostgres?.checkpointsRequested ?? '–',
      ].join(' | ')} |`,
    );
  });
  return lines.join('\n');
}

/**
 * A Markdown table per database: each figure per variant (median over rounds) and each variant's
 * ratio to stock, so the comparison reads side by side.
 */
export function formatReport(results: BenchResult[]): string {
  const databases = [...new Set(results.map(r => r.database))];
  const variants = [...new Set(results.map(r => r.variant))];
  const others = variants.filter(v => v !== 'stock');
  const sections = databases.map(database => {
    const medianOf = (
      variant: BenchVariant,
      figure: (r: BenchResult) => number,
    ) => {
      const runs = results.filter(
        r => r.database === database && r.variant === variant,
      );
      return runs.length ? median(runs.map(figure)) : NaN;
    };
    const rounds = Math.max(...results.map(r => r.round));
    const ratioHeaders = variants.includes('stock')
      ? others.map(v => `${v} / stock`)
      : [];
    const header = ['figure', ...variants, ...ratioHeaders];
    const lines = [
      `### ${database} (${
        results[0].entities
      } entities, median of ${rounds} round${rounds === 1 ? '' : 's'})`,
      '',
      `| ${header.join(' | ')} |`,
      `| --- | ${header
        .slice(1)
        .map(() => '---:')
        .join(' | ')} |`,
    ];
    for (const figure of FIGURES) {
      const unit = figure.unit ? ` ${figure.unit}` : '';
      const values = variants.map(v => medianOf(v, figure.value));
      const stock = medianOf('stock', figure.value);
      const ratios = ratioHeaders.length
        ? others.map(v => {
            // A ratio of two near-zero figures (stolen CPU on a quiet machine) says nothing.
            const ratio =
              format(stock) === '0.0' ? NaN : medianOf(v, figure.value) / stock;
            return Number.isNaN(ratio) ? format(ratio) : ratio.toFixed(2);
          })
        : [];
      lines.push(
        `| ${[
          figure.label,
          ...values.map(v =>
            Number.isNaN(v) ? format(v) : `${format(v)}${unit}`,
          ),
          ...ratios,
        ].join(' | ')} |`,
      );
    }
    const ofDatabase = results.filter(r => r.database === database);
    lines.push(
      '',
      perRoundLoad(ofDatabase),
      '',
      'Loads in the order they ran:',
      '',
      loadsInRunOrder(results, database),
    );
    return lines.join('\n');
  });
  return sections.join('\n\n');
}
