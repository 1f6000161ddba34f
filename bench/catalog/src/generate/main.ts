/*
 * Writes a synthetic catalog to a directory:
 *   yarn workspace @internal/bench-catalog generate <directory> [--count 10000] [--flavour platform|plain] [--seed 1]
 * Register it with a file location, e.g. `target: <directory>/**\/*.yaml`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCatalog } from './generateCatalog';
import { countByKind, writeCatalog } from './writeCatalog';

const USAGE =
  'Usage: generate <directory> [--count N] [--flavour platform|plain] [--seed S]';

function readArgs() {
  try {
    return parseArgs({
      strict: true,
      allowPositionals: true,
      options: {
        count: { type: 'string', default: '10000' },
        flavour: { type: 'string', default: 'platform' },
        seed: { type: 'string', default: '1' },
      },
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
}

async function main() {
  const { values, positionals } = readArgs();
  const [directory] = positionals;
  if (!directory) {
    throw new Error(USAGE);
  }
  if (values.flavour !== 'platform' && values.flavour !== 'plain') {
    throw new Error(
      `--flavour must be platform or plain, got ${values.flavour}`,
    );
  }
  const catalog = generateCatalog({
    count: Number(values.count),
    flavour: values.flavour,
    seed: Number(values.seed),
  });
  await writeCatalog(catalog, path.resolve(directory));
  process.stdout.write(
    `${catalog.files.length} files in ${directory}: ${JSON.stringify(
      countByKind(catalog),
    )}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
