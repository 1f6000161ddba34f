import { median } from '../measure/percentiles';
import type { CatalogWorkloadResult } from './catalogWorkload';
import type { BenchDatabase, BenchVariant } from './benchConfig';

export interface BenchResult extends CatalogWorkloadResult {
  round: number;
  database: BenchDatabase;
  variant: BenchVariant;
  entities: number;
  startupMs: number;
  loadedMs: number;
  relations: number;
  entitiesWithErrors: number;
  rssAfterLoadMiB: number;
  rssMiB: number;
  peakRssMiB: number;
}

/** The figures of the report, each the median over rounds. */
const FIGURES: Array<{
  label: string;
  unit: string;
  value: (r: BenchResult) => number;
}> = [
  {
    label: 'loaded (processed + stitched)',
    unit: 's',
    value: r => r.loadedMs / 1000,
  },
  { label: 'list page p50', unit: 'ms', value: r => r.listPage.p50 },
  { label: 'list page p95', unit: 'ms', value: r => r.listPage.p95 },
  { label: 'list count p50', unit: 'ms', value: r => r.listCount.p50 },
  { label: 'list count p95', unit: 'ms', value: r => r.listCount.p95 },
  {
    label: 'list page + text filter p50',
    unit: 'ms',
    value: r => r.listPageWithText.p50,
  },
  {
    label: 'list page + text filter p95',
    unit: 'ms',
    value: r => r.listPageWithText.p95,
  },
  { label: 'facets p50', unit: 'ms', value: r => r.facets.p50 },
  { label: 'facets p95', unit: 'ms', value: r => r.facets.p95 },
  { label: 'by-refs (50) p50', unit: 'ms', value: r => r.byRefs50.p50 },
  { label: 'by-refs (50) p95', unit: 'ms', value: r => r.byRefs50.p95 },
  {
    label: 'by-refs (50) p50, Node fetch',
    unit: 'ms',
    value: r => r.byRefs50NodeFetch?.p50 ?? NaN,
  },
  {
    label: 'by-refs (50) p95, Node fetch',
    unit: 'ms',
    value: r => r.byRefs50NodeFetch?.p95 ?? NaN,
  },
  {
    label: 'entity page lookups p50',
    unit: 'ms',
    value: r => r.entityPage.p50,
  },
  {
    label: 'entity page lookups p95',
    unit: 'ms',
    value: r => r.entityPage.p95,
  },
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
            const ratio = medianOf(v, figure.value) / stock;
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
    lines.push('', perRoundLoad(results.filter(r => r.database === database)));
    return lines.join('\n');
  });
  return sections.join('\n\n');
}
