import { Knex } from 'knex';
import { CatalogFinding } from './CatalogFindingsStore';

/**
 * Relations whose target the catalog does not know at all (no entity, not even one waiting to be
 * processed), attributed to the entity whose processing emitted them. A target that exists but
 * failed processing is not reported here: its own error is on the unprocessed-entities page.
 */
export async function findMissingRelationTargets(
  knex: Knex,
): Promise<CatalogFinding[]> {
  const rows: Array<{ origin: string; type: string; target: string }> =
    await knex('relations')
      .join(
        'refresh_state',
        'refresh_state.entity_id',
        'relations.originating_entity_id',
      )
      .whereRaw('relations.source_entity_ref = refresh_state.entity_ref')
      .whereNotExists(
        knex('refresh_state as target')
          .select(knex.raw('1'))
          .whereRaw('target.entity_ref = relations.target_entity_ref'),
      )
      .distinct({
        origin: 'refresh_state.entity_ref',
        type: 'relations.type',
        target: 'relations.target_entity_ref',
      });
  // One finding per entity and missing target, naming every relation type that points there.
  const types = new Map<
    string,
    { origin: string; target: string; types: string[] }
  >();
  for (const row of rows) {
    const key = `${row.origin} ${row.target}`;
    const entry = types.get(key) ?? {
      origin: row.origin,
      target: row.target,
      types: [],
    };
    entry.types.push(row.type);
    types.set(key, entry);
  }
  return [...types.values()].map(entry => ({
    entityRef: entry.origin,
    kind: 'missing-relation-target',
    subject: entry.target,
    message: `${entry.types.sort().join(', ')} ${
      entry.target
    }: no such entity in the catalog. Fix the reference or add the entity.`,
  }));
}
