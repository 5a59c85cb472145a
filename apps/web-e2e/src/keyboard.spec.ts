import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { storageStatePath, type DemoUser } from './support/demo-users';

// Issue 10: the editor toolbar, the chat composer and the pledge form used with the keyboard only
// (Tab, Shift+Tab, Enter, Space, arrows, Escape). Setting a test up may use the mouse; the steps
// under test never do. Every control reached shows a visible focus ring.

const SLUG = 'p2pvalue-demo';
const PROJECT = 'commons-handbook';

test.beforeEach(({ isMobile }) => {
  test.skip(isMobile, 'keyboard use is a desktop concern (as in shell.spec)');
});

async function openAs(browser: Browser, who: DemoUser, path: string): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(who), viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(path);
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 20_000 });
  return page;
}

const hasFocus = (target: Locator) => target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

/** Presses Tab (or Shift+Tab) until focus is on or inside `target`; fails if it never gets there. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${target.toString()}`);
}

/** Presses `key` until `target` has focus (arrow keys inside a toolbar). */
async function arrowTo(page: Page, target: Locator, key = 'ArrowRight', max = 15) {
  for (let i = 0; i < max; i++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}

/**
 * The focused element, or the frame right around it (the editor's text draws its ring on its
 * frame), has an outline a sighted keyboard user sees. Outlines only: shadows are decoration here.
 */
async function expectFocusRing(page: Page, what: string) {
  const ring = await page.evaluate(() => {
    let node = document.activeElement;
    for (let depth = 0; node && node !== document.body && depth < 3; depth++, node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return true;
    }
    return false;
  });
  expect(ring, `no visible focus ring on ${what}`).toBe(true);
}

test('the document editor toolbar: bold, heading, list and the link dialog', async ({ browser }) => {
  test.slow();
  const title = `Keyboard ${Date.now().toString(36)}`;
  const page = await openAs(browser, 'staff', `/communities/${SLUG}/projects/${PROJECT}`);
  // Set-up with the mouse: a fresh document, so no other test's text is touched.
  await page.getByLabel('New document title').fill(title);
  await page.getByRole('button', { name: 'Add document' }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  const editor = page.getByTestId('editor');
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  const tool = (name: string) => toolbar.getByRole('button', { name, exact: true });

  // The toolbar is one Tab stop: Tab from the top of the page reaches the text through it.
  await tabTo(page, editor);
  await expectFocusRing(page, 'editor');
  await page.keyboard.type('Keyboard heading');

  // Heading: back to the toolbar, arrows to the button, Enter; focus returns to the text.
  await tabTo(page, toolbar, { back: true });
  await expectFocusRing(page, 'toolbar');
  await page.keyboard.press('Home');
  await expect(tool('Bold')).toBeFocused();
  await arrowTo(page, tool('Heading'));
  await page.keyboard.press('Enter');
  await expect(editor.locator('h2')).toHaveText('Keyboard heading');
  await expect(editor).toBeFocused();

  // Bold with Space on a selected line.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('strong words');
  await page.keyboard.press('Shift+Home');
  await tabTo(page, toolbar, { back: true });
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  await expect(editor.locator('strong')).toHaveText('strong words');
  await expect(tool('Bold')).toHaveAttribute('aria-pressed', 'true');

  // A bullet list.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await tabTo(page, toolbar, { back: true });
  await arrowTo(page, tool('Bullet list'));
  await page.keyboard.press('Enter');
  await page.keyboard.type('first item');
  await expect(editor.locator('ul li')).toHaveText('first item');

  // The link dialog: Enter opens it with focus in the address, Tab stays inside, Enter sets the link.
  await page.keyboard.press('Shift+Home');
  await tabTo(page, toolbar, { back: true });
  await arrowTo(page, tool('Link'));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Link' });
  const address = dialog.getByLabel('Link address');
  await expect(address).toBeFocused();
  await expectFocusRing(page, 'address');
  await page.keyboard.type('https://example.org/keyboard');
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await hasFocus(dialog), 'focus left the open dialog').toBe(true);
  }
  await tabTo(page, address);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(editor.locator('a[href="https://example.org/keyboard"]')).toHaveText('first item');
  await expect(editor).toBeFocused();

  // Escape closes the dialog without a change and gives focus back to the Link button.
  await tabTo(page, toolbar, { back: true });
  await arrowTo(page, tool('Link'));
  await page.keyboard.press('Enter');
  await expect(address).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(tool('Link')).toBeFocused();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await page.context().close();
});

test('the chat composer: type, pick a mention with the arrows, send, open a thread and reply', async ({ browser }) => {
  test.slow();
  const page = await openAs(browser, 'staff', `/communities/${SLUG}/chat`);
  // Set-up with the mouse: a channel of its own, so other chat tests' unread counts are untouched.
  await page.getByLabel('New channel name').fill(`kbd-${Date.now().toString(36)}`);
  await page.getByRole('button', { name: 'Add channel' }).click();
  const composer = page.getByRole('textbox', { name: /Message #/ });
  await expect(composer).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Offline —')).toHaveCount(0, { timeout: 15_000 });

  await tabTo(page, composer);
  await expectFocusRing(page, 'composer');
  await page.keyboard.type('Look at this @Demo');
  const list = page.getByRole('listbox', { name: 'Mention someone' });
  const researcher = list.getByRole('option', { name: 'Demo Researcher' });
  await expect(researcher).toBeVisible();
  for (let i = 0; i < 6 && (await researcher.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowDown');
  await expect(researcher).toHaveAttribute('aria-selected', 'true');
  await expect(composer).toHaveAttribute('aria-activedescendant', (await researcher.getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(list).toHaveCount(0);
  await expect(composer).toHaveValue(/^Look at this @\[Demo Researcher\]\([^)]+\) $/);
  await page.keyboard.type('please');
  // Escape closes a mention list without sending or picking.
  await page.keyboard.type(' @Dem');
  await expect(list).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  const sent = page.getByTestId('chat-message').filter({ hasText: 'Look at this' });
  await expect(sent).toBeVisible();
  await expect(composer).toHaveValue('');

  // Open a thread: Shift+Tab back to the message, Enter shows its actions, Tab to "Reply in thread".
  const actions = sent.getByRole('button', { name: 'Message actions' });
  await tabTo(page, actions, { back: true });
  await expectFocusRing(page, 'actions');
  await page.keyboard.press('Enter');
  const reply = sent.getByRole('button', { name: 'Reply in thread' });
  await tabTo(page, reply);
  await expectFocusRing(page, 'reply');
  await page.keyboard.press('Enter');
  const threadBox = page.getByRole('textbox', { name: 'Reply in thread' });
  // The button that opened the thread is gone: focus is in the reply box, not lost to the page.
  await expect(threadBox).toBeFocused();
  await page.keyboard.type('a reply typed with the keyboard');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Thread' }).getByText('a reply typed with the keyboard')).toBeVisible();
  await page.context().close();
});

test('the pledge dialog: open it, enter an amount, confirm with Enter; Escape gives focus back', async ({ browser, baseURL }) => {
  test.slow();
  const api = await browser.newContext({ storageState: storageStatePath('member'), baseURL });
  const projects = (await (await api.request.get(`/api/v1/projects?community=${SLUG}`)).json()) as { items: { id: string; slug: string }[] };
  const projectId = projects.items.find((p) => p.slug === PROJECT)!.id;
  const needs = (await (await api.request.get(`/api/v1/projects/${projectId}/needs`)).json()) as { items: { id: string; title: string }[] };
  const need = needs.items.find((n) => n.title === 'Record an audio version of the first chapter')!;
  await api.close();

  const page = await openAs(browser, 'member', `/communities/${SLUG}/needs/${need.id}`);
  const open = page.getByRole('button', { name: /^(Pledge|Change pledge)…$/ });
  await tabTo(page, open);
  await expectFocusRing(page, 'open');
  await page.keyboard.press('Enter');
  // The dialog takes focus to its amount field and keeps Tab inside.
  const dialog = page.getByRole('dialog', { name: /^Pledge to/ });
  const amount = dialog.getByLabel('Pledge (credits)');
  await expect(amount).toBeFocused();
  await expectFocusRing(page, 'amount');
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await tabTo(page, amount);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('my-pledge')).toHaveText('2');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Change pledge…' })).toBeFocused();

  // Escape closes it without a change and gives focus back to the button that opened it.
  await page.keyboard.press('Enter');
  await expect(amount).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('5');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Change pledge…' })).toBeFocused();
  await expect(page.getByTestId('my-pledge')).toHaveText('2');

  // Tab moves on to the confirm button, which shows its ring; Space changes the pledge again.
  await page.keyboard.press('Enter');
  await expect(amount).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('1');
  const confirm = dialog.getByRole('button', { name: 'Change pledge', exact: true });
  await tabTo(page, confirm);
  await expectFocusRing(page, 'confirm');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('my-pledge')).toHaveText('1');
  await page.context().close();
});
