import { expect, test } from './support/test';
import { DEMO_USERS, uniqueEmail, type DemoUser } from './support/demo-users';
import { signInThroughForm, signOutThroughMenu } from './support/sign-in';

test.describe('sign-up', () => {
  test('empty and invalid input shows an error next to each field', async ({ page }) => {
    await page.goto('/sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByTestId('name-error')).toHaveText('Enter your name.');
    await expect(page.getByTestId('email-error')).toHaveText('Enter your email address.');
    await expect(page.getByTestId('password-error')).toHaveText('Use at least 8 characters.');

    await page.getByLabel('Name').fill('Ada');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByTestId('name-error')).toHaveCount(0);
    await expect(page.getByTestId('email-error')).toContainText('valid email');
    await expect(page.getByTestId('password-error')).toHaveText('Use at least 8 characters.');
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  });

  test('a new account is created and signed in, then sent to ?next=', async ({ page }) => {
    const email = uniqueEmail('e2e-signup');
    await page.goto('/sign-up?next=/account');
    await page.getByLabel('Name').fill('E2E Newcomer');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId('profile')).toContainText(email);
    await expect(page.getByTestId('profile')).toContainText('Member');
  });

  test('an email that already has an account is refused with a clear message', async ({ page, request, baseURL }) => {
    const email = uniqueEmail('e2e-dup');
    const first = await request.post('/api/auth/sign-up/email', {
      data: { name: 'First', email, password: 'a long enough password' },
      headers: { origin: baseURL ?? '' },
    });
    expect(first.status()).toBe(200);

    await page.goto('/sign-up');
    await page.getByLabel('Name').fill('Second');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('another long password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByTestId('form-error')).toContainText('This email already has an account');
    await expect(page.getByRole('link', { name: 'Go to sign in' })).toBeVisible();
  });
});

test.describe('sign-in', () => {
  test('a wrong password is refused with a clear message', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(DEMO_USERS.member.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('form-error')).toContainText('Wrong email or password');
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('rate limiting (429) is explained', async ({ page }) => {
    // Provoking the real limit would lock the demo users out for the rest of the run.
    await page.route('**/api/auth/sign-in/email', (route) =>
      route.fulfill({ status: 429, contentType: 'application/json', body: JSON.stringify({ message: 'Too many requests. Please try again later.' }) }),
    );
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(DEMO_USERS.member.email);
    await page.getByLabel('Password').fill('whatever-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('form-error')).toContainText('Too many attempts');
  });

  test('a server failure is shown as a generic error', async ({ page }) => {
    await page.route('**/api/auth/sign-in/email', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{}' }));
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(DEMO_USERS.member.email);
    await page.getByLabel('Password').fill('whatever-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('form-error')).toContainText('Could not sign you in');
  });

  test('an empty form is not sent', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('email-error')).toBeVisible();
    await expect(page.getByTestId('password-error')).toBeVisible();
  });

  test('an outside ?next= is ignored', async ({ page }) => {
    await signInThroughForm(page, DEMO_USERS.researcher.email, undefined, '//evil.example/');
    await expect(page).toHaveURL(/^http:\/\/[^/]+\/$/);
    await signOutThroughMenu(page);
  });

  for (const user of Object.keys(DEMO_USERS) as DemoUser[]) {
    test(`the ${user} demo user signs in and out`, async ({ page }) => {
      await signInThroughForm(page, DEMO_USERS[user].email, undefined, '/account');
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByTestId('profile')).toContainText(DEMO_USERS[user].email);
      await signOutThroughMenu(page);
      await expect(page).toHaveURL(/^http:\/\/[^/]+\/$/);
      // The session is really gone, not just hidden.
      await page.goto('/account');
      await expect(page).toHaveURL(/\/sign-in\?next=(%2F|\/)account$/);
    });
  }
});
