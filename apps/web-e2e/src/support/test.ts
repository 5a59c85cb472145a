import { test as base, type Page, type Response } from '@playwright/test';

export { expect } from '@playwright/test';

/**
 * Waits, after a navigation to an app page, until React has hydrated it (`<html data-hydrated>`,
 * set by the shell's HydrationMarker). A click that lands before hydration opens nothing, which
 * made menu and select steps flaky on a cold, loaded server. Non-HTML responses are left alone.
 */
export async function waitForHydration(page: Page, response: Response | null) {
  const type = response?.headers()['content-type'] ?? 'text/html';
  if (!type.includes('text/html')) return;
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 20_000 });
}

/**
 * Makes `goto` and `reload` return only once the page can be used (hydrated): a click before
 * hydration does nothing. Every spec's `page` gets it; pages of extra contexts should too.
 */
export function hydratingPage(page: Page): Page {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    await waitForHydration(page, response);
    return response;
  };
  page.reload = async (options) => {
    const response = await reload(options);
    await waitForHydration(page, response);
    return response;
  };
  return page;
}

/** Every spec's `page`: goto and reload return only once the page can be used. */
export const test = base.extend({
  page: async ({ page }, use) => {
    await use(hydratingPage(page));
  },
});
