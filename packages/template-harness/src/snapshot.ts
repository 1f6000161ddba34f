import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repoPaths';
import { unifiedDiff } from './unifiedDiff';

/** A rendered tree: path (POSIX, relative) → content. */
export type FileTree = Map<string, Buffer>;

export interface SnapshotDifference {
  /** Rendered now, not in the snapshot. */
  added: string[];
  /** In the snapshot, no longer rendered. */
  removed: string[];
  /** In both, with different content. */
  changed: string[];
}

export const UPDATE_COMMAND =
  'UPDATE_TEMPLATE_SNAPSHOTS=1 yarn workspace @internal/template-harness test';

function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(entry =>
      entry.isDirectory()
        ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    );
}

/** The committed snapshot in `dir` as a tree; empty when there is none. */
export function readSnapshot(dir: string): FileTree {
  return new Map(
    listFiles(dir)
      .sort()
      .map(file => [file, fs.readFileSync(path.join(dir, file))]),
  );
}

export function compareTrees(
  snapshot: FileTree,
  rendered: FileTree,
): SnapshotDifference {
  const sorted = (files: Iterable<string>) => [...files].sort();
  return {
    added: sorted([...rendered.keys()].filter(f => !snapshot.has(f))),
    removed: sorted([...snapshot.keys()].filter(f => !rendered.has(f))),
    changed: sorted(
      [...rendered.keys()].filter(
        f => snapshot.has(f) && !snapshot.get(f)!.equals(rendered.get(f)!),
      ),
    ),
  };
}

export const isUnchanged = (d: SnapshotDifference) =>
  d.added.length + d.removed.length + d.changed.length === 0;

const isBinary = (content: Buffer) => content.includes(0);

function excerpt(file: string, before: Buffer, after: Buffer): string {
  if (isBinary(before) || isBinary(after)) {
    return `Binary file ${file} differs (${before.length} → ${after.length} bytes)`;
  }
  return unifiedDiff(before.toString('utf8'), after.toString('utf8'), {
    before: `snapshot/${file}`,
    after: `rendered/${file}`,
  });
}

/** The failure message: which files differ, an excerpt of each change, and how to update. */
export function describeDifference(
  label: string,
  snapshotDir: string,
  snapshot: FileTree,
  rendered: FileTree,
  difference: SnapshotDifference,
): string {
  const where = path.relative(repoRoot, snapshotDir);
  const lines = [
    snapshot.size === 0
      ? `${label} has no snapshot yet (${where}).`
      : `${label} renders something else than its snapshot (${where}):`,
    ...difference.added.map(f => `  added:   ${f}`),
    ...difference.removed.map(f => `  removed: ${f}`),
    ...difference.changed.map(f => `  changed: ${f}`),
  ];
  if (snapshot.size > 0) {
    for (const file of difference.changed) {
      lines.push('', excerpt(file, snapshot.get(file)!, rendered.get(file)!));
    }
    for (const file of difference.added) {
      lines.push('', excerpt(file, Buffer.alloc(0), rendered.get(file)!));
    }
  }
  lines.push(
    '',
    'If the template change is intended, write the snapshot again and commit it:',
    `  ${UPDATE_COMMAND}`,
  );
  return lines.join('\n');
}

function removeEmptyFolders(dir: string): void {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return;
  for (const entry of fs.readdirSync(dir)) {
    removeEmptyFolders(path.join(dir, entry));
  }
  if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
}

/** Makes `dir` hold exactly `rendered`: writes added and changed files, deletes removed ones. */
export function writeSnapshot(
  dir: string,
  rendered: FileTree,
): SnapshotDifference {
  const difference = compareTrees(readSnapshot(dir), rendered);
  for (const file of difference.removed) {
    fs.rmSync(path.join(dir, file));
  }
  for (const file of [...difference.added, ...difference.changed]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), rendered.get(file)!);
  }
  removeEmptyFolders(dir);
  return difference;
}

/** Why `rendered` does not match the snapshot in `dir`, or undefined when it does. */
export function snapshotMismatch(
  label: string,
  dir: string,
  rendered: FileTree,
): string | undefined {
  const snapshot = readSnapshot(dir);
  const difference = compareTrees(snapshot, rendered);
  return isUnchanged(difference)
    ? undefined
    : describeDifference(label, dir, snapshot, rendered, difference);
}
