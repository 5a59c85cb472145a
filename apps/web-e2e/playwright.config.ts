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

/**
 * What the phone project (Pixel 7) runs. Every spec runs on desktop; on the phone only what the
 * phone changes: the layout (bottom bar, 390–412 px widths), touch, the installed app, and the
 * main flows a member does on a phone. Each entry is a spec file, optionally narrowed to tests
 * whose title contains one of the given texts. `E2E_PHONE_ALL=1` runs every spec on the phone too.
 */
const PHONE: { spec: string; titles?: string[] }[] = [
  { spec: 'shell.spec.ts', titles: ['the navigation fits the device'] },
  { spec: 'pages.spec.ts' },
  { spec: 'chat.spec.ts', titles: ['a message reaches the other person', 'an @mention in chat produces a notification'] },
  { spec: 'documents.spec.ts', titles: ['two people edit one document'] },
  { spec: 'notifications.spec.ts', titles: ['a new notification shows in the badge', 'the installed app opens with the network cut'] },
  { spec: 'directory.spec.ts', titles: ['the statistics page draws labelled charts'] },
  { spec: 'health.spec.ts', titles: ['opens the demo community'] },
  { spec: 'health-twin.spec.ts' },
  // the funding flows are phone-only (a member pledges on a phone; the spec skips them on desktop)
  { spec: 'funding.spec.ts' },
  { spec: 'simulations-designer.spec.ts', titles: ['on a 390 px phone nothing overflows sideways'] },
  // a subset of pages and flows, in the light theme (the spec skips the rest on phones)
  { spec: 'a11y.spec.ts' },
];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phoneGrep = PHONE.map(({ spec, titles }) => new RegExp(`${escape(spec)}.*${titles ? `(${titles.map(escape).join('|')})` : ''}`));

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
      ...(process.env.E2E_PHONE_ALL === '1' ? {} : { grep: phoneGrep }),
      use: { ...devices['Pixel 7'], launchOptions: chromium },
    },
  ],
});
