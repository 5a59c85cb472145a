import { expect, test } from './support/test';
import { DEMO_USERS, storageStatePath } from './support/demo-users';

test.use({ storageState: storageStatePath('researcher') });

test('create an API token, use it against the REST API, revoke it', async ({ page, playwright, baseURL }, testInfo) => {
  const tokenName = `e2e ${testInfo.project.name} ${Date.now()}`;
  await page.goto('/account');
  await expect(page.getByTestId('profile')).toContainText(DEMO_USERS.researcher.email);

  await page.getByLabel('Token name').fill(tokenName);
  await page.getByRole('button', { name: 'Create token' }).click();
  const panel = page.getByTestId('new-token');
  await expect(panel).toContainText(`Token “${tokenName}” created`);
  const token = await page.getByTestId('new-token-value').inputValue();
  expect(token).toMatch(/^p2pv_/);
  const row = page.getByTestId('token-row').filter({ hasText: tokenName });
  await expect(row).toBeVisible();

  // A bare client with no cookies: only the token identifies the caller.
  const api = await playwright.request.newContext({ baseURL });
  const me = await api.get('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: DEMO_USERS.researcher.email, role: 'researcher' });

  await row.getByRole('button', { name: `Revoke ${tokenName}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Scripts that use this token stop working at once');
  await dialog.getByRole('button', { name: 'Revoke token' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toHaveCount(0);

  const afterRevoke = await api.get('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } });
  expect(afterRevoke.status()).toBe(401);
  await api.dispose();
});

test('a token needs a name', async ({ page }) => {
  await page.goto('/account');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByTestId('token-name-error')).toBeVisible();
  await expect(page.getByTestId('new-token')).toHaveCount(0);
});
