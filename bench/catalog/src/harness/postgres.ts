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

/**
 * Writes out every dirty buffer now. A checkpoint also restarts PostgreSQL's checkpoint timer
 * (5 minutes here), so the load that follows (~1.5 minutes) runs without one and does not pay for
 * the previous backend's writes: without it, whichever variant loaded second shared its disk with
 * the first one's checkpoint.
 */
export async function checkpointPostgres(postgresUrl: string) {
  const client = knex({ client: 'pg', connection: postgresUrl });
  try {
    await client.raw('CHECKPOINT');
  } finally {
    await client.destroy();
  }
}
