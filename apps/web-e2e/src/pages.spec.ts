import { expect, test } from './support/test';
import { trackConsoleErrors } from './support/console-errors';
import { storageStatePath } from './support/demo-users';

const PUBLIC_PAGES = [
  { path: '/', heading: 'Tools for communities that build commons together' },
  { path: '/communities', heading: 'Communities' },
  { path: '/directory', heading: 'Directory' },
  { path: '/simulations', heading: 'Simulations' },
  { path: '/sign-in', heading: 'Sign in' },
  { path: '/sign-up', heading: 'Create an account' },
  { path: '/docs/api', heading: 'API reference' },
];

test.describe('public pages', () => {
  for (const { path, heading } of PUBLIC_PAGES) {
    test(`${path} renders`, async ({ page }) => {
      const errors = trackConsoleErrors(page);
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      // scripts only with this response's nonce; the page still hydrates (the fixture waits for it)
      // and the console stays clean (a blocked script is a console error)
      expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByRole('main')).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(errors).toEqual([]);
    });
  }

  test('unknown addresses get a real 404 page', async ({ page }) => {
    const errors = trackConsoleErrors(page);
    const response = await page.goto('/this-page-does-not-exist');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'This page does not exist' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('the API reference lists every endpoint of the OpenAPI document with a curl example', async ({ page, request }) => {
    const doc = (await (await request.get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    await page.goto('/docs/api');
    const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head']);
    for (const [path, item] of Object.entries(doc.paths)) {
      // One section per operation: a path with GET and POST has two.
      const operations = Object.keys(item).filter((key) => methods.has(key)).length;
      const headings = page.getByRole('heading', { level: 3, name: path, exact: true });
      await expect(headings).toHaveCount(operations);
      await expect(headings.first()).toBeVisible();
    }
    await expect(page.getByText('Authorization: Bearer <token>').first()).toBeVisible();
  });

  test('signed-out visitors are sent to sign in, and back afterwards', async ({ page }) => {
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in\?next=(%2F|\/)account$/);
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/sign-in\?next=(%2F|\/)admin$/);
  });
});

test.describe('signed-in pages', () => {
  test.use({ storageState: storageStatePath('staff') });

  for (const { path, heading } of [
    { path: '/account', heading: 'Account' },
    { path: '/admin', heading: 'Administration' },
  ]) {
    test(`${path} renders`, async ({ page }) => {
      const errors = trackConsoleErrors(page);
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      // scripts only with this response's nonce; the page still hydrates (the fixture waits for it)
      // and the console stays clean (a blocked script is a console error)
      expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(errors).toEqual([]);
    });
  }
});
