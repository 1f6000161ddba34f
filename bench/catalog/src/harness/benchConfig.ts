import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

export type BenchDatabase = 'sqlite' | 'postgres';
/**
 * `stock`: Backstage's catalog as create-app sets it up. `portal`: with the portal's catalog
 * modules and production tuning. `portal-untuned`: the modules with stock settings, to tell their
 * cost from the tuning's gain.
 */
export type BenchVariant = 'stock' | 'portal' | 'portal-untuned';
export const BENCH_VARIANTS: BenchVariant[] = [
  'stock',
  'portal',
  'portal-untuned',
];

export interface BenchRun {
  database: BenchDatabase;
  variant: BenchVariant;
  port: number;
  /** Glob of the catalog files the run loads. */
  catalogGlob: string;
  /** Static external-access token the harness calls the API with. */
  token: string;
  postgresUrl: string;
}

/** The PostgreSQL database a run's catalog lives in (plugin division mode: one per plugin). */
export function postgresDatabaseName(run: Pick<BenchRun, 'variant'>) {
  return `bench_${run.variant.replace('-', '_')}_catalog`;
}

/**
 * The catalog tuning the portal runs with in production (app-config.production.yaml): its
 * processing interval. Locations, rules and database are the benchmark's own.
 */
function portalCatalogTuning() {
  const file = path.resolve(
    resolvePackagePath('@internal/bench-catalog'),
    '../../app-config.production.yaml',
  );
  const { catalog } = parse(fs.readFileSync(file, 'utf8'));
  return { processingInterval: catalog.processingInterval };
}

/** app-config of one benchmark backend; development defaults apart from what is set here. */
export function benchAppConfig(run: BenchRun) {
  const url = new URL(run.postgresUrl);
  const database =
    run.database === 'sqlite'
      ? { client: 'better-sqlite3', connection: ':memory:' }
      : {
          client: 'pg',
          prefix: `bench_${run.variant.replace('-', '_')}_`,
          connection: {
            host: url.hostname,
            port: Number(url.port || 5432),
            user: decodeURIComponent(url.username || 'postgres'),
            password: decodeURIComponent(url.password),
          },
        };
  return {
    backend: {
      baseUrl: `http://127.0.0.1:${run.port}`,
      listen: { host: '127.0.0.1', port: run.port },
      database,
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: run.token, subject: 'catalog-benchmark' },
          },
        ],
      },
    },
    catalog: {
      rules: [
        {
          allow: [
            'Component',
            'System',
            'API',
            'Resource',
            'Location',
            'Domain',
            'Group',
            'User',
            'Pipeline',
            'Environment',
          ],
        },
      ],
      locations: [{ type: 'file', target: run.catalogGlob }],
      ...(run.variant === 'portal' && portalCatalogTuning()),
    },
  };
}
