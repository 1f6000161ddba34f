import { expect, test } from '@playwright/test';
import {
  exampleComponent,
  keepScreenshot,
  sandboxTrouble,
  signInAsGuest,
} from './steps';

/*
 * The sandbox's Datadog (:7104, app-config.yaml) answers in Datadog's own wire format with two
 * SLOs per example service: availability and p99 latency. The service whose production rollout
 * the seed degraded breaches its availability SLO; the crash-looping one is in warning on latency.
 */
const { crashLoop, degradedRollout } = sandboxTrouble();

test.beforeEach(async ({ page }) => {
  await signInAsGuest(page);
});

test('a service shows its SLOs worst first, and their burn-down charts', async ({
  page,
}, testInfo) => {
  await page.goto(`/catalog/default/component/${degradedRollout}`);
  const breached = page.getByTestId(`slo-${degradedRollout}-availability`);
  await expect(breached).toBeVisible();
  await expect(breached.getByText('breached')).toBeVisible();
  await expect(
    page.getByTestId(`slo-${degradedRollout}-latency`),
  ).toBeVisible();
  const order = await page
    .locator(`[data-testid^="slo-${degradedRollout}-"]`)
    .evaluateAll(items => items.map(item => item.getAttribute('data-testid')));
  expect(order).toEqual([
    `slo-${degradedRollout}-availability`,
    `slo-${degradedRollout}-latency`,
  ]);
  await keepScreenshot(page, testInfo, '12-service-slo-card');

  await page.goto(`/catalog/default/component/${degradedRollout}/slos`);
  await expect(page.locator('.recharts-line-curve')).toHaveCount(2);
  const title = exampleComponent(degradedRollout).metadata.title!;
  await expect(page.getByText(`${title} availability`).first()).toBeVisible();
  await keepScreenshot(page, testInfo, '13-service-slo-tab');
});

test('a system rolls up the SLOs of its services, the breach first', async ({
  page,
}, testInfo) => {
  const degraded = exampleComponent(degradedRollout);
  await page.goto(`/catalog/default/system/${degraded.spec!.system}/slos`);
  await expect(
    page.getByRole('link', { name: degraded.metadata.title }),
  ).toBeVisible();
  await expect(page.getByText('Breached: 1')).toBeVisible();
  const rows = page.getByRole('row');
  await expect(rows.nth(1)).toContainText(degraded.metadata.title!);
  await keepScreenshot(page, testInfo, '14-system-slo-rollup');

  // The crash-looping service's latency SLO is in warning, wherever its system is.
  const crashing = exampleComponent(crashLoop);
  await page.goto(`/catalog/default/system/${crashing.spec!.system}/slos`);
  await expect(page.getByText(/Warning: [1-9]/)).toBeVisible();
});
