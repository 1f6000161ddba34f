import fs from 'node:fs';
import path from 'node:path';
import { globSync } from 'glob';
import { parse, parseAllDocuments } from 'yaml';

/** Repository root, from this file's place in packages/backend/src/catalog/__testUtils__. */
export const repoRoot = path.resolve(__dirname, '../../../../..');

/** `catalog.rules` of app-config.yaml, so tests allow exactly the kinds development allows. */
export const developmentCatalogRules = parse(
  fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
).catalog.rules;

/** The catalog file globs of app-config.yaml, relative to a checkout's root. */
export const exampleCatalogGlobs = [
  'examples/**/*.yaml',
  'templates/*/template.yaml',
];

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
