import { expect, test } from './support/test';
import { DEMO_USERS, storageStatePath, uniqueEmail } from './support/demo-users';
import { chooseOption, clickUntil } from './support/ui';

test.describe('as a member', () => {
  test.use({ storageState: storageStatePath('member') });

  test('/admin answers 403 with an explanation', async ({ page }) => {
    const response = await page.goto('/admin');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
    await expect(page.getByTestId('user-table')).toHaveCount(0);
  });

  test('the account menu has no administration entry', async ({ page }) => {
    await page.goto('/');
    await clickUntil(page.getByTestId('user-menu-trigger'), page.getByRole('menuitem', { name: /Account and API tokens/ }));
    await expect(page.getByRole('menuitem', { name: /Administration/ })).toHaveCount(0);
  });
});

test.describe('as staff', () => {
  test.use({ storageState: storageStatePath('staff') });

  test('sees every demo user and can search', async ({ page }) => {
    await page.goto('/admin');
    const table = page.getByTestId('user-table');
    for (const { email } of Object.values(DEMO_USERS)) {
      await expect(table.getByRole('cell', { name: email, exact: true })).toBeVisible();
    }
    await page.getByLabel('Search accounts').fill('researcher@');
    await expect(table.getByTestId('user-row')).toHaveCount(1);
    await expect(table.getByRole('cell', { name: DEMO_USERS.researcher.email, exact: true })).toBeVisible();
    await page.getByLabel('Search accounts').fill('nobody-has-this-address');
    await expect(page.getByText('No account matches')).toBeVisible();
  });

  test('changes a role and changes it back', async ({ page, playwright, baseURL }) => {
    // A fresh account per run, so parallel projects never fight over the same user's role.
    const email = uniqueEmail('e2e-role');
    const anonymous = await playwright.request.newContext({ baseURL });
    const signUp = await anonymous.post('/api/auth/sign-up/email', {
      data: { name: 'Role Test', email, password: 'a long enough password' },
      headers: { origin: baseURL ?? '' },
    });
    expect(signUp.status()).toBe(200);
    await anonymous.dispose();

    const results = page.getByTestId('user-results');
    const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
    const select = row.getByRole('combobox', { name: 'Role of Role Test' });
    // Search for the account and wait until the filtered list has settled: one row, nothing in flight.
    // Typing that lands before hydration is dropped, so the search is typed again until it takes.
    const findAccount = () =>
      expect(async () => {
        await page.getByLabel('Search accounts').fill(email);
        await expect(results.getByTestId('user-row')).toHaveCount(1, { timeout: 3_000 });
        await expect(results).toHaveAttribute('aria-busy', 'false', { timeout: 3_000 });
      }).toPass({ timeout: 20_000 });

    await page.goto('/admin');
    await findAccount();
    await expect(select).toHaveText('Member');

    await chooseOption(page, select, 'Researcher');
    await expect(page.getByText('Role changed', { exact: true })).toBeVisible();
    await page.reload();
    await findAccount();
    await expect(select).toHaveText('Researcher');

    await chooseOption(page, select, 'Member');
    await expect(page.getByText('Role changed', { exact: true }).first()).toBeVisible();
    await page.reload();
    await findAccount();
    await expect(select).toHaveText('Member');
  });
});
