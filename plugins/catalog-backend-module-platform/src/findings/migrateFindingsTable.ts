import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** This package's own: `knex_migrations` in the catalog's database is the catalog's. */
const MIGRATIONS_TABLE = 'platform_catalog_knex_migrations';

/**
 * Brings the findings table up to date (`migrations/` of this package).
 *
 * knex creates its migrations and lock tables by checking and then creating, so replicas that
 * start together on a fresh database race for them; two lock rows even lock the migrations for
 * good (knex/knex#3538). Run in one transaction, holding a PostgreSQL transaction-level advisory
 * lock, the replicas take turns; the ones after the first find nothing left to do. On SQLite the
 * transaction alone serialises the callers, as they share the one connection.
 */
export async function migrateFindingsTable(knex: Knex): Promise<void> {
  await knex.transaction(async tx => {
    if (knex.client.config.client === 'pg') {
      await tx.raw('select pg_advisory_xact_lock(hashtext(?))', [
        MIGRATIONS_TABLE,
      ]);
    }
    await tx.migrate.latest({
      directory: resolvePackagePath(
        '@internal/plugin-catalog-backend-module-platform',
        'migrations',
      ),
      tableName: MIGRATIONS_TABLE,
    });
  });
}
