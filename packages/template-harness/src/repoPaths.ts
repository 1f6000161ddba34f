import fs from 'node:fs';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** The repository root: this package is packages/template-harness. */
export const repoRoot = path.resolve(
  resolvePackagePath('@internal/template-harness'),
  '../..',
);

/** The example company's catalog. */
export const examplesDir = path.join(repoRoot, 'examples');

/** Where the golden-path templates, their fixture cases and their snapshots live. */
export const templatesDir = path.join(repoRoot, 'templates');
export const fixturesDir = path.join(templatesDir, '__fixtures__');
export const snapshotsDir = path.join(templatesDir, '__snapshots__');

/**
 * The platform CI templates project (`platform/ci-templates`) this repository produces; the
 * `include:` of every generated `.gitlab-ci.yml` points at it.
 */
export const ciTemplatesDir = path.join(templatesDir, 'parts', 'ci-templates');

/**
 * GitLab's CI schema, from shared/contracts beside the checkout (as on CI): other projects'
 * files, never copied in here. Throws, naming the path, when the folder is not there.
 */
export function gitlabCiSchemaFile(): string {
  const file = path.resolve(
    repoRoot,
    '..',
    'shared',
    'contracts',
    'gitlab-ci',
    'ci.schema.json',
  );
  if (!fs.existsSync(file)) {
    throw new Error(
      `Contract data not found at ${file}: clone the portal next to the shared/ folder (see README, "Contract data")`,
    );
  }
  return file;
}
