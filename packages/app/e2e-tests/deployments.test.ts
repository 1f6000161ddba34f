import { expect, test } from '@playwright/test';
import {
  deploymentsRow,
  keepScreenshot,
  sandboxTrouble,
  signInAsGuest,
} from './steps';

test.beforeEach(async ({ page }) => {
  await signInAsGuest(page);
});

test('the Deployments card shows every environment of a healthy service', async ({
  page,
}, testInfo) => {
  await page.goto('/catalog/default/component/checkout-api');
  for (const environment of ['Development', 'Staging', 'Production']) {
    const row = deploymentsRow(page, environment);
    await expect(row).toContainText('Healthy');
    await expect(row).toContainText('Synced');
    await expect(row).toContainText(/ready/);
  }
  await expect(deploymentsRow(page, 'Staging')).toContainText(
    /behind development|up to date with development/,
  );
  await expect(deploymentsRow(page, 'Development')).toContainText(/success/);
  await keepScreenshot(page, testInfo, '30-deployments-card');
});

test('the seeded trouble shows in the Deployments card and tab, with its reasons', async ({
  page,
}, testInfo) => {
  const { crashLoop, degradedRollout } = sandboxTrouble();

  await page.goto(`/catalog/default/component/${crashLoop}`);
  const staging = deploymentsRow(page, 'Staging');
  await expect(staging).toContainText('Degraded');
  await expect(staging).toContainText('CrashLoopBackOff');
  await expect(deploymentsRow(page, 'Development')).toContainText('Healthy');
  await keepScreenshot(page, testInfo, '31-deployments-crash-loop');

  await page.goto(`/catalog/default/component/${degradedRollout}/deployments`);
  const production = deploymentsRow(page, 'Production');
  await expect(production).toContainText('Degraded');
  await expect(production).toContainText('ImagePullBackOff');
  await expect(
    page.getByText(/exceeded its progress deadline/).first(),
  ).toBeVisible();
  await expect(
    page.getByText('Deploy timeline (newest first):').first(),
  ).toBeVisible();
  await keepScreenshot(page, testInfo, '32-deployments-tab-degraded-rollout');
});

test('the Deployments page lists every service per environment and filters the unhealthy ones', async ({
  page,
}, testInfo) => {
  const { crashLoop, degradedRollout } = sandboxTrouble();
  await page.goto('/deployments');
  await expect(
    page.getByRole('heading', { name: 'Deployments' }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Checkout API', exact: true }),
  ).toBeVisible();
  await keepScreenshot(page, testInfo, '33-deployments-page');

  await page.getByLabel('Unhealthy only').check();
  await expect(
    page.getByRole('link', { name: 'Checkout API', exact: true }),
  ).toHaveCount(0);
  for (const service of [crashLoop, degradedRollout]) {
    await expect(
      page
        .getByRole('row')
        .filter({ hasText: new RegExp(service!, 'i') })
        .first(),
    ).toContainText('Degraded');
  }
  await keepScreenshot(page, testInfo, '34-deployments-page-unhealthy');
});
