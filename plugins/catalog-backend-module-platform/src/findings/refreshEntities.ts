import { Knex } from 'knex';
import { FINDINGS_SNAPSHOT_TTL_MS } from './CatalogFindingsStore';

/**
 * Schedules entities for processing now, so a new finding shows within seconds instead of at the
 * next processing interval. This is what the catalog's refresh endpoint does for an entity; done
 * on the table to spare an HTTP call to ourselves. It waits out the findings snapshot so every
 * replica processes the entity with the finding in view.
 */
export function refreshEntitiesSoon(knex: Knex, entityRefs: string[]) {
  const timer = setTimeout(() => {
    knex('refresh_state')
      .whereIn('entity_ref', entityRefs)
      .update({ next_update_at: knex.fn.now() })
      .catch(() => {
        // The entity is processed at its next interval anyway.
      });
  }, FINDINGS_SNAPSHOT_TTL_MS + 1_000);
  timer.unref();
}
