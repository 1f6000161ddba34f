import { BenchResult, formatReport } from './report';
import { LatencySummary } from '../measure/percentiles';

const latency = (p50: number, p95: number): LatencySummary => ({
  samples: 500,
  p50,
  p95,
});

function result(
  variant: BenchResult['variant'],
  round: number,
  loadedMs: number,
  byRefsP95: number,
): BenchResult {
  return {
    round,
    database: 'postgres',
    variant,
    entities: 10000,
    startupMs: 1000,
    loadedMs,
    relations: 78000,
    entitiesWithErrors: 0,
    rssAfterLoadMiB: 700,
    rssMiB: 710,
    peakRssMiB: 720,
    listPage: latency(7, 10),
    listCount: latency(12, 15),
    listPageWithText: latency(25, 41),
    facets: latency(22, 27),
    byRefs50: latency(4, byRefsP95),
    byRefs50NodeFetch: latency(6, 11),
    entityPage: latency(4, 9),
  };
}

describe('formatReport', () => {
  const report = formatReport([
    result('stock', 1, 80_000, 9),
    result('portal', 1, 90_000, 6),
    result('portal', 2, 70_000, 8),
    result('stock', 3, 82_000, 12),
    result('stock', 2, 84_000, 10),
    result('portal', 3, 86_000, 7),
  ]);

  it('gives each figure as the median over rounds beside stock, with the ratio', () => {
    // three rounds: the middle value
    expect(report).toContain('median of 3 rounds');
    expect(report).toContain(
      '| loaded (processed + stitched) | 82.0 s | 86.0 s | 1.05 |',
    );
    expect(report).toContain('| by-refs (50) p95 | 10.0 ms | 7.0 ms | 0.70 |');
    expect(report).toContain(
      '| by-refs (50) p95, Node fetch | 11.0 ms | 11.0 ms | 1.00 |',
    );
  });

  it('lists every round’s load time in round order, whatever order the variants ran in', () => {
    expect(report).toContain(
      'Loaded per round (s): stock 80.0 / 84.0 / 82.0; portal 90.0 / 70.0 / 86.0.',
    );
  });

  it('lists every load in the order the runs happened, with what it cost', () => {
    const run = (
      variant: BenchResult['variant'],
      round: number,
      backendS: number,
    ): BenchResult => ({
      ...result(variant, round, 90_000, 9),
      processedMs: 60_000,
      loadCpu: {
        backendS,
        postgresS: 50,
        machineBusyS: 150,
        machineStealS: 0.5,
      },
      loadPostgres: {
        walMiB: 900,
        checkpointsRequested: 1,
      },
    });
    const ordered = formatReport([
      run('stock', 1, 80),
      run('portal', 1, 85),
      run('portal', 2, 88),
    ]);
    expect(ordered).toContain(
      '| 1 | 1 | stock | – | 90.0 | 60.0 | 80.0 | 50.0 | 150 | 0.5 | 900 | 1 |',
    );
    expect(ordered).toContain(
      '| 3 | 2 | portal | portal | 90.0 | 60.0 | 88.0 | 50.0 | 150 | 0.5 | 900 | 1 |',
    );
    expect(ordered).toContain(
      '| CPU during load: backend | 80.0 s | 86.5 s | 1.08 |',
    );
  });

  it('numbers loads over both databases, and says when the one before ran on the other', () => {
    const on = (
      database: BenchResult['database'],
      variant: BenchResult['variant'],
    ): BenchResult => ({ ...result(variant, 1, 90_000, 9), database });
    const bothDatabases = formatReport([
      on('sqlite', 'stock'),
      on('sqlite', 'portal'),
      on('postgres', 'stock'),
      on('postgres', 'portal'),
    ]);
    expect(bothDatabases).toContain(
      '| 3 | 1 | stock | portal (sqlite) | 90.0 |',
    );
    expect(bothDatabases).toContain('| 4 | 1 | portal | stock | 90.0 |');
  });

  it('shows a figure older results lack as a dash, not as zero', () => {
    const { byRefs50NodeFetch: _, ...older } = result('stock', 1, 80_000, 9);
    const portal = { ...older, variant: 'portal' as const };
    expect(
      formatReport([older as BenchResult, portal as BenchResult]),
    ).toContain('| by-refs (50) p95, Node fetch | – | – | – |');
  });
});
