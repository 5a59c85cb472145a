import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Opens a Radix select (or any listbox trigger) and picks an option, robustly:
 * - a click that lands before hydration opens nothing, so the trigger is clicked again until the list shows;
 * - a list that re-renders under the pointer (data arriving) detaches the option, so the pick is retried;
 * - it ends only when the trigger shows the chosen value.
 */
export async function chooseOption(page: Page, trigger: Locator, optionName: string, { timeout = 30_000 } = {}) {
  const option = page.getByRole('option', { name: optionName, exact: true });
  await expect(async () => {
    if (!(await option.isVisible())) {
      await trigger.click({ timeout: 2_000 });
      await expect(option).toBeVisible({ timeout: 2_000 });
    }
    await option.click({ timeout: 2_000 });
    await expect(trigger).toHaveText(optionName, { timeout: 2_000 });
  }).toPass({ timeout, intervals: [100, 250, 500, 1_000] });
}

/** Clicks a control that only works once its page has hydrated, until `opened` shows. */
export async function clickUntil(trigger: Locator, opened: Locator, { timeout = 20_000 } = {}) {
  await expect(async () => {
    if (!(await opened.isVisible())) await trigger.click({ timeout: 2_000 });
    await expect(opened).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout, intervals: [100, 250, 500, 1_000] });
}
