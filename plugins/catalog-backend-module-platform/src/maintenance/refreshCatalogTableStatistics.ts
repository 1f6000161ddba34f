import { Knex } from 'knex';

/** The catalog tables whose query plans depend on fresh statistics and a current visibility map. */
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
  n_ins_since_vacuum: string | number;
  n_dead_tup: string | number;
}

/** Changed rows before a table is looked after: 500 plus 5 % of its size. */
function changedEnough(changes: number, liveRows: number) {
  return changes > 500 + 0.05 * liveRows;
}

/**
 * VACUUM (ANALYZE)s the catalog tables that changed a lot since PostgreSQL last looked at them.
 *
 * The catalog's list, facet and count queries are planned from table statistics and read indexes
 * only when the visibility map is current. Right after a bulk load, before autovacuum gets there
 * (or always, where autovacuum is off), the planner assumes near-empty tables: on 10,000 entities
 * the list page's queries took 50–100 ms instead of 2–25 ms. Returns the tables it processed.
 * PostgreSQL only; SQLite plans without statistics of this kind.
 */
export async function refreshCatalogTableStatistics(
  knex: Knex,
): Promise<string[]> {
  const activity: TableActivity[] = await knex('pg_stat_user_tables')
    .select(
      'relname',
      'n_live_tup',
      'n_mod_since_analyze',
      'n_ins_since_vacuum',
      'n_dead_tup',
    )
    .whereRaw('schemaname = current_schema()')
    .whereIn('relname', CATALOG_HOT_TABLES);
  const stale = activity.filter(table => {
    const live = Number(table.n_live_tup);
    return (
      changedEnough(Number(table.n_mod_since_analyze), live) ||
      changedEnough(
        Number(table.n_ins_since_vacuum) + Number(table.n_dead_tup),
        live,
      )
    );
  });
  for (const table of stale) {
    // VACUUM cannot run inside a transaction; knex.raw outside one runs on its own connection.
    await knex.raw('VACUUM (ANALYZE) ??', [table.relname]);
  }
  return stale.map(table => table.relname);
}
