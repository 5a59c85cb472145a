import { devices, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { storageStatePath } from './support/demo-users';

// README screenshots, in the light theme, written to docs/screenshots/ at the repository root.
const shot = (name: string) => new URL(`../../../docs/screenshots/${name}.png`, import.meta.url).pathname;

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
}

test.describe('screenshots', () => {
  test.use({ colorScheme: 'light' });

  test('home on a desktop', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto('/');
    await settle(page);
    await page.screenshot({ path: shot('home-desktop') });
  });

  test('home on a phone', async ({ browser }) => {
    const { defaultBrowserType: _ignored, ...pixel7 } = devices['Pixel 7'];
    const context = await browser.newContext({ ...pixel7, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto('/');
    await settle(page);
    await page.screenshot({ path: shot('home-phone') });
    await context.close();
  });

  test.describe('signed in as staff', () => {
    test.use({ storageState: storageStatePath('staff') });

    test('account', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 860 });
      await page.goto('/account');
      await expect(page.getByTestId('token-table').or(page.getByTestId('no-tokens'))).toBeVisible();
      await settle(page);
      await page.screenshot({ path: shot('account') });
    });

    test('admin', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 860 });
      await page.goto('/admin');
      await expect(page.getByTestId('user-table')).toBeVisible();
      await settle(page);
      await page.screenshot({ path: shot('admin') });
    });
  });
});
