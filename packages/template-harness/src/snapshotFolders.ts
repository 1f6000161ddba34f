import fs from 'node:fs';
import path from 'node:path';
import { DiscoveredTemplate } from './discoverTemplates';
import { snapshotsDir } from './repoPaths';

/** Where the rendered tree of one fixture case is committed. */
export const snapshotDirOf = (templateName: string, caseName: string) =>
  path.join(snapshotsDir, templateName, caseName);

const subfolders = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter(entry => entry.isDirectory())
        .map(entry => entry.name)
    : [];

/** Snapshot folders of templates or cases that no longer exist. */
export function orphanSnapshotFolders(
  templates: DiscoveredTemplate[],
): string[] {
  const expected = new Set(
    templates.flatMap(t => t.cases.map(c => snapshotDirOf(t.name, c.name))),
  );
  return subfolders(snapshotsDir)
    .flatMap(template =>
      subfolders(path.join(snapshotsDir, template)).map(c =>
        snapshotDirOf(template, c),
      ),
    )
    .filter(dir => !expected.has(dir));
}
