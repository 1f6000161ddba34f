import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  compareTrees,
  describeDifference,
  FileTree,
  readSnapshot,
  UPDATE_COMMAND,
  writeSnapshot,
} from './snapshot';

const tree = (files: Record<string, string>): FileTree =>
  new Map(Object.entries(files).map(([f, c]) => [f, Buffer.from(c)]));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-test-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('snapshots', () => {
  it('writes added and changed files and deletes removed ones and their folders', () => {
    writeSnapshot(
      dir,
      tree({ 'keep.txt': 'a\n', 'old/gone.txt': 'x\n', 'edit.txt': '1\n' }),
    );
    const written = writeSnapshot(
      dir,
      tree({ 'keep.txt': 'a\n', 'edit.txt': '2\n', 'new/.hidden': 'n\n' }),
    );
    expect(written).toEqual({
      added: ['new/.hidden'],
      removed: ['old/gone.txt'],
      changed: ['edit.txt'],
    });
    expect(fs.existsSync(path.join(dir, 'old'))).toBe(false);
    expect(readSnapshot(dir)).toEqual(
      tree({ 'edit.txt': '2\n', 'keep.txt': 'a\n', 'new/.hidden': 'n\n' }),
    );
  });

  it('describes a difference file by file, with a diff excerpt and the update command', () => {
    const snapshot = tree({ 'a.yaml': 'name: a\nport: 80\n', 'b.txt': 'b\n' });
    const rendered = tree({
      'a.yaml': 'name: a\nport: 8080\n',
      'c.txt': 'c\n',
    });
    const message = describeDifference(
      'demo/default',
      dir,
      snapshot,
      rendered,
      compareTrees(snapshot, rendered),
    );
    expect(message).toContain('  added:   c.txt');
    expect(message).toContain('  removed: b.txt');
    expect(message).toContain('  changed: a.yaml');
    expect(message).toContain('-port: 80\n+port: 8080');
    expect(message).toContain(UPDATE_COMMAND);
  });
});
