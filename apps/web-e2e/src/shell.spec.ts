import { expect, test } from './support/test';

test('the navigation fits the device: top bar on desktop, bottom bar on phones', async ({ page }, testInfo) => {
  await page.goto('/');
  const top = page.getByTestId('top-nav');
  const bottom = page.getByTestId('bottom-nav');
  if (testInfo.project.name === 'phone') {
    await expect(bottom).toBeVisible();
    await expect(top).toBeHidden();
    await bottom.getByRole('link', { name: 'Directory' }).click();
  } else {
    await expect(top).toBeVisible();
    await expect(bottom).toBeHidden();
    await top.getByRole('link', { name: 'Directory' }).click();
  }
  await expect(page).toHaveURL(/\/directory$/);
  await expect(page.getByRole('link', { name: 'Directory' }).filter({ visible: true })).toHaveAttribute('aria-current', 'page');
});

test.describe('theme', () => {
  test.use({ colorScheme: 'light' });

  test('dark mode toggles and is remembered', async ({ page }) => {
    await page.goto('/');
    const html = page.locator('html');
    await expect(html).not.toHaveClass(/\bdark\b/);
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await expect(html).toHaveClass(/\bdark\b/);
    await page.reload();
    await expect(html).toHaveClass(/\bdark\b/);
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await expect(html).not.toHaveClass(/\bdark\b/);
  });
});

test.describe('theme follows the system', () => {
  test.use({ colorScheme: 'dark' });

  test('a dark system setting gives the dark theme', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  });
});

test('the skip link jumps to the content', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'keyboard navigation is a desktop concern');
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
