import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { CatalogFinding, CatalogFindingsStore } from './CatalogFindingsStore';

// SQLite always; PostgreSQL where the test command provides a server (scripts/test.sh).
const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

jest.setTimeout(60_000);

const duplicate: CatalogFinding = {
  entityRef: 'component:default/orders',
  kind: 'duplicate-definition',
  subject: 'file:/catalog/other.yaml',
  message: 'component:default/orders is defined twice',
};

/** The table as the store created it before it had migrations. */
async function createTableAsBeforeMigrations(knex: Knex) {
  await knex.schema.createTable('platform_catalog_findings', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('kind', 32).notNullable();
    table.string('subject', 1024).notNullable();
    table.text('message').notNullable();
    table.boolean('confirmed').notNullable().defaultTo(true);
    table.primary(['entity_ref', 'kind', 'subject']);
    table.index(['kind', 'subject'], 'platform_catalog_findings_subject_idx');
  });
}

async function appliedMigrations(knex: Knex): Promise<string[]> {
  const rows = await knex('platform_catalog_knex_migrations').select('name');
  return rows.map(row => row.name);
}

describe.each(databases.eachSupportedId())(
  'CatalogFindingsStore.create on %s',
  databaseId => {
    it('creates the findings table on a fresh database, in its own migrations table', async () => {
      const knex = await databases.init(databaseId);

      const store = await CatalogFindingsStore.create(knex);
      await store.replaceDuplicatesFrom(duplicate.subject, [duplicate]);

      await expect(store.findingsFor(duplicate.entityRef)).resolves.toEqual([
        duplicate,
      ]);
      await expect(appliedMigrations(knex)).resolves.toEqual([
        '20261204000000_findings.js',
      ]);
      await expect(knex.schema.hasTable('knex_migrations')).resolves.toBe(
        false,
      );
    });

    it('keeps the table and its findings where the code before migrations created it', async () => {
      const knex = await databases.init(databaseId);
      await createTableAsBeforeMigrations(knex);
      await knex('platform_catalog_findings').insert({
        entity_ref: duplicate.entityRef,
        kind: duplicate.kind,
        subject: duplicate.subject,
        message: duplicate.message,
        confirmed: true,
      });

      const store = await CatalogFindingsStore.create(knex);

      await expect(store.findingsFor(duplicate.entityRef)).resolves.toEqual([
        duplicate,
      ]);
      await expect(appliedMigrations(knex)).resolves.toEqual([
        '20261204000000_findings.js',
      ]);
    });

    it('opens again where the migrations have run', async () => {
      const knex = await databases.init(databaseId);
      await CatalogFindingsStore.create(knex);

      await expect(CatalogFindingsStore.create(knex)).resolves.toBeDefined();
      await expect(appliedMigrations(knex)).resolves.toHaveLength(1);
    });

    it('lets two stores start together on a fresh database', async () => {
      const knex = await databases.init(databaseId);
      // Like two replicas: a second client with its own connections, where the database can be
      // reached twice (an in-memory SQLite database exists on its one connection only).
      const other =
        databaseId === 'SQLITE_3' ? knex : knexFactory(knex.client.config);
      try {
        const stores = await Promise.all([
          CatalogFindingsStore.create(knex),
          CatalogFindingsStore.create(other),
          CatalogFindingsStore.create(knex),
        ]);

        expect(stores).toHaveLength(3);
        await expect(appliedMigrations(knex)).resolves.toHaveLength(1);
        await expect(
          knex('platform_catalog_knex_migrations_lock').select('is_locked'),
        ).resolves.toEqual([{ is_locked: 0 }]);
      } finally {
        if (other !== knex) await other.destroy();
      }
    });

    it('leaves the table alone when the database service skips migrations', async () => {
      const knex = await databases.init(databaseId);

      await CatalogFindingsStore.create(knex, { skipMigrations: true });

      await expect(
        knex.schema.hasTable('platform_catalog_findings'),
      ).resolves.toBe(false);
    });
  },
);
