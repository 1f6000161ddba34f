import { knex } from 'knex';

/** Drops a database (and its connections), so that every run starts from an empty catalog. */
export async function dropPostgresDatabase(postgresUrl: string, name: string) {
  const client = knex({ client: 'pg', connection: postgresUrl });
  try {
    await client.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
  } finally {
    await client.destroy();
  }
}
