/*
 * Catalog benchmark: loads a synthetic catalog of N entities into a stock catalog backend and into
 * the portal's (see src/backend/benchBackend.ts), on SQLite and on PostgreSQL, and prints how long
 * loading took, the latency of the catalog pages' requests, and the backend's memory.
 *
 *   yarn workspace @internal/bench-catalog bench [--count 10000] [--databases sqlite,postgres]
 *     [--variants stock,portal] [--rounds 1] [--samples 200] [--out results.json]
 *     [--portal-catalog platform|plain]
 *
 * PostgreSQL comes from BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCatalog } from './generate/generateCatalog';
import { writeCatalog } from './generate/writeCatalog';
import {
  BENCH_VARIANTS,
  BenchDatabase,
  BenchVariant,
  postgresDatabasePrefix,
} from './harness/benchConfig';
import {
  checkpointPostgres,
  dropPostgresDatabases,
  postgresActivityBetween,
  readPostgresActivity,
} from './harness/postgres';
import { startBenchBackend } from './harness/startBenchBackend';
import { waitForCatalogLoaded } from './harness/waitForCatalogLoaded';
import { runCatalogWorkload } from './harness/catalogWorkload';
import { roundOrder } from './harness/roundOrder';
import { signInAsGuest } from './harness/signInAsGuest';
import { readProcessMemory } from './measure/processMemory';
import { cpuTimeBetween, readCpuTimes } from './measure/cpuTime';
import { BenchResult, formatReport } from './harness/report';

function listOption<T extends string>(
  value: string,
  allowed: readonly T[],
): T[] {
  const items = value.split(',').map(item => item.trim());
  for (const item of items) {
    if (!allowed.includes(item as T)) {
      throw new Error(
        `Unknown value ${item}; expected one of ${allowed.join(', ')}`,
      );
    }
  }
  return items as T[];
}

const USAGE =
  'Usage: bench [--count 10000] [--databases sqlite,postgres] [--variants stock,portal] [--rounds 1] [--samples 200] [--warmup 20] [--port 7350] [--out results.json] [--portal-catalog platform|plain]';

function readArgs() {
  try {
    return parseArgs({
      strict: true,
      options: {
        count: { type: 'string', default: '10000' },
        databases: { type: 'string', default: 'sqlite,postgres' },
        variants: { type: 'string', default: 'stock,portal' },
        rounds: { type: 'string', default: '1' },
        samples: { type: 'string', default: '200' },
        warmup: { type: 'string', default: '20' },
        port: { type: 'string', default: '7350' },
        out: { type: 'string' },
        // Diagnostics: `plain` loads the stock kinds into the portal too, which separates the
        // modules' cost from the richer catalog's.
        'portal-catalog': { type: 'string', default: 'platform' },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return process.exit(2);
  }
}

async function main() {
  const values = readArgs();
  const portalFlavour = listOption(values['portal-catalog']!, [
    'platform',
    'plain',
  ])[0];
  const flavourOf = {
    stock: 'plain',
    portal: portalFlavour,
    'portal-untuned': portalFlavour,
  } as const;
  const count = Number(values.count);
  const databases = listOption<BenchDatabase>(values.databases!, [
    'sqlite',
    'postgres',
  ]);
  const variants = listOption<BenchVariant>(values.variants!, BENCH_VARIANTS);
  const postgresUrl =
    process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
  const workDirectory = fs.mkdtempSync(
    path.join(os.tmpdir(), 'catalog-bench-'),
  );
  const log = (line: string) => process.stdout.write(`${line}\n`);

  const catalogs = Object.fromEntries(
    await Promise.all(
      variants.map(async variant => {
        const catalog = generateCatalog({
          count,
          flavour: flavourOf[variant],
        });
        const directory = path.join(workDirectory, `catalog-${variant}`);
        await writeCatalog(catalog, directory);
        return [variant, { catalog, directory }] as const;
      }),
    ),
  );
  log(`${count} entities per catalog in ${workDirectory} (logs there too)`);
  log(
    `machine: ${os.cpus().length} cores, ${Math.round(
      os.totalmem() / 2 ** 30,
    )} GiB, Node ${process.version}`,
  );

  const results: BenchResult[] = [];
  for (let round = 1; round <= Number(values.rounds); round += 1) {
    for (const database of databases) {
      for (const variant of roundOrder(variants, round)) {
        const { catalog, directory } = catalogs[variant];
        const run = {
          database,
          variant,
          port: Number(values.port),
          catalogGlob: `${directory}/**/*.yaml`,
          token: crypto.randomBytes(24).toString('hex'),
          postgresUrl,
        };
        if (database === 'postgres') {
          await dropPostgresDatabases(postgresUrl, postgresDatabasePrefix(run));
          await checkpointPostgres(postgresUrl);
        }
        log(`round ${round}: ${database} ${variant} …`);
        const backend = await startBenchBackend(run, workDirectory);
        try {
          let lastLogged = 0;
          const postgresActivity = async () =>
            database === 'postgres'
              ? readPostgresActivity(postgresUrl)
              : undefined;
          const cpuBefore = await readCpuTimes(backend.pid);
          const activityBefore = await postgresActivity();
          const load = await waitForCatalogLoaded({
            baseUrl: backend.baseUrl,
            pid: backend.pid,
            expectedEntities: count,
            onProgress: (progress, elapsedMs) => {
              if (elapsedMs - lastLogged >= 15_000) {
                lastLogged = elapsedMs;
                log(
                  `  ${Math.round(elapsedMs / 1000)} s: ${JSON.stringify(
                    progress,
                  )}`,
                );
              }
            },
          });
          const cpuAfter = await readCpuTimes(backend.pid);
          const activityAfter = await postgresActivity();
          const memoryAfterLoad = await readProcessMemory(backend.pid);
          const workload = await runCatalogWorkload({
            baseUrl: backend.baseUrl,
            token: run.token,
            userToken: await signInAsGuest(backend.baseUrl),
            allRefs: [...catalog.refsByKind.values()].flat(),
            serviceRefs: catalog.serviceRefs,
            samples: Number(values.samples),
            warmup: Number(values.warmup),
          });
          const memory = await readProcessMemory(backend.pid);
          const result: BenchResult = {
            round,
            database,
            variant,
            entities: count,
            startupMs: backend.startupMs,
            loadedMs: load.loadedMs,
            processedMs: load.processedMs,
            loadCpu: cpuTimeBetween(cpuBefore, cpuAfter),
            loadPostgres: postgresActivityBetween(
              activityBefore,
              activityAfter,
            ),
            relations: load.progress.relations,
            entitiesWithErrors: load.progress.entitiesWithErrors,
            rssAfterLoadMiB: memoryAfterLoad.rssMiB,
            rssMiB: memory.rssMiB,
            peakRssMiB: memory.peakRssMiB,
            ...workload,
          };
          results.push(result);
          log(
            `  loaded in ${(load.loadedMs / 1000).toFixed(
              1,
            )} s (processed in ${(load.processedMs / 1000).toFixed(1)} s), ${
              load.progress.relations
            } relations, ${
              load.progress.entitiesWithErrors
            } with errors; CPU during load ${JSON.stringify(result.loadCpu)}${
              result.loadPostgres
                ? `, PostgreSQL ${JSON.stringify(result.loadPostgres)}`
                : ''
            }`,
          );
        } finally {
          await backend.stop();
        }
        if (database === 'postgres') {
          await dropPostgresDatabases(postgresUrl, postgresDatabasePrefix(run));
        }
      }
    }
  }

  log('');
  log(formatReport(results));
  if (values.out) {
    fs.writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
    log(`raw results in ${values.out}`);
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
