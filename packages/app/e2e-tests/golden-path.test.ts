import { expect, Page, test } from '@playwright/test';
import { SANDBOX_PORTS, SANDBOX_TOKENS } from '@internal/sandbox';
import { argoCdOverviewRow, keepScreenshot, signInAsGuest } from './steps';

/*
 * The portal's main promise, end to end against the sandbox: a developer fills the Node.js golden
 * path's form; the scaffolder pushes the repository to the sandbox GitLab over git; the push starts
 * a pipeline from the pushed .gitlab-ci.yml; once it passes, Argo CD syncs development; the new
 * service's page shows the pushed revision synced and healthy there — within 60 s of submitting.
 */
const GROUP = 'commerce';
/** Titles of the Environment entities the form is given, in promotion order. */
const ENVIRONMENTS = ['Development', 'Staging', 'Production'];
const SUBMIT_TO_HEALTHY_MS = 60_000;

test.setTimeout(150_000);

async function sandboxGitlab<T>(path: string): Promise<T> {
  const response = await fetch(
    `http://127.0.0.1:${SANDBOX_PORTS.gitlab}/api/v4${path}`,
    { headers: { 'private-token': SANDBOX_TOKENS.gitlab } },
  );
  expect(response.status, `GitLab ${path}`).toBe(200);
  return (await response.json()) as T;
}

async function fillTheForm(page: Page, name: string) {
  // The template's form, as its card's Choose button opens it (portal.test.ts checks the cards).
  await page.goto('/create/templates/default/service');
  // The runtime stays at its default, Node.js (the pushed commit's title below says so).
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Description').fill('Baskets for the end-to-end test');
  // The owner picker lists the catalog's groups by title: Platform is group:platform-team.
  await page.getByLabel('Owner').fill('Platform');
  await page.getByRole('option', { name: 'Platform', exact: true }).click();
  await page.getByRole('button', { name: 'Next' }).click();

  // The environments step offers the catalog's Environment entities (examples/environments.yaml)
  // by title; each chosen one gets an overlay, an Argo CD application and a deploy job. The
  // sandbox deploys the first one (development). No database or bucket: the cloud service account
  // switch stays at its default.
  for (const environment of ENVIRONMENTS) {
    await page.getByLabel('Environments').fill(environment);
    await page.getByRole('option', { name: environment, exact: true }).click();
  }
  await page.getByRole('button', { name: 'Next' }).click();

  // The repository step: the host is the one GitLab integration (the sandbox).
  // The repository name is a free-text autocomplete (it offers the group's projects): leaving
  // the field commits what was typed.
  await page.getByLabel('Owner').fill(GROUP);
  await page.getByRole('textbox', { name: 'Repository' }).fill(name);
  await page.getByRole('textbox', { name: 'Repository' }).press('Tab');
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(
    page.getByText(`localhost:7101?owner=${GROUP}&repo=${name}`),
  ).toBeVisible();
}

test('a service created from the golden path is pushed, built and synced to development', async ({
  page,
}, testInfo) => {
  const name = `basket-${Date.now().toString(36)}`;
  await signInAsGuest(page);
  await fillTheForm(page, name);
  await keepScreenshot(page, testInfo, '20-golden-path-review');

  await page.getByRole('button', { name: 'Create' }).click();
  const submittedAt = Date.now();
  await expect(page.getByRole('link', { name: 'Open in catalog' })).toBeVisible(
    { timeout: SUBMIT_TO_HEALTHY_MS },
  );
  await keepScreenshot(page, testInfo, '21-golden-path-task-done');

  // The push reached the sandbox GitLab as real git: its files and its pipeline are there.
  const slug = encodeURIComponent(`${GROUP}/${name}`);
  const [head] = await sandboxGitlab<Array<{ id: string; title: string }>>(
    `/projects/${slug}/repository/commits?ref_name=main`,
  );
  expect(head.title).toBe(`Create ${name} from the Node.js golden path`);
  const pipelines = await sandboxGitlab<Array<{ sha: string }>>(
    `/projects/${slug}/pipelines?ref=main`,
  );
  expect(pipelines[0].sha).toBe(head.id);
  // Each chosen environment got its overlay and its Argo CD file, named after the entity.
  const tree = await sandboxGitlab<Array<{ path: string }>>(
    `/projects/${slug}/repository/tree?ref=main&recursive=true&per_page=100`,
  );
  const paths = tree.map(entry => entry.path);
  for (const environment of ENVIRONMENTS.map(title => title.toLowerCase())) {
    expect(paths).toContain(`argocd/${environment}.yaml`);
    expect(paths).toContain(
      `deploy/overlays/${environment}/kustomization.yaml`,
    );
  }

  await page.getByRole('link', { name: 'Open in catalog' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await keepScreenshot(page, testInfo, '22-golden-path-service-page');

  // Argo CD's development application goes OutOfSync → Syncing → Synced/Healthy; the page
  // reads it on load, so it is reloaded until the application is healthy.
  const application = argoCdOverviewRow(page, `${name}-development`);
  await expect(async () => {
    await page.reload();
    await expect(application).toContainText('Synced', { timeout: 5_000 });
    await expect(application).toContainText('Healthy', { timeout: 1_000 });
  }).toPass({
    timeout: Math.max(SUBMIT_TO_HEALTHY_MS - (Date.now() - submittedAt), 0),
    intervals: [2_000],
  });
  testInfo.annotations.push({
    type: 'submit to healthy in development',
    description: `${((Date.now() - submittedAt) / 1000).toFixed(1)} s`,
  });
  await keepScreenshot(page, testInfo, '23-golden-path-synced-healthy');

  // The revision Argo CD deployed is the one pushed (Roadie's Argo CD tab, history).
  await page.goto(`/catalog/default/component/${name}/argocd`);
  await expect(
    page.getByRole('row').filter({ hasText: head.id }).first(),
  ).toBeVisible();
  await keepScreenshot(page, testInfo, '24-golden-path-deployed-revision');

  // And its workloads run in the development cluster.
  await page.goto(`/catalog/default/component/${name}/kubernetes`);
  await expect(page.getByText('dev-eu-1', { exact: true })).toBeVisible();
  await expect(page.getByText('2 pods')).toBeVisible();
  await keepScreenshot(page, testInfo, '25-golden-path-kubernetes');
});
