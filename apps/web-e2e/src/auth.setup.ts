import { test as setup, expect } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, storageStatePath, type DemoUser } from './support/demo-users';

// Sign each demo user in once through the API and keep the cookies, so most tests start signed in
// without going through the form (and without spending sign-in rate-limit budget).
for (const user of Object.keys(DEMO_USERS) as DemoUser[]) {
  setup(`sign in ${user}`, async ({ request, baseURL }) => {
    const response = await request.post('/api/auth/sign-in/email', {
      data: { email: DEMO_USERS[user].email, password: DEMO_PASSWORD },
      headers: { origin: baseURL ?? '' },
    });
    expect(response.status(), await response.text()).toBe(200);
    await request.storageState({ path: storageStatePath(user) });
  });
}
