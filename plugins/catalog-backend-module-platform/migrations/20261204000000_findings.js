// @ts-check

const TABLE = 'platform_catalog_findings';

/**
 * The findings table (see CatalogFindingsStore). Installs from before these migrations have it
 * already: the store used to create it itself, with this same shape. So it is created only
 * where it is missing.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (await knex.schema.hasTable(TABLE)) {
    return;
  }
  await knex.schema.createTable(TABLE, table => {
    table.string('entity_ref', 255).notNullable();
    table.string('kind', 32).notNullable();
    table.string('subject', 1024).notNullable();
    table.text('message').notNullable();
    // Missing relation targets are confirmed by a second sweep before they count, so an
    // entity whose target is still being loaded is never reported.
    table.boolean('confirmed').notNullable().defaultTo(true);
    table.primary(['entity_ref', 'kind', 'subject']);
    table.index(['kind', 'subject'], 'platform_catalog_findings_subject_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable(TABLE);
};
