import { Knex, knex } from 'knex';

async function withPostgres<T>(
  postgresUrl: string,
  work: (client: Knex) => Promise<T>,
): Promise<T> {
  const client = knex({ client: 'pg', connection: postgresUrl });
  try {
    return await work(client);
  } finally {
    await client.destroy();
  }
}

/** Drops a database (and its connections), so that every run starts from an empty catalog. */
export async function dropPostgresDatabase(postgresUrl: string, name: string) {
  await withPostgres(postgresUrl, client =>
    client.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]),
  );
}

/**
 * Writes out every dirty buffer now. A checkpoint also restarts PostgreSQL's checkpoint timer
 * (5 minutes here), so no timed checkpoint falls inside the load that follows (~1.5 minutes) and
 * it does not pay for the previous backend's writes. (One forced by max_wal_size still can.)
 */
export async function checkpointPostgres(postgresUrl: string) {
  await withPostgres(postgresUrl, client => client.raw('CHECKPOINT'));
}
