import path from 'node:path';

/** The repository root, from src/__testUtils__. */
export const repoRoot = path.resolve(__dirname, '../../../..');

/**
 * Read-only contract data from the upstream projects (../shared/contracts beside the
 * repository, see its SOURCES.md). Read in place, never copied into the repository.
 */
export const contractsDir = path.resolve(repoRoot, '../shared/contracts');

export const gitlabCiSchemaFile = path.join(
  contractsDir,
  'gitlab-ci/ci.schema.json',
);
