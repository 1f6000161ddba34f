/*
 * How long the template harness takes per template: one dry run through the real scaffolder plus
 * the validation of every rendered file, on one backend started once (what templates.test.ts
 * does), beside the naive way of a fresh backend per render (start, load the example catalog,
 * render, validate, stop), which is what per-case isolation would cost.
 *
 *   yarn workspace @internal/template-harness bench [--template service] [--case node-default]
 *     [--runs 20] [--naive 3]
 *
 * Target (issue): rendering and validating the service template takes at most 3 s.
 */
import { TestBackend } from '@backstage/backend-test-utils';
import { ciExtendsFindings } from '../src/ciTemplateExtends';
import { discoverTemplates, FixtureCase } from '../src/discoverTemplates';
import { dryRunTemplate } from '../src/dryRunTemplate';
import { startHarnessBackend } from '../src/startHarnessBackend';
import { validateRenderedTree } from '../src/validateRenderedTree';
import { readArgs, row, runBenchmark } from './benchRun';

const args = readArgs('bench', {
  template: 'service',
  case: 'node-default',
  runs: '20',
  naive: '3',
});
const templateName = args.template;
const caseName = args.case;
const runs = Number(args.runs);
const naiveRuns = Number(args.naive);

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

const template = discoverTemplates().find(t => t.name === templateName);
const fixture: FixtureCase | undefined = template?.cases.find(
  c => c.name === caseName,
);
if (!template || !fixture) {
  throw new Error(`No fixture case ${templateName}/${caseName}`);
}

/** One harness step: render, then validate every file; fails on any problem. */
async function renderAndValidate(backend: TestBackend) {
  const rendered = await dryRunTemplate(backend, template!, fixture!.values);
  const problems = [
    ...(await validateRenderedTree(backend, rendered.files)),
    ...ciExtendsFindings(rendered.files),
  ];
  if (problems.length > 0) {
    throw new Error(`${templateName}/${caseName}: ${problems.length} problems`);
  }
}

async function main() {
  const startedAt = performance.now();
  const backend = await startHarnessBackend();
  const startup = performance.now() - startedAt;
  // The first run compiles the schemas (GitLab CI, Kubernetes): reported on its own.
  const first = await timed(() => renderAndValidate(backend));
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    warm.push(await timed(() => renderAndValidate(backend)));
  }
  await backend.stop();

  const naive: number[] = [];
  for (let i = 0; i < naiveRuns; i++) {
    naive.push(
      await timed(async () => {
        const fresh = await startHarnessBackend();
        await renderAndValidate(fresh);
        await fresh.stop();
      }),
    );
  }

  const lines = [
    `template ${templateName}, case ${caseName}`,
    `${'what'.padEnd(48)} runs    median       p95`,
    row('backend start and example catalog load (once)', [startup]),
    row('first render + validation (compiles schemas)', [first]),
    row('render + validation, shared backend (harness)', warm),
    row('naive: fresh backend per render', naive),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

runBenchmark(main);
