import { Knex } from 'knex';

/** The catalog tables whose query plans depend on fresh statistics. */
export const CATALOG_HOT_TABLES = [
  'final_entities',
  'search',
  'relations',
  'refresh_state',
  'refresh_state_references',
  'stitch_queue',
];

interface TableActivity {
  relname: string;
  n_live_tup: string | number;
  n_mod_since_analyze: string | number;
}

/** Changed rows before a table is looked after: 500 plus 5 % of its size. */
function changedEnough(changes: number, liveRows: number) {
  return changes > 500 + 0.05 * liveRows;
}

/**
 * ANALYZEs the catalog tables that changed a lot since PostgreSQL last gathered their statistics.
 *
 * The catalog's list, facet and count queries are planned from table statistics. Right after a
 * bulk load, before autovacuum gets there (or always, where autovacuum is off, as on this
 * project's machines), the planner takes the tables for near-empty and picks nested loops over
 * thousands of rows: on 10,000 entities the list page took 50–100 ms instead of 2–25 ms. ANALYZE
 * samples a bounded number of rows, so it stays cheap while the catalog loads; VACUUM is left to
 * autovacuum (a first version that also vacuumed slowed loading down visibly; docs/benchmarks.md). Returns the tables it analyzed.
 * PostgreSQL only; SQLite plans without statistics of this kind.
 */
export async function refreshCatalogTableStatistics(
  knex: Knex,
): Promise<string[]> {
  const activity: TableActivity[] = await knex('pg_stat_user_tables')
    .select('relname', 'n_live_tup', 'n_mod_since_analyze')
    .whereRaw('schemaname = current_schema()')
    .whereIn('relname', CATALOG_HOT_TABLES);
  const stale = activity.filter(table =>
    changedEnough(Number(table.n_mod_since_analyze), Number(table.n_live_tup)),
  );
  for (const table of stale) {
    await knex.raw('ANALYZE ??', [table.relname]);
  }
  return stale.map(table => table.relname);
}
