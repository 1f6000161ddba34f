import fs from 'node:fs';
import path from 'node:path';
import { TestBackend } from '@backstage/backend-test-utils';
import {
  formatWorkspaceProblem,
  WorkspaceProblem,
} from '@internal/plugin-scaffolder-backend-module-platform';
import { ciExtendsFindings } from './ciTemplateExtends';
import { discoverTemplates, orphanFixtureFolders } from './discoverTemplates';
import { dryRunTemplate, RenderedTemplate } from './dryRunTemplate';
import { gitIgnoredFiles } from './gitIgnoredFiles';
import { fixturesDir, repoRoot } from './repoPaths';
import {
  compareTrees,
  FileTree,
  isUnchanged,
  snapshotMismatch,
  UPDATE_COMMAND,
  writeSnapshot,
} from './snapshot';
import { orphanSnapshotFolders, snapshotDirOf } from './snapshotFolders';
import { startHarnessBackend } from './startHarnessBackend';
import { missingValidateStep } from './templateSteps';
import { validateRenderedTree } from './validateRenderedTree';

/*
 * The template harness: every templates/*.yaml through the real scaffolder's dry run with each
 * fixture case of templates/__fixtures__/<template>/, every generated file validated, and the
 * rendered tree compared with templates/__snapshots__/<template>/<case>/ (or written there with
 * UPDATE_TEMPLATE_SNAPSHOTS=1). See this package's README. Each check states its problem as a
 * message (undefined when there is none), so a failure reads as what to fix.
 */

const updateAsked = process.env.UPDATE_TEMPLATE_SNAPSHOTS === '1';
// CI compares, never writes: with CI set the request to update is refused (first test).
const updating = updateAsked && !process.env.CI;
const templates = discoverTemplates();
const relative = (file: string) => path.relative(repoRoot, file);
const problemsIn = (label: string, findings: WorkspaceProblem[]) =>
  findings.length === 0
    ? undefined
    : `${label}:\n${findings.map(formatWorkspaceProblem).join('\n')}`;

jest.setTimeout(60_000);

let backend: TestBackend;
beforeAll(async () => {
  backend = await startHarnessBackend();
}, 120_000);
afterAll(() => backend?.stop());

it('writes snapshots only when asked, and never on CI', () => {
  expect(
    updateAsked && !updating
      ? 'UPDATE_TEMPLATE_SNAPSHOTS=1 and CI are both set: CI compares snapshots and never writes them'
      : undefined,
  ).toBeUndefined();
});

it('finds the golden-path templates', () => {
  expect(templates.map(t => t.name)).not.toEqual([]);
});

it('has no fixture folder without its template', () => {
  expect(orphanFixtureFolders(templates).map(relative)).toEqual([]);
});

it('has no snapshot without its template and fixture case', () => {
  if (updating) {
    for (const dir of orphanSnapshotFolders(templates)) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const orphans = orphanSnapshotFolders(templates).map(relative);
  expect(
    orphans.length > 0
      ? `Snapshots of templates or cases that no longer exist: ${orphans.join(
          ', ',
        )}. Delete them with: ${UPDATE_COMMAND}`
      : undefined,
  ).toBeUndefined();
});

/**
 * Writes a case's snapshot and says what changed; returns why the snapshot could not be committed
 * as written (git ignores some of its files), or undefined.
 */
function updateSnapshot(dir: string, files: FileTree): string | undefined {
  const written = writeSnapshot(dir, files);
  if (!isUnchanged(written)) {
    process.stdout.write(
      `Updated ${relative(dir)}: ${written.added.length} added, ${
        written.changed.length
      } changed, ${written.removed.length} deleted\n`,
    );
  }
  const ignored = gitIgnoredFiles(dir, [...files.keys()]);
  return ignored.length > 0
    ? `git ignores files of ${relative(
        dir,
      )}, so they would never be committed: ${ignored.join(
        ', ',
      )}. Rename the rendered file or un-ignore it under templates/__snapshots__ (git check-ignore -v <file> names the rule).`
    : undefined;
}

describe.each(templates)('template $name', template => {
  it('has at least one fixture case (every template is tested)', () => {
    expect(
      template.cases.length === 0
        ? `${relative(template.file)} has no fixture case: add ${relative(
            path.join(fixturesDir, template.name),
          )}/<case>.yaml with the form values to render it with (see packages/template-harness/README.md)`
        : undefined,
    ).toBeUndefined();
  });

  it('validates what it renders before publishing (platform:validate)', () => {
    expect(missingValidateStep(template.entity)).toBeUndefined();
  });

  if (template.cases.length === 0) return;

  describe.each(template.cases)('case $name', fixture => {
    const label = `${template.name}/${fixture.name}`;
    const snapshotDir = snapshotDirOf(template.name, fixture.name);
    let rendering: RenderedTemplate | undefined;
    let renderingError: unknown;

    // Rendered once per case; a failure is reported by the first test, the others only point at it.
    beforeAll(async () => {
      rendering = await dryRunTemplate(backend, template, fixture.values).catch(
        error => {
          renderingError = error;
          return undefined;
        },
      );
    });
    const rendered = () => {
      if (!rendering) {
        throw new Error(
          `${label} did not render: see "renders through the scaffolder with no failed step"`,
        );
      }
      return rendering;
    };

    it('renders through the scaffolder with no failed step', () => {
      if (renderingError) throw renderingError;
      expect(rendered().files.size).toBeGreaterThan(0);
      // Only actions that cannot run in a dry run may be skipped (publish, merge requests).
      const skippedFetches = template.entity.spec.steps
        .filter(step => rendered().skippedSteps.includes(step.id ?? ''))
        .filter(step => step.action.startsWith('fetch:'));
      expect(skippedFetches).toEqual([]);
    });

    it('renders the same tree twice (the snapshot holds nothing that varies per run)', async () => {
      const first = rendered();
      const again = await dryRunTemplate(backend, template, fixture.values);
      const difference = compareTrees(first.files, again.files);
      expect(
        isUnchanged(difference)
          ? undefined
          : `${label} rendered different files in two runs with the same values: ${[
              ...difference.added,
              ...difference.removed,
              ...difference.changed,
            ].join(', ')}. Normalise what varies in src/normaliseRendered.ts.`,
      ).toBeUndefined();
    });

    it('matches its snapshot (or writes it, with UPDATE_TEMPLATE_SNAPSHOTS=1)', () => {
      const files = rendered().files;
      const notCommittable = updating
        ? updateSnapshot(snapshotDir, files)
        : undefined;
      expect(notCommittable).toBeUndefined();
      expect(snapshotMismatch(label, snapshotDir, files)).toBeUndefined();
    });

    it('generates only valid files (the platform validation)', async () => {
      const findings = await validateRenderedTree(backend, rendered().files);
      expect(
        problemsIn(`${label} generates invalid files`, findings),
      ).toBeUndefined();
    });

    it('extends only jobs that platform/ci-templates defines', () => {
      const findings = ciExtendsFindings(rendered().files);
      expect(
        problemsIn(
          `${label} generates a pipeline that extends unknown jobs`,
          findings,
        ),
      ).toBeUndefined();
    });
  });
});
