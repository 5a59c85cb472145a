import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { storageStatePath, uniqueEmail } from './support/demo-users';

// Collaborative documents of the seeded demo community: two people editing one document live,
// offline editing that merges on reconnect, and a non-member refused by the page, REST and /collab.

async function findDocument(request: APIRequestContext, projectSlug: string, title = 'Pad') {
  const projects = await (await request.get('/api/v1/projects?community=p2pvalue-demo')).json();
  const project = projects.items.find((p: { slug: string }) => p.slug === projectSlug);
  const docs = await (await request.get(`/api/v1/documents?project=${project.id}`)).json();
  const doc = docs.items.find((d: { title: string }) => d.title === title);
  return { project, doc, url: `/communities/p2pvalue-demo/projects/${projectSlug}/documents/${doc.id}` };
}

async function openEditor(browser: Browser, user: 'staff' | 'member', url: string) {
  const context = await browser.newContext({ storageState: storageStatePath(user) });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  return { context, page };
}

async function typeAtEnd(page: Page, text: string) {
  const editor = page.getByTestId('editor');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

test('two people edit one document and see each other’s text and cursors', async ({ browser, playwright, baseURL }) => {
  // Two browser contexts loading the editor take 20–50 s on the shared 2-core CI machine.
  test.slow();
  const api = await playwright.request.newContext({ baseURL, storageState: storageStatePath('staff') });
  const { url } = await findDocument(api, 'commons-handbook');
  const staff = await openEditor(browser, 'staff', url);
  const member = await openEditor(browser, 'member', url);
  const a = `staff-${Date.now()}`;
  const b = `member-${Date.now()}`;
  await typeAtEnd(staff.page, a);
  await expect(member.page.getByTestId('editor')).toContainText(a, { timeout: 2_000 });
  await typeAtEnd(member.page, b);
  await expect(staff.page.getByTestId('editor')).toContainText(b, { timeout: 2_000 });
  await expect(staff.page.locator('.collab-caret-label', { hasText: 'Demo Member' })).toBeVisible({ timeout: 2_000 });
  await expect(member.page.getByTestId('presence')).toContainText('Demo Staff');
  await staff.context.close();
  await member.context.close();
});

test('edits made offline merge when the connection returns', async ({ browser, playwright, baseURL }) => {
  // Two browser contexts loading the editor take 20–50 s on the shared 2-core CI machine.
  test.slow();
  const api = await playwright.request.newContext({ baseURL, storageState: storageStatePath('staff') });
  const { url } = await findDocument(api, 'commons-handbook', 'Meeting notes 1');
  const staff = await openEditor(browser, 'staff', url);
  const member = await openEditor(browser, 'member', url);
  await member.context.setOffline(true);
  const offline = `offline-${Date.now()}`;
  const online = `online-${Date.now()}`;
  await typeAtEnd(member.page, offline);
  await typeAtEnd(staff.page, online);
  await expect(member.page.getByTestId('sync-state')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  await expect(member.page.getByTestId('sync-state')).toContainText('not yet saved');
  await member.context.setOffline(false);
  for (const page of [staff.page, member.page]) {
    await expect(page.getByTestId('editor')).toContainText(offline, { timeout: 20_000 });
    await expect(page.getByTestId('editor')).toContainText(online, { timeout: 20_000 });
  }
  await expect(member.page.getByTestId('sync-state')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
  await staff.context.close();
  await member.context.close();
});

test('a non-member cannot open an invite-only document: page, REST and a direct Hocuspocus connection refuse', async ({ browser, playwright, baseURL }) => {
  const insider = await playwright.request.newContext({ baseURL, storageState: storageStatePath('member') });
  const { doc, url } = await findDocument(insider, 'core-team');

  const outsider = await playwright.request.newContext({ baseURL });
  const signUp = await outsider.post('/api/auth/sign-up/email', { data: { email: uniqueEmail('outsider'), password: 'outsider-pass-1', name: 'Outsider' }, headers: { origin: baseURL ?? '' } });
  expect(signUp.status()).toBe(200);
  expect((await outsider.get(`/api/v1/documents/${doc.id}`)).status()).toBe(404);

  const context = await browser.newContext({ storageState: await outsider.storageState() });
  const page = await context.newPage();
  const response = await page.goto(url);
  expect(response?.status()).toBe(404);
  await context.close();

  const { token, collabUrl } = await (await outsider.get('/api/v1/realtime/token')).json();
  const wsUrl = collabUrl.replace(/^ws:\/\/[^/]+/, (baseURL ?? '').replace(/^http/, 'ws'));
  const outcome = await new Promise<string>((resolve) => {
    const websocketProvider = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
    const provider = new HocuspocusProvider({
      websocketProvider,
      name: doc.collabName,
      token,
      document: new Y.Doc(),
      onSynced: () => resolve('synced'),
      onAuthenticationFailed: () => resolve('denied'),
    });
    provider.attach();
    setTimeout(() => resolve('timeout'), 10_000);
  });
  expect(outcome).toBe('denied');
});

test('script and HTML typed into documents and comments stay inert', async ({ browser, playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL, storageState: storageStatePath('staff') });
  const { url } = await findDocument(api, 'commons-handbook', 'Meeting notes 1');
  const staff = await openEditor(browser, 'staff', url);
  let dialogs = 0;
  staff.page.on('dialog', (d) => (dialogs++, void d.dismiss()));
  const payload = `<img src=x onerror="alert('xss')"><script>alert('xss')</script>`;
  await typeAtEnd(staff.page, payload);
  await staff.page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    document.querySelector('[data-testid="editor"]')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, `<p>pasted</p><img src=x onerror="alert('xss')"><script>alert('xss')</script>`);
  await staff.page.getByRole('button', { name: 'Comments' }).click();
  await staff.page.getByRole('textbox', { name: 'Comment on the selected text…' }).fill(payload);
  await staff.page.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(staff.page.getByTestId('comments-panel')).toContainText("<script>alert('xss')</script>");
  await staff.page.waitForTimeout(500);
  expect(dialogs).toBe(0);
  expect(await staff.page.locator('[data-testid="editor"] script, [data-testid="comments-panel"] img').count()).toBe(0);
  await staff.context.close();
});
