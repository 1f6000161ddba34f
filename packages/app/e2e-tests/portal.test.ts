import { expect, test } from '@playwright/test';
import {
  argoCdOverviewRow,
  catalogEntities,
  keepScreenshot,
  sandboxTrouble,
  signInAsGuest,
} from './steps';

test.beforeEach(async ({ page }) => {
  await signInAsGuest(page);
});

test('home page loads', async ({ page }, testInfo) => {
  await expect(
    page.getByRole('heading', { name: 'Welcome to the Platform Portal' }),
  ).toBeVisible();
  await keepScreenshot(page, testInfo, '01-home');
});

test('catalog lists the example components', async ({ page }, testInfo) => {
  const components = catalogEntities('Component');
  await page.goto('/catalog?filters[kind]=component&filters[user]=all');
  // The table is paginated; its title counts every component the catalog holds: the examples,
  // and any service the golden-path test created from a template in this run.
  const title = page.getByRole('heading', {
    name: /^All Components \(\d+\)$/,
    level: 2,
  });
  await expect
    .poll(async () => Number((await title.textContent())?.match(/\d+/)?.[0]))
    .toBeGreaterThanOrEqual(components.length);
  const checkout = components.find(c => c.metadata.name === 'checkout-api')!;
  await expect(
    page.getByRole('link', { name: checkout.metadata.title, exact: true }),
  ).toBeVisible();
  await keepScreenshot(page, testInfo, '02-catalog');
});

test('a service page shows its pipelines, deployments and workloads from the upstreams', async ({
  page,
}, testInfo) => {
  await page.goto('/catalog/default/component/checkout-api');
  await expect(
    page.getByRole('heading', { name: 'Checkout API' }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Overview', exact: true }),
  ).toBeVisible();
  // GitLab's pipelines of main and Argo CD's applications in every environment, as the sandbox
  // serves them in the upstreams' wire formats.
  await expect(page.getByText('Gitlab Pipelines: Checkout API')).toBeVisible();
  await expect(page.getByText('success').first()).toBeVisible();
  await expect(page.getByText('ArgoCD overview')).toBeVisible();
  for (const app of [
    'checkout-api-development',
    'checkout-api-staging',
    'checkout-api-prod-eu-1',
    'checkout-api-prod-eu-2',
  ]) {
    const row = argoCdOverviewRow(page, app);
    await expect(row).toContainText('Synced');
    await expect(row).toContainText('Healthy');
  }
  await expect(page.getByText(/is not reachable/)).toHaveCount(0);
  await expect(page.getByText(/wrong project_slug/)).toHaveCount(0);
  await keepScreenshot(page, testInfo, '03-service-overview');

  await page.getByRole('button', { name: 'Development', exact: true }).click();
  await expect(
    page.getByRole('menuitemradio', { name: 'CI/CD' }),
  ).toBeVisible();
  await keepScreenshot(page, testInfo, '04-service-development-tabs');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Deployment', exact: true }).click();
  await expect(
    page.getByRole('menuitemradio', { name: 'Deployments' }),
  ).toBeVisible();
  await expect(
    page.getByRole('menuitemradio', { name: 'Kubernetes' }),
  ).toBeVisible();
  await keepScreenshot(page, testInfo, '05-service-deployment-tabs');
  await page.getByRole('menuitemradio', { name: 'Kubernetes' }).click();
  await expect(page).toHaveURL(/\/kubernetes$/);
  await expect(page.getByText('Your Clusters')).toBeVisible();
  for (const cluster of [
    'dev-eu-1',
    'staging-eu-1',
    'prod-eu-1',
    'prod-eu-2',
  ]) {
    await expect(page.getByText(cluster, { exact: true })).toBeVisible();
  }
  await expect(page.getByText('No pods with errors')).toHaveCount(4);
  await keepScreenshot(page, testInfo, '06-service-kubernetes-tab');
});

test('the seeded trouble shows where it fell: a crash loop in staging, a degraded production rollout', async ({
  page,
}, testInfo) => {
  const { crashLoop, degradedRollout } = sandboxTrouble();

  await page.goto(`/catalog/default/component/${crashLoop}/kubernetes`);
  await expect(page.getByText('Your Clusters')).toBeVisible();
  await expect(page.getByText('Error Reporting')).toBeVisible();
  await expect(
    page.getByText(/back-off .* restarting failed container/).first(),
  ).toBeVisible();
  await expect(page.getByText('2 pods with errors')).toBeVisible();
  await keepScreenshot(page, testInfo, '06a-crash-loop-kubernetes');

  await page.goto(`/catalog/default/component/${degradedRollout}`);
  await expect(page.getByText('ArgoCD overview')).toBeVisible();
  await expect(
    argoCdOverviewRow(page, `${degradedRollout}-prod-eu-1`),
  ).toContainText('Degraded');
  await expect(
    argoCdOverviewRow(page, `${degradedRollout}-staging`),
  ).toContainText('Healthy');
  await keepScreenshot(page, testInfo, '06b-degraded-rollout-overview');
});

test('a service without integration annotations shows none of their cards or tabs', async ({
  page,
}, testInfo) => {
  await page.goto('/catalog/default/component/legacy-reporting');
  await expect(
    page.getByRole('heading', { name: 'Legacy reporting' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Development', exact: true }),
  ).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: 'Deployment', exact: true }),
  ).toHaveCount(0);
  await expect(page.getByText('ArgoCD overview')).toHaveCount(0);
  await expect(page.getByText(/Missing Annotation/i)).toHaveCount(0);
  await expect(page.getByText(/is not reachable/)).toHaveCount(0);
  await keepScreenshot(page, testInfo, '07-plain-service');
});

test('an environment page shows its details and the services deployed to it', async ({
  page,
}, testInfo) => {
  await page.goto('/catalog/default/environment/production');
  await expect(
    page.getByRole('heading', { name: 'Production' }).first(),
  ).toBeVisible();
  await expect(page.getByText('Services deployed here')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Checkout API', exact: true }).first(),
  ).toBeVisible();
  await expect(page.getByText('Pipelines deploying here')).toBeVisible();
  await expect(page.getByText('instance prod, project default')).toBeVisible();
  await keepScreenshot(page, testInfo, '10-environment');
});

test('a pipeline page shows what it runs, builds and deploys, in cards and in the graph', async ({
  page,
}, testInfo) => {
  await page.goto('/catalog/default/pipeline/checkout-api-ci');
  await expect(
    page.getByRole('heading', { name: 'Checkout API CI' }).first(),
  ).toBeVisible();
  await expect(
    page.getByText('lint → test → build → scan → deploy'),
  ).toBeVisible();
  // The card's title, then its rows: the environments of spec.deploysTo, as links.
  await expect(page.getByRole('heading', { name: 'Deploys to' })).toBeVisible();
  for (const environment of ['Development', 'Staging', 'Production']) {
    await expect(
      page.getByRole('link', { name: environment, exact: true }),
    ).toBeVisible();
  }
  // The Relations graph draws the portal's own relation types (catalogGraphModule).
  await expect(page.getByText('builds', { exact: true }).first()).toBeVisible();
  await keepScreenshot(page, testInfo, '11-pipeline');
});

test('the create page lists the templates', async ({ page }, testInfo) => {
  await page.goto('/create');
  for (const title of [
    'Service (Node.js or Go)',
    'Cloud resource for a service',
    'GitLab CI pipeline',
    'Platform CI templates',
  ]) {
    await expect(page.getByText(title, { exact: true })).toBeVisible();
  }
  await keepScreenshot(page, testInfo, '08-create');
});

test('the unprocessed entities page opens for catalog errors', async ({
  page,
}, testInfo) => {
  await page.goto('/catalog-unprocessed-entities');
  await expect(
    page.getByRole('heading', { name: 'Unprocessed Entities' }).first(),
  ).toBeVisible();
  await keepScreenshot(page, testInfo, '09-unprocessed-entities');
});
