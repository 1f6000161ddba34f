/*
 * From pressing Create to the registered entity, against the local GitLab stand-in: the service
 * template's task runs in a real backend (scaffolder with GitLab's and the platform's actions,
 * catalog of examples/ on SQLite) and publishes with real git to the sandbox's GitLab, which the
 * catalog then reads the new catalog-info.yaml from. The sandbox listens on its development ports
 * (GitLab on 7101, as app-config.yaml and the URLs it answers with say): stop a running portal
 * (scripts/start.sh) first. Prints the time until the task has finished and
 * until the catalog answers with the new Component.
 *
 *   yarn workspace @internal/template-harness bench:submit [--case node-default] [--runs 5]
 *
 * Target (issue): submit to registered entity at most 15 s.
 */
import request from 'supertest';
import { mockCredentials, TestBackend } from '@backstage/backend-test-utils';
import { startSandbox } from '@internal/sandbox';
import { discoverTemplates } from '../src/discoverTemplates';
import { HARNESS_USER } from '../src/dryRunTemplate';
import { examplesDir } from '../src/repoPaths';
import { startHarnessBackend } from '../src/startHarnessBackend';
import { readArgs, row, runBenchmark } from './benchRun';

const args = readArgs('bench:submit', { case: 'node-default', runs: '5' });
const caseName = args.case;
const runs = Number(args.runs);

const user = () => mockCredentials.user.header(HARNESS_USER);

interface TaskEvent {
  type: string;
  createdAt: string;
  body: { stepId?: string; status?: string; message?: string };
}

async function waitForTask(backend: TestBackend, id: string) {
  for (;;) {
    const task = await request(backend.server)
      .get(`/api/scaffolder/v2/tasks/${id}`)
      .set('Authorization', user());
    if (task.body.status === 'completed') {
      return;
    }
    if (task.body.status === 'failed' || task.body.status === 'cancelled') {
      const events = await taskEvents(backend, id);
      throw new Error(
        `task ${task.body.status}: ${events
          .map(e => e.body.message)
          .filter(Boolean)
          .slice(-5)
          .join(' | ')}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

async function taskEvents(backend: TestBackend, id: string) {
  const res = await request(backend.server)
    .get(`/api/scaffolder/v2/tasks/${id}/events`)
    .set('Authorization', user());
  return res.body as TaskEvent[];
}

async function waitForEntity(backend: TestBackend, name: string) {
  for (;;) {
    const res = await request(backend.server)
      .get(`/api/catalog/entities/by-name/component/default/${name}`)
      .set('Authorization', user());
    if (res.status === 200) {
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

async function main() {
  const template = discoverTemplates().find(t => t.name === 'service');
  const fixture = template?.cases.find(c => c.name === caseName);
  if (!fixture) {
    throw new Error(`No fixture case service/${caseName}`);
  }
  const sandbox = await startSandbox({ examplesDir, warn: () => {} });
  const gitlab = new URL(sandbox.urls.gitlab);
  const backend = await startHarnessBackend();

  const toTask: number[] = [];
  const toEntity: number[] = [];
  for (let i = 0; i < runs; i++) {
    const name = `bench-${Date.now().toString(36)}`;
    const values = {
      ...fixture.values,
      name,
      repoUrl: `localhost:7101?owner=commerce&repo=${name}`,
    };
    const submitted = performance.now();
    const created = await request(backend.server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', user())
      .send({ templateRef: 'template:default/service', values });
    if (created.status !== 201) {
      throw new Error(
        `task not created: ${created.status} ${JSON.stringify(created.body)}`,
      );
    }
    await waitForTask(backend, created.body.id);
    toTask.push(performance.now() - submitted);
    await waitForEntity(backend, name);
    toEntity.push(performance.now() - submitted);
  }
  await backend.stop();
  await sandbox.close();

  const lines = [
    `service template, case ${caseName}, GitLab stand-in on ${gitlab.host}`,
    `${'what'.padEnd(48)} runs    median       p95`,
    row('submit → task completed', toTask),
    row('submit → Component in the catalog', toEntity),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

runBenchmark(main);
