import { defineConfig, devices } from '@playwright/test';

// The lead's e2e script starts the server and passes its address; the default suits a local dev run.
const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';

// Debian's chromium: `npx playwright install` cannot download browsers on these machines.
const chromium = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig({
  testDir: './src',
  // Per run when scripts/e2e.sh sets it, so concurrent runs in one checkout keep their own traces.
  outputDir: process.env.E2E_OUTPUT_DIR ?? './test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // Two cores: more workers only make the dev server and the database contend.
  workers: 2,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never', outputFolder: './playwright-report' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromium,
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'desktop',
      dependencies: ['setup'],
      testIgnore: /auth\.setup\.ts/,
      use: { ...devices['Desktop Chrome'], channel: undefined, launchOptions: chromium, viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'phone',
      dependencies: ['setup'],
      // Screenshots set their own viewports; taking them once is enough.
      testIgnore: [/auth\.setup\.ts/, /screenshots\.spec\.ts/],
      use: { ...devices['Pixel 7'], launchOptions: chromium },
    },
  ],
});
