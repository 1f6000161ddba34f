import { TestDatabases } from '@backstage/backend-test-utils';
import { refreshCatalogTableStatistics } from './refreshCatalogTableStatistics';

// PostgreSQL only: runs where the test command provides a server (scripts/test.sh).
const databases = TestDatabases.create({
  ids: ['POSTGRES_15'],
  disableDocker: true,
});

jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())(
  'refreshCatalogTableStatistics on %s',
  databaseId => {
    it('analyzes a catalog table after a bulk change, and leaves it alone after', async () => {
      const knex = await databases.init(databaseId);
      await knex.schema.createTable('search', table => {
        table.string('entity_id');
        table.string('key');
        table.string('value');
      });
      await knex.schema.createTable('relations', table => {
        table.string('source_entity_ref');
      });
      await knex.batchInsert(
        'search',
        Array.from({ length: 3000 }, (_, i) => ({
          entity_id: `id-${i}`,
          key: 'kind',
          value: 'component',
        })),
        500,
      );
      // The statistics system sees committed changes after a moment.
      await knex.raw('select pg_stat_force_next_flush()');

      const lastAnalyzed = async () =>
        (
          await knex('pg_stat_user_tables')
            .where({ relname: 'search' })
            .first('last_analyze')
        )?.last_analyze;
      expect(await lastAnalyzed()).toBeNull();

      await expect(refreshCatalogTableStatistics(knex)).resolves.toEqual([
        'search',
      ]);
      await knex.raw('select pg_stat_force_next_flush()');
      expect(await lastAnalyzed()).not.toBeNull();
      await expect(refreshCatalogTableStatistics(knex)).resolves.toEqual([]);
    });
  },
);
