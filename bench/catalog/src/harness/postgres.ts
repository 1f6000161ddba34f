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

/**
 * Drops every database named `prefix` + a plugin id (and their connections), so that every run
 * starts from an empty catalog. The plugin id has no underscore, so `bench_portal_` leaves
 * `bench_portal_untuned_catalog` alone.
 */
export async function dropPostgresDatabases(
  postgresUrl: string,
  prefix: string,
) {
  await withPostgres(postgresUrl, async client => {
    const { rows } = await client.raw(
      `SELECT datname FROM pg_database WHERE datname ~ ?`,
      [`^${prefix}[a-z0-9-]+$`],
    );
    for (const { datname } of rows) {
      await client.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
    }
  });
}

/**
 * Writes out every dirty buffer now. A checkpoint also restarts PostgreSQL's checkpoint timer
 * (5 minutes here), so no timed checkpoint falls inside the load that follows (~1.5 minutes) and
 * it does not pay for the previous backend's writes. (One forced by max_wal_size still can.)
 */
export async function checkpointPostgres(postgresUrl: string) {
  await withPostgres(postgresUrl, client => client.raw('CHECKPOINT'));
}

/** Counters of the whole PostgreSQL server, to tell how much writing a load cost. */
export interface PostgresActivity {
  /** Write-ahead log position, in bytes. */
  walBytes: number;
  /** Checkpoints forced by max_wal_size (the timed ones are kept out of loads by a CHECKPOINT). */
  checkpointsRequested: number;
}

/** What PostgreSQL wrote between two readings. */
export interface PostgresActivityDelta {
  walMiB: number;
  checkpointsRequested: number;
}

export async function readPostgresActivity(
  postgresUrl: string,
): Promise<PostgresActivity> {
  return withPostgres(postgresUrl, async client => {
    const { rows: version } = await client.raw(
      `SELECT current_setting('server_version_num')::int AS number`,
    );
    // PostgreSQL 17 moved the checkpoint counters to their own view.
    const checkpoints =
      version[0].number >= 170000
        ? `SELECT num_requested AS requested FROM pg_stat_checkpointer`
        : `SELECT checkpoints_req AS requested FROM pg_stat_bgwriter`;
    const { rows } = await client.raw(
      `SELECT pg_current_wal_lsn() - '0/0' AS wal_bytes, c.requested FROM (${checkpoints}) c`,
    );
    return {
      walBytes: Number(rows[0].wal_bytes),
      checkpointsRequested: Number(rows[0].requested),
    };
  });
}

/** What PostgreSQL wrote between two readings (nothing when either is missing, as on SQLite). */
export function postgresActivityBetween(
  before: PostgresActivity | undefined,
  after: PostgresActivity | undefined,
): PostgresActivityDelta | undefined {
  if (!before || !after) return undefined;
  return {
    walMiB: Math.round((after.walBytes - before.walBytes) / 2 ** 20),
    checkpointsRequested:
      after.checkpointsRequested - before.checkpointsRequested,
  };
}
