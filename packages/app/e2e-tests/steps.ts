import fs from 'node:fs';
import path from 'node:path';
import { expect, Page, TestInfo } from '@playwright/test';
import { parseAllDocuments } from 'yaml';
import { seededTrouble } from '@internal/sandbox';

const screenshotDir = path.resolve(
  __dirname,
  '../../../test-results/e2e-screenshots',
);

/** Keeps a full-page screenshot of a step, as a file and as a report attachment. */
export async function keepScreenshot(
  page: Page,
  testInfo: TestInfo,
  step: string,
) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${step}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(step, { path: file, contentType: 'image/png' });
}

/** Development sign-in: the guest provider's "Enter" button comes before any page. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

const root = path.resolve(__dirname, '../../..');

/** Entities of one kind from the files app-config.yaml loads: examples/ and catalog-info.yaml. */
export function catalogEntities(kind: string) {
  const files = [
    ...fs
      .readdirSync(path.join(root, 'examples'))
      .filter(f => f.endsWith('.yaml'))
      .map(f => path.join(root, 'examples', f)),
    path.join(root, 'catalog-info.yaml'),
  ];
  return files
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(file, 'utf8')).map(d => d.toJS()),
    )
    .filter(e => e?.kind === kind) as Array<{
    metadata: { name: string; title?: string };
    spec?: { system?: string };
  }>;
}

/** An example component by name, as the catalog holds it. */
export function exampleComponent(name: string) {
  const component = catalogEntities('Component').find(
    c => c.metadata.name === name,
  );
  if (!component) throw new Error(`examples/ has no component ${name}`);
  return component;
}

/**
 * The services the sandbox's default seed (the one playwright.config.ts starts it with) makes
 * crash-loop in staging and roll out degraded in production.
 */
export function sandboxTrouble(): {
  crashLoop: string;
  degradedRollout: string;
} {
  const { crashLoop, degradedRollout } = seededTrouble(
    path.join(root, 'examples'),
  );
  if (!crashLoop || !degradedRollout) {
    throw new Error(
      'the sandbox seeded no trouble; examples/ has too few services',
    );
  }
  return { crashLoop, degradedRollout };
}

/** The table of the portal's own Deployments card and tab. */
export const DEPLOYMENTS_TABLE = 'Deployments per environment';

/**
 * A row of Roadie's Argo CD overview card. The portal's Deployments card names the same
 * applications, so rows are looked for outside its table.
 */
export function argoCdOverviewRow(page: Page, application: string) {
  return page
    .locator(`table:not([aria-label="${DEPLOYMENTS_TABLE}"]) tr`)
    .filter({ hasText: application });
}

/** A row of the portal's Deployments matrix, by environment title. */
export function deploymentsRow(page: Page, environment: string) {
  return page
    .getByRole('table', { name: DEPLOYMENTS_TABLE })
    .getByRole('row', { name: new RegExp(`^${environment}`) });
}
