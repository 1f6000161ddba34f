import fs from 'node:fs/promises';
import path from 'node:path';

/** Folders that are never part of what a template renders. */
const SKIPPED = new Set(['.git', 'node_modules', '.terraform']);

/** Every file under `root`, as forward-slash paths relative to it, sorted. */
export async function listWorkspaceFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) await walk(path.join(dir, entry.name));
      } else if (entry.isFile()) {
        files.push(
          path
            .relative(root, path.join(dir, entry.name))
            .split(path.sep)
            .join('/'),
        );
      }
    }
  };
  await walk(root);
  return files.sort();
}
