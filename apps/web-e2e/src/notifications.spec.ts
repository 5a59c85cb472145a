import { expect, test, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { storageStatePath, uniqueEmail } from './support/demo-users';

// The notification centre and the installable app: a notification made for someone shows in their
// navigation badge live, "mark all read" clears it, and the app shell opens with the network cut.

const COMMUNITY = 'p2pvalue-demo';

/** Calls a tRPC mutation over HTTP as the context's user. */
async function trpcMutation(request: APIRequestContext, baseURL: string, path: string, input: unknown) {
  const response = await request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { origin: baseURL } });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

/** The badge of the navigation this device shows: the top bar on desktop, the tab bar on phones. */
function bell(page: Page, testInfo: TestInfo) {
  return page.getByTestId(testInfo.project.name === 'phone' ? 'tab-notifications' : 'nav-notifications');
}

test('a new notification shows in the badge without a reload, and mark all read clears it', async ({ browser, playwright, baseURL }, testInfo) => {
  const context = await browser.newContext({ ...testInfo.project.use, baseURL });
  const email = uniqueEmail('notify');
  const signUp = await context.request.post('/api/auth/sign-up/email', { data: { email, password: 'notify-pass-123', name: 'Nora Notified' }, headers: { origin: baseURL! } });
  expect(signUp.status(), await signUp.text()).toBe(200);
  const userId: string = (await signUp.json()).user.id;
  await trpcMutation(context.request, baseURL!, 'community.join', { slug: COMMUNITY });

  const page = await context.newPage();
  await page.goto('/communities');
  // The badge knows the count once the socket is connected: nothing unread yet.
  await expect(bell(page, testInfo)).toHaveAttribute('data-unread', '0');
  await expect(page.getByTestId('unread-badge')).toHaveCount(0);

  // The community's owner makes her an admin: the server stores a notification and pushes it.
  const staff = await playwright.request.newContext({ baseURL, storageState: storageStatePath('staff') });
  await trpcMutation(staff, baseURL!, 'community.setMemberRole', { slug: COMMUNITY, userId, role: 'admin' });
  await expect(bell(page, testInfo)).toHaveAttribute('data-unread', '1', { timeout: 5_000 });
  await expect(bell(page, testInfo).getByTestId('unread-badge')).toHaveText('1');

  await bell(page, testInfo).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByTestId('notification-item').first()).toContainText('Demo Staff made you admin of');
  await expect(page.getByTestId('unread-summary')).toHaveText('1 unread');

  // A second one arrives while the centre is open: the list and the badge follow.
  await trpcMutation(staff, baseURL!, 'community.setMemberRole', { slug: COMMUNITY, userId, role: 'member' });
  await expect(page.getByTestId('notification-item')).toHaveCount(2);
  await expect(bell(page, testInfo)).toHaveAttribute('data-unread', '2');

  await page.getByTestId('mark-all-read').click();
  await expect(page.getByTestId('unread-summary')).toHaveText('You are all caught up.');
  await expect(bell(page, testInfo)).toHaveAttribute('data-unread', '0');
  await expect(page.getByTestId('unread-badge')).toHaveCount(0);
  await expect(page.locator('[data-testid="notification-item"][data-read="false"]')).toHaveCount(0);

  // Still clear after a reload (stored, not just hidden).
  await page.reload();
  await expect(bell(page, testInfo)).toHaveAttribute('data-unread', '0');

  // The day's digest groups what came in; the daily digest setting is stored.
  await page.getByRole('tab', { name: 'Last 24 h' }).click();
  await expect(page.getByTestId('notification-digest')).toContainText('Role changes');
  await page.getByRole('tab', { name: 'Settings' }).click();
  const saved = page.waitForResponse((response) => response.url().includes('notification.saveSettings') && response.ok());
  await page.getByTestId('daily-digest').check();
  await saved;
  await page.reload();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByTestId('daily-digest')).toBeChecked();
  await staff.dispose();
  await context.close();
});

test('the notification centre fits a 390 px phone screen with thumb-sized targets', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: storageStatePath('member'), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, baseURL });
  const page = await context.newPage();
  await page.goto('/notifications');
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const target of [page.getByTestId('mark-all-read'), page.getByRole('tab', { name: 'Unread' }), page.getByTestId('bottom-nav').getByRole('link', { name: /Inbox/ })]) {
    const box = await target.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(40);
  }
  // The tab bar is at the bottom of the screen, within thumb reach, and its six tabs stay wide enough.
  const nav = await page.getByTestId('bottom-nav').boundingBox();
  expect((nav?.y ?? 0) + (nav?.height ?? 0)).toBeGreaterThan(800);
  const tabs = page.getByTestId('bottom-nav').getByRole('link');
  await expect(tabs).toHaveCount(6);
  for (const box of await Promise.all((await tabs.all()).map((tab) => tab.boundingBox()))) {
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(48);
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
  }
  await page.goto('/');
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  // Chrome offers installation with `beforeinstallprompt` (which headless Chromium does not fire
  // by itself): the page keeps the event and shows an "Install app" button above the tab bar.
  await page.evaluate(() => {
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: async () => {
        (window as unknown as { installPrompted: boolean }).installPrompted = true;
      },
      userChoice: Promise.resolve({ outcome: 'accepted' }),
    });
    window.dispatchEvent(event);
  });
  const install = page.getByTestId('install-app').getByRole('button', { name: 'Install app' });
  await expect(install).toBeVisible();
  expect((await install.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await install.click();
  await expect(page.getByTestId('install-app')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { installPrompted?: boolean }).installPrompted)).toBe(true);
  await context.close();
});

test('the installed app opens with the network cut, and unknown pages show the offline page', async ({ browser, baseURL }, testInfo) => {
  const context = await browser.newContext({ ...testInfo.project.use, storageState: storageStatePath('member'), baseURL });
  const page = await context.newPage();
  await page.goto('/');
  const manifest = await (await context.request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ name: 'P2Pvalue', display: 'standalone', start_url: '/' });
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));

  // Wait for the service worker to be active and for it to have kept this page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(async () => Boolean(await caches.match(location.href))), { timeout: 15_000 }).toBe(true);
  const precachedOffline = () =>
    page.evaluate(async () => {
      for (const name of await caches.keys()) {
        if ((await (await caches.open(name)).keys()).some((request) => new URL(request.url).pathname === '/offline')) return true;
      }
      return false;
    });
  await expect.poll(precachedOffline, { timeout: 15_000 }).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('link', { name: /P2Pvalue/ }).first()).toBeVisible();
  await expect(page.locator('main h1').first()).toBeVisible();

  await page.goto('/communities/never-visited-page');
  await expect(page.getByTestId('offline-page')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();

  await context.setOffline(false);
  await page.goto('/');
  await expect(page.getByTestId('offline-page')).toHaveCount(0);
  await context.close();
});
