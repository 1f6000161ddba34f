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

/**
 * What the names of a run's PostgreSQL databases start with (plugin division mode: one database
 * per plugin, `<prefix>catalog`, `<prefix>auth`).
 */
export function postgresDatabasePrefix(run: Pick<BenchRun, 'variant'>) {
  return `bench_${run.variant.replace('-', '_')}_`;
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
          prefix: postgresDatabasePrefix(run),
          connection: {
            host: url.hostname,
            port: Number(url.port || 5432),
            user: decodeURIComponent(url.username || 'postgres'),
            password: decodeURIComponent(url.password),
          },
        };
  return {
    // The auth backend's redirects point here; the benchmark has no frontend.
    app: { baseUrl: 'http://127.0.0.1:3000' },
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
    // As create-app and the portal have it: permissions enforced, here with the allow-all policy,
    // and the guest sign-in the harness gets a user's token from.
    permission: { enabled: true },
    auth: { environment: 'development', providers: { guest: {} } },
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
