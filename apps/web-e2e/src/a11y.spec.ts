import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoSeriousViolations } from './support/axe';
import { storageStatePath, type DemoUser } from './support/demo-users';
import { clickUntil } from './support/ui';

// Issue 10: axe (WCAG 2.1 A/AA) finds no serious or critical violation on any top-level page, in
// the light and the dark theme on desktop (the light theme and the member's main pages on phone), nor in
// the main flows with their popups open (the pledge form and the chat composer also on phone).
// No rule is disabled.

const SLUG = 'p2pvalue-demo';
const PROJECT = 'commons-handbook';
const NEED = 'Illustrations for the governance chapter';
const PRESET = 'offline21sep_QuickDeath';
// A tiny experiment for the results page (the worker finishes it in a moment).
const EXPERIMENT = { name: 'a11y experiment', repetitions: 1, steps: 20, metrics: ['count_1s', 'count_9s'], enumerated: { 'community-type': ['offline'], 'platform-features': [false] }, seed: 7 };

type Who = DemoUser | 'anonymous';
interface Ids {
  caseId: string;
  datasetId: string;
  documentUrl: string;
  needId: string;
  experimentId: string;
}

async function json<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.status(), `${url}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

/** The ids behind the dynamic pages: a seeded case, document and need; a fresh data set draft and experiment. */
async function resolveIds(browser: Browser, baseURL: string): Promise<Ids> {
  const staff = await browser.newContext({ storageState: storageStatePath('staff'), baseURL });
  const researcher = await browser.newContext({ storageState: storageStatePath('researcher'), baseURL });
  try {
    const cases = await json<{ items: { id: string }[] }>(staff.request, '/api/v1/cases?pageSize=1');
    const projects = await json<{ items: { id: string; slug: string }[] }>(staff.request, `/api/v1/projects?community=${SLUG}`);
    const project = projects.items.find((p) => p.slug === PROJECT)!;
    const docs = await json<{ items: { id: string; kind?: string }[] }>(staff.request, `/api/v1/documents?project=${project.id}`);
    const doc = docs.items.find((d) => d.kind !== 'folder')!;
    const needs = await json<{ items: { id: string; title: string }[] }>(staff.request, `/api/v1/projects/${project.id}/needs`);
    const need = needs.items.find((n) => n.title === NEED)!;
    const submitted = await researcher.request.post('/api/v1/experiments', { data: EXPERIMENT, headers: { origin: new URL(baseURL).origin } });
    expect(submitted.status(), await submitted.text()).toBe(200);
    // A data set has no REST create: the staff user deposits a draft through the form.
    const page = await staff.newPage();
    await page.goto('/archive/new');
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await page.getByLabel('Title *').fill(`Accessibility check ${Date.now()}`);
    await page.getByLabel('Description').fill('A draft for the accessibility check.');
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await expect(page).toHaveURL(/\/archive\/[^/?]+\?version=1$/, { timeout: 30_000 });
    return {
      caseId: cases.items[0]!.id,
      datasetId: new URL(page.url()).pathname.split('/').pop()!,
      documentUrl: `/communities/${SLUG}/projects/${PROJECT}/documents/${doc.id}`,
      needId: need.id,
      experimentId: ((await submitted.json()) as { id: string }).id,
    };
  } finally {
    await staff.close();
    await researcher.close();
  }
}

// Every top-level page of apps/web/src/app, as the demo user who would use it.
// `phone: true`: also checked in the phone layout (light theme) — the pages a member uses on a
// phone, where the bottom bar and the narrow layout differ; the rest is the same markup.
const PAGES: { name: string; who: Who; path: (ids: Ids) => string; phone?: true }[] = [
  { name: 'home', who: 'member', path: () => '/', phone: true },
  { name: 'directory', who: 'member', path: () => '/directory', phone: true },
  { name: 'case', who: 'member', path: (ids) => `/directory/cases/${ids.caseId}` },
  { name: 'archive', who: 'member', path: () => '/archive' },
  { name: 'data set', who: 'staff', path: (ids) => `/archive/${ids.datasetId}` },
  { name: 'communities', who: 'member', path: () => '/communities', phone: true },
  { name: 'community home', who: 'member', path: () => `/communities/${SLUG}`, phone: true },
  { name: 'members', who: 'member', path: () => `/communities/${SLUG}/members` },
  { name: 'needs', who: 'member', path: () => `/communities/${SLUG}/projects/${PROJECT}/needs`, phone: true },
  { name: 'need', who: 'member', path: (ids) => `/communities/${SLUG}/needs/${ids.needId}` },
  { name: 'funding', who: 'member', path: () => `/communities/${SLUG}/funding`, phone: true },
  { name: 'chat', who: 'member', path: () => `/communities/${SLUG}/chat`, phone: true },
  { name: 'health', who: 'member', path: () => `/communities/${SLUG}/health`, phone: true },
  { name: 'project', who: 'member', path: () => `/communities/${SLUG}/projects/${PROJECT}` },
  { name: 'document', who: 'member', path: (ids) => ids.documentUrl, phone: true },
  { name: 'notifications', who: 'member', path: () => '/notifications', phone: true },
  { name: 'simulations', who: 'researcher', path: () => '/simulations' },
  { name: 'new experiment', who: 'researcher', path: () => '/simulations/new' },
  { name: 'experiment results', who: 'researcher', path: (ids) => `/simulations/${ids.experimentId}` },
  { name: 'account', who: 'member', path: () => '/account' },
  { name: 'admin', who: 'staff', path: () => '/admin' },
  { name: 'sign in', who: 'anonymous', path: () => '/sign-in' },
  { name: 'sign up', who: 'anonymous', path: () => '/sign-up' },
  { name: 'API docs', who: 'anonymous', path: () => '/docs/api' },
  { name: 'offline', who: 'anonymous', path: () => '/offline' },
];

let ids: Promise<Ids> | undefined;
const idsFor = (browser: Browser, baseURL: string) => (ids ??= resolveIds(browser, baseURL));

async function openAs(browser: Browser, who: Who, baseURL: string, colorScheme: 'light' | 'dark', isMobile: boolean): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    colorScheme,
    ...(who === 'anonymous' ? {} : { storageState: storageStatePath(who) }),
    ...(isMobile ? { viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 800 } }),
  });
  return context.newPage();
}

/** Goes to a page, waits for hydration and for its data, and checks the theme really is the one asked for. */
async function visit(page: Page, path: string, colorScheme: 'light' | 'dark') {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 20_000 });
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  if (colorScheme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`every page, ${colorScheme} theme`, () => {
    for (const entry of PAGES) {
      test(`${entry.name} (${entry.who})`, async ({ browser, baseURL, isMobile }, testInfo) => {
        // Both themes on desktop; the phone layout once, in the light theme (the theme tokens are
        // the same on both, and CI time is bounded).
        test.skip(isMobile && colorScheme === 'dark', 'phone layout is checked in the light theme');
        test.skip(isMobile && !entry.phone, 'the phone layout is checked on the pages members use on phones');
        test.slow();
        const page = await openAs(browser, entry.who, baseURL!, colorScheme, isMobile);
        try {
          await visit(page, entry.path(await idsFor(browser, baseURL!)), colorScheme);
          await expectNoSeriousViolations(page, testInfo, `${entry.name}, ${colorScheme}`);
        } finally {
          await page.context().close();
        }
      });
    }
  });

  test.describe(`flows with popups open, ${colorScheme} theme`, () => {
    test.beforeEach(({ isMobile }) => test.skip(isMobile && colorScheme === 'dark', 'phone layout is checked in the light theme'));
    test('the pledge dialog, open, focused and filled', async ({ browser, baseURL, isMobile }, testInfo) => {
      test.slow();
      const page = await openAs(browser, 'member', baseURL!, colorScheme, isMobile);
      await visit(page, `/communities/${SLUG}/needs/${(await idsFor(browser, baseURL!)).needId}`, colorScheme);
      const amount = page.getByRole('dialog').getByLabel('Pledge (credits)');
      await clickUntil(page.getByRole('button', { name: /^(Pledge|Change pledge)…$/ }), amount);
      await amount.focus();
      await amount.fill('3');
      await expectNoSeriousViolations(page, testInfo, `pledge form, ${colorScheme}`);
      await page.context().close();
    });

    test('the chat composer with the mention list open', async ({ browser, baseURL, isMobile }, testInfo) => {
      test.slow();
      const page = await openAs(browser, 'member', baseURL!, colorScheme, isMobile);
      await visit(page, `/communities/${SLUG}/chat`, colorScheme);
      await page.getByTestId('channel-link').filter({ hasText: 'general' }).click();
      const box = page.getByRole('textbox', { name: /Message #/ });
      await expect(box).toBeVisible({ timeout: 15_000 });
      await box.fill('Hello @Demo');
      await expect(page.getByRole('listbox', { name: 'Mention someone' })).toBeVisible();
      await expectNoSeriousViolations(page, testInfo, `chat mention list, ${colorScheme}`);
      await page.context().close();
    });

    test('the document editor with its toolbar and the link dialog', async ({ browser, baseURL, isMobile }, testInfo) => {
      test.slow();
      const page = await openAs(browser, 'member', baseURL!, colorScheme, isMobile);
      await visit(page, (await idsFor(browser, baseURL!)).documentUrl, colorScheme);
      await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
      await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
      await page.getByTestId('editor').click();
      await expectNoSeriousViolations(page, testInfo, `editor, ${colorScheme}`);
      await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Link' }).click();
      await expect(page.getByRole('dialog', { name: 'Link' })).toBeVisible();
      await expectNoSeriousViolations(page, testInfo, `editor link dialog, ${colorScheme}`);
      await page.context().close();
    });

    test('the experiment designer with every group open', async ({ browser, baseURL, isMobile }, testInfo) => {
      test.skip(isMobile, 'researchers design on a desktop; simulations-designer.spec checks its phone layout');
      test.slow();
      const page = await openAs(browser, 'researcher', baseURL!, colorScheme, isMobile);
      await visit(page, `/simulations/new?preset=${PRESET}`, colorScheme);
      await expect(page.getByTestId('run-count')).toHaveText('128');
      // Every parameter group open, so axe sees every field (setting `open` is what a click on each summary does).
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await expect(page.locator('details:not([open])')).toHaveCount(0);
      await expectNoSeriousViolations(page, testInfo, `experiment designer, ${colorScheme}`);
      await page.context().close();
    });
  });
}
