import { knex } from 'knex';
import {
  dropPostgresDatabases,
  postgresActivityBetween,
  readPostgresActivity,
} from './postgres';

// PostgreSQL only: runs where the test command provides a server (scripts/test.sh).
const postgresUrl =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const describeWithPostgres = postgresUrl ? describe : describe.skip;

jest.setTimeout(60_000);

describeWithPostgres('the benchmark’s PostgreSQL helpers', () => {
  const admin = () => knex({ client: 'pg', connection: postgresUrl! });
  const prefix = `bench_test${process.pid}_`;

  async function databasesStartingWith(start: string) {
    const client = admin();
    try {
      const { rows } = await client.raw(
        'SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY datname',
        [start],
      );
      return rows.map((row: { datname: string }) => row.datname);
    } finally {
      await client.destroy();
    }
  }

  afterAll(async () => {
    const client = admin();
    try {
      for (const name of await databasesStartingWith(prefix)) {
        await client.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
      }
    } finally {
      await client.destroy();
    }
  });

  it('drops a run’s databases, one per plugin, and leaves a longer prefix’s alone', async () => {
    const client = admin();
    try {
      for (const name of ['catalog', 'auth', 'untuned_catalog']) {
        await client.raw('CREATE DATABASE ??', [`${prefix}${name}`]);
      }
    } finally {
      await client.destroy();
    }
    await dropPostgresDatabases(postgresUrl!, prefix);
    expect(await databasesStartingWith(prefix)).toEqual([
      `${prefix}untuned_catalog`,
    ]);
  });

  it('sees the WAL a write produces', async () => {
    const before = await readPostgresActivity(postgresUrl!);
    const client = admin();
    try {
      await client.raw(
        `CREATE TEMP TABLE wal_probe AS SELECT repeat('x', 1000) AS v FROM generate_series(1, 3000)`,
      );
      await client.raw(
        `CREATE TABLE IF NOT EXISTS bench_wal_probe (v text); INSERT INTO bench_wal_probe SELECT v FROM wal_probe; DROP TABLE bench_wal_probe`,
      );
    } finally {
      await client.destroy();
    }
    const written = postgresActivityBetween(
      before,
      await readPostgresActivity(postgresUrl!),
    );
    expect(written!.walMiB).toBeGreaterThanOrEqual(2);
  });
});
