import { expect, test, type Browser, type Page } from '@playwright/test';
import { storageStatePath } from './support/demo-users';

// Chat in the seeded demo community: two people in one channel over socket.io. The desktop and
// phone projects run at the same time, so each uses its own channel.

const CHAT = '/communities/p2pvalue-demo/chat';
// The tests share two accounts and a channel: one at a time (reading in one would mark the other's messages read).
test.describe.configure({ mode: 'serial' });
let CHANNEL = 'general';
test.beforeEach(({ baseURL: _unused }, testInfo) => {
  CHANNEL = testInfo.project.name === 'phone' ? 'Commons handbook' : 'general';
});

async function openAs(browser: Browser, user: 'staff' | 'member', url: string) {
  const context = await browser.newContext({ storageState: storageStatePath(user) });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

async function channelUrl(page: Page): Promise<string> {
  await page.goto(CHAT);
  const link = page.getByTestId('channel-link').filter({ hasText: CHANNEL });
  return (await link.getAttribute('href'))!;
}

async function ready(page: Page) {
  await expect(page.getByRole('textbox', { name: /Message #/ })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Offline —')).toHaveCount(0, { timeout: 15_000 });
}

async function send(page: Page, text: string) {
  const box = page.getByRole('textbox', { name: /Message #|Reply in thread/ });
  await box.fill(text);
  await box.press('Enter');
}

const message = (page: Page, text: string) => page.getByTestId('chat-message').filter({ hasText: text });

test('a message reaches the other person within a second; unread badge and "new messages" divider', async ({ browser }) => {
  test.slow();
  const staff = await openAs(browser, 'staff', CHAT);
  const url = await channelUrl(staff.page);
  // the member has read everything so far (also what an earlier attempt of this test sent)
  const member = await openAs(browser, 'member', url);
  await ready(member.page);
  await member.page.waitForTimeout(1_000); // the read position is sent shortly after the channel shows
  await member.page.goto(CHAT);
  await staff.page.goto(url);
  await ready(staff.page);

  const first = `unread-${Date.now()}`;
  await send(staff.page, first);
  await expect(message(staff.page, first)).toBeVisible();
  // the member's channel list counts it live
  const badge = member.page.getByTestId('channel-link').filter({ hasText: CHANNEL }).getByTestId('unread-badge');
  await expect(badge).toBeVisible({ timeout: 5_000 });

  await member.page.getByTestId('channel-link').filter({ hasText: CHANNEL }).click();
  await ready(member.page);
  const divider = member.page.getByTestId('new-messages-divider');
  await expect(divider).toBeVisible();
  // the divider sits right before the first unread message
  await expect(member.page.locator('[data-testid="new-messages-divider"] + [data-testid="chat-message"]')).toContainText(first);

  const live = `live-${Date.now()}`;
  await send(staff.page, live);
  await expect(message(member.page, live)).toBeVisible({ timeout: 1_000 });

  // back on the list (after a moment on screen), the channel is read
  await member.page.waitForTimeout(500);
  await member.page.goto(CHAT);
  await expect(member.page.getByTestId('channel-link').filter({ hasText: CHANNEL }).getByTestId('unread-badge')).toHaveCount(0);
  await staff.context.close();
  await member.context.close();
});

test('a thread reply, a reaction, an edit and a delete propagate; typing shows', async ({ browser }) => {
  test.slow();
  const staff = await openAs(browser, 'staff', CHAT);
  const url = await channelUrl(staff.page);
  await staff.page.goto(url);
  const member = await openAs(browser, 'member', url);
  await ready(staff.page);
  await ready(member.page);

  const root = `root-${Date.now()}`;
  await send(staff.page, root);
  await expect(message(member.page, root)).toBeVisible({ timeout: 2_000 });

  await member.page.getByRole('textbox', { name: /Message #/ }).fill('typing something');
  await expect(staff.page.getByTestId('typing')).toContainText('Demo Member is typing', { timeout: 3_000 });
  await member.page.getByRole('textbox', { name: /Message #/ }).fill('');

  // thread reply
  await message(member.page, root).getByRole('button', { name: 'Message actions' }).click();
  await member.page.getByRole('button', { name: 'Reply in thread' }).click();
  const reply = `reply-${Date.now()}`;
  await send(member.page, reply);
  await expect(message(member.page, reply)).toBeVisible();
  await expect(message(staff.page, root).getByRole('button', { name: '1 reply' })).toBeVisible({ timeout: 3_000 });
  await message(staff.page, root).getByRole('button', { name: '1 reply' }).click();
  await expect(message(staff.page, reply)).toBeVisible();
  await staff.page.getByRole('button', { name: 'Back to the channel' }).click();
  await member.page.getByRole('button', { name: 'Back to the channel' }).click();

  // reaction
  await message(member.page, root).getByRole('button', { name: 'Message actions' }).click();
  await member.page.getByRole('button', { name: 'React 👍' }).click();
  await expect(message(staff.page, root).getByTestId('reaction')).toHaveText('👍 1', { timeout: 3_000 });

  // edit
  await message(staff.page, root).getByRole('button', { name: 'Message actions' }).click();
  await staff.page.getByRole('button', { name: 'Edit' }).click();
  const edited = `${root} edited`;
  await staff.page.getByRole('textbox', { name: 'Edit message' }).fill(edited);
  await staff.page.getByRole('button', { name: 'Save' }).click();
  await expect(message(member.page, edited)).toContainText('(edited)', { timeout: 3_000 });

  // delete
  await message(staff.page, edited).getByRole('button', { name: 'Message actions' }).click();
  await staff.page.getByRole('button', { name: 'Delete' }).click();
  await expect(message(member.page, edited)).toHaveCount(0, { timeout: 3_000 });
  await expect(member.page.getByText('Message deleted').first()).toBeVisible();
  await staff.context.close();
  await member.context.close();
});

test('messages written offline are queued and sent in order on reconnect', async ({ browser }) => {
  test.slow();
  const staff = await openAs(browser, 'staff', CHAT);
  const url = await channelUrl(staff.page);
  await staff.page.goto(url);
  const member = await openAs(browser, 'member', url);
  await ready(staff.page);
  await ready(member.page);

  await member.context.setOffline(true);
  await expect(member.page.getByText('Offline —')).toBeVisible({ timeout: 15_000 });
  const stamp = Date.now();
  await send(member.page, `offline-a-${stamp}`);
  await send(member.page, `offline-b-${stamp}`);
  await expect(member.page.getByTestId('pending-message')).toHaveCount(2);
  await member.context.setOffline(false);

  await expect(message(staff.page, `offline-b-${stamp}`)).toBeVisible({ timeout: 20_000 });
  const texts = await staff.page.getByTestId('chat-message').filter({ hasText: `-${stamp}` }).allTextContents();
  expect(texts.map((t) => (t.includes(`offline-a-${stamp}`) ? 'a' : 'b'))).toEqual(['a', 'b']);
  await expect(member.page.getByTestId('pending-message')).toHaveCount(0);
  await staff.context.close();
  await member.context.close();
});
