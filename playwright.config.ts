import { defineConfig } from '@playwright/test';

/**
 * End-to-end suite against the portal started exactly as the README's start command does
 * (the sandbox's GitLab, Argo CD, Kubernetes and Datadog on :7101-7104, frontend :3000, backend
 * :7007), driven in Debian's Chromium (PORTAL_CHROMIUM, set by scripts/test.sh). Screenshots of
 * every step land in test-results/e2e-screenshots/.
 *
 * In CI nothing may already listen on these ports: Playwright refuses to start rather than test
 * against whatever answers there.
 */
const chromium = process.env.PORTAL_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/e2e.json' }],
    ['html', { open: 'never', outputFolder: 'test-results/e2e-report' }],
  ],
  outputDir: 'test-results/e2e-artifacts',
  webServer: [
    {
      // The default seed, as `scripts/start.sh` runs it; tests ask the sandbox package where
      // its seeded trouble fell. Pipelines of pushed projects run 4 s per stage instead of 8,
      // so the golden-path test's pipeline passes well within its 60 s. The version endpoint
      // answers 401 without a token: ready.
      command: 'yarn workspace @internal/sandbox start --stage-seconds 4',
      url: 'http://127.0.0.1:7101/api/v4/version',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      // SIGTERM lets the sandbox close its servers and remove the git folder it made in /tmp;
      // Playwright's default is SIGKILL.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      command: 'yarn workspace backend start',
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
    },
    {
      command: 'yarn workspace app start',
      url: 'http://localhost:3000',
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
  ],
  use: {
    baseURL: 'http://localhost:3000',
    viewport: { width: 1400, height: 1000 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
