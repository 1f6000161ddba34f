import fs from 'node:fs';
import path from 'node:path';
import { expect, Page, TestInfo } from '@playwright/test';
import { parseAllDocuments } from 'yaml';

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

/** Entities of one kind from the files app-config.yaml loads: examples/ and catalog-info.yaml. */
export function catalogEntities(kind: string) {
  const root = path.resolve(__dirname, '../../..');
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
  }>;
}
