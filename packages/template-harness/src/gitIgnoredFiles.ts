import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './repoPaths';

/**
 * The files under `dir` that git would not commit: a rendered `.gitignore` in a snapshot, or a
 * pattern of the repository's own (`dist`, `*.log`, `.env`), hides files of the snapshot, which
 * then never matches on CI. Empty when git is not available.
 */
export function gitIgnoredFiles(dir: string, files: string[]): string[] {
  const result = spawnSync('git', ['check-ignore', '--stdin'], {
    cwd: repoRoot,
    input: files.map(file => path.join(dir, file)).join('\n'),
    encoding: 'utf8',
  });
  if (result.error || result.status === null || result.status > 1) return [];
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map(file => path.relative(dir, path.resolve(repoRoot, file)));
}
