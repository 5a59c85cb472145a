import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { storageStatePath } from './support/demo-users';
import { clickUntil } from './support/ui';

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
  await expect(member.page.locator('li:has(> [data-testid="new-messages-divider"]) + [data-testid="chat-message"]')).toContainText(first);

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

// A 2×2 PNG (valid, so the browser really decodes what the server serves).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFElEQVR4nGP4z8DAAMIM/////w8AH+4F+7C4l8kAAAAASUVORK5CYII=', 'base64');

test('a direct message and an image attachment between two people', async ({ browser }) => {
  test.slow();
  const staff = await openAs(browser, 'staff', CHAT);
  // start the conversation from the chat sidebar
  const dialog = staff.page.getByRole('dialog', { name: 'New direct message' });
  await clickUntil(staff.page.getByRole('button', { name: 'New message' }), dialog);
  await dialog.getByRole('textbox', { name: 'Find a member' }).fill('Demo Member');
  await dialog.getByRole('button', { name: 'Demo Member', exact: true }).click();
  await expect(staff.page).toHaveURL(/\/chat\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  const dmUrl = new URL(staff.page.url()).pathname;
  const staffBox = staff.page.getByRole('textbox', { name: 'Message @Demo Member' });
  await expect(staffBox).toBeVisible({ timeout: 15_000 });
  await expect(staff.page.getByText('Offline —')).toHaveCount(0, { timeout: 15_000 });

  const hello = `dm-${Date.now()}`;
  await staffBox.fill(hello);
  await staffBox.press('Enter');
  await expect(message(staff.page, hello)).toBeVisible();

  // the member finds the conversation under "Direct messages", named after the other person
  const member = await openAs(browser, 'member', CHAT);
  const dm = member.page.getByTestId('direct-link').filter({ hasText: 'Demo Staff' });
  await expect(dm).toBeVisible();
  expect(await dm.getAttribute('href')).toBe(dmUrl);
  await dm.click();
  const memberBox = member.page.getByRole('textbox', { name: 'Message @Demo Staff' });
  await expect(memberBox).toBeVisible({ timeout: 15_000 });
  await expect(message(member.page, hello)).toBeVisible();

  // the member shares a picture: uploaded, then sent with the message; it shows inline for both
  await member.page.getByTestId('attach-input').setInputFiles({ name: 'tiny picture.png', mimeType: 'application/octet-stream', buffer: PNG });
  await expect(member.page.getByTestId('draft-attachment')).toContainText('tiny picture.png', { timeout: 10_000 });
  const caption = `photo-${Date.now()}`;
  await memberBox.fill(caption);
  await memberBox.press('Enter');
  await expect(member.page.getByTestId('draft-attachment')).toHaveCount(0);
  for (const page of [staff.page, member.page]) {
    const image = message(page, caption).getByTestId('chat-image');
    await expect(image).toBeVisible({ timeout: 5_000 });
    // really served to (and decoded by) the reader
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 5_000 }).toBe(2);
  }
  await staff.context.close();
  await member.context.close();
});

/** The navigation's notification badge of this device: the top bar on desktop, the tab bar on phones. */
const bell = (page: Page, testInfo: TestInfo) => page.getByTestId(testInfo.project.name === 'phone' ? 'tab-notifications' : 'nav-notifications');

test('an @mention in chat produces a notification for the mentioned member, without a reload', async ({ browser }, testInfo) => {
  test.slow();
  const member = await openAs(browser, 'member', '/communities');
  const unread = async () => Number.parseInt((await bell(member.page, testInfo).getAttribute('data-unread')) ?? '', 10);
  // the badge knows the count once the member's socket is connected
  await expect.poll(unread, { timeout: 15_000 }).toBeGreaterThanOrEqual(0);
  const before = await unread();

  const staff = await openAs(browser, 'staff', CHAT);
  await staff.page.goto(await channelUrl(staff.page));
  await ready(staff.page);
  const box = staff.page.getByRole('textbox', { name: /Message #/ });
  await box.fill('@Demo');
  const suggestion = staff.page.getByRole('listbox', { name: 'Mention someone' }).getByRole('option', { name: 'Demo Member' });
  await expect(suggestion).toBeVisible({ timeout: 10_000 });
  await suggestion.click();
  await expect(box).toHaveValue(/^@\[Demo Member\]\([^)]+\) $/);
  const text = `mention-${Date.now()}`;
  await box.press('End');
  await box.pressSequentially(text);
  await box.press('Enter');
  await expect(message(staff.page, text)).toContainText('@Demo Member');

  // the member's badge goes up live, on a page that was not reloaded
  await expect.poll(unread, { timeout: 5_000 }).toBeGreaterThan(before);
  await staff.context.close();
  await member.context.close();
});
