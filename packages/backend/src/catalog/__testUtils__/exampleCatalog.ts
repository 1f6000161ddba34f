import fs from 'node:fs';
import path from 'node:path';
import { globSync } from 'glob';
import { parse, parseAllDocuments } from 'yaml';
import { JsonObject } from '@backstage/types';

/** Repository root, from this file's place in packages/backend/src/catalog/__testUtils__. */
export const repoRoot = path.resolve(__dirname, '../../../../..');

const developmentCatalog = parse(
  fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
).catalog;

/** `catalog.rules` of app-config.yaml, so tests allow exactly the kinds development allows. */
export const developmentCatalogRules = developmentCatalog.rules;

/**
 * `catalog.locations` of app-config.yaml with their targets made relative to the repository
 * root (app-config.yaml writes them relative to packages/backend, where the backend runs).
 */
export const developmentCatalogLocations: Array<
  JsonObject & { type: string; target: string }
> = developmentCatalog.locations.map(
  (location: JsonObject & { type: string; target: string }) => ({
    ...location,
    target: path.relative(
      repoRoot,
      path.resolve(repoRoot, 'packages/backend', location.target),
    ),
  }),
);

/** The catalog file globs development loads, relative to the repository root. */
export const exampleCatalogGlobs = developmentCatalogLocations.map(
  l => l.target,
);

/**
 * Lists the refs of the entities the given files declare, read straight from the YAML, so tests
 * compare the catalog against the files instead of a hand-kept list.
 */
export function entityRefsDeclaredIn(root: string, globs: string[]): string[] {
  const files = globs.flatMap(g => globSync(g, { cwd: root, absolute: true }));
  return files.flatMap(file =>
    parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .map(doc => doc.toJS())
      .filter(Boolean)
      .map(entity =>
        `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
          entity.metadata.name
        }`.toLocaleLowerCase('en-US'),
      ),
  );
}
