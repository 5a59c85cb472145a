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
  // The bound: each sees the other's text and cursor within a second.
  await expect(member.page.getByTestId('editor')).toContainText(a, { timeout: 1_000 });
  await typeAtEnd(member.page, b);
  await expect(staff.page.getByTestId('editor')).toContainText(b, { timeout: 1_000 });
  await expect(staff.page.locator('.collab-caret-label', { hasText: 'Demo Member' })).toBeVisible({ timeout: 1_000 });
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

// ------------------------------------------------------------------ tables, images, mentions, history

const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A fresh document in the public demo project (tests stay independent of each other and of the seed). */
async function newDocument(request: APIRequestContext, baseURL: string, title: string) {
  const projects = await (await request.get('/api/v1/projects?community=p2pvalue-demo')).json();
  const project = projects.items.find((p: { slug: string }) => p.slug === 'commons-handbook');
  const response = await request.post('/api/trpc/document.create', { data: { json: { projectId: project.id, title } }, headers: { origin: baseURL } });
  expect(response.status(), await response.text()).toBe(200);
  const doc = (await response.json()).result.data.json as { id: string; collabName: string };
  return { doc, url: `/communities/p2pvalue-demo/projects/commons-handbook/documents/${doc.id}` };
}

/** The document's markdown as the server derives it (REST), once it contains `expected`. */
async function expectStoredMarkdown(request: APIRequestContext, id: string, expected: string | RegExp) {
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/documents/${id}`)).json()) as { markdown: string }).markdown, { timeout: 20_000 })
    .toMatch(expected);
}

test('tables: insert, add and remove rows and columns with taps on a phone; the server reads them', async ({ browser, playwright, baseURL }) => {
  test.slow();
  const api = await playwright.request.newContext({ baseURL, storageState: storageStatePath('staff') });
  const { doc, url } = await newDocument(api, baseURL!, `Table ${Date.now()}`);
  const context = await browser.newContext({ storageState: storageStatePath('staff'), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await page.getByTestId('editor').tap();
  await page.getByRole('button', { name: 'Insert table' }).tap();
  const table = page.getByTestId('editor').locator('table');
  await expect(table.locator('tr')).toHaveCount(3);
  await expect(table.locator('tr').first().locator('th')).toHaveCount(3);
  await page.keyboard.type('Item');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Cost');
  const tableBar = page.getByRole('toolbar', { name: 'Table' });
  // Rows and columns are added after the caret's cell (in "Cost", the header row).
  await tableBar.getByRole('button', { name: 'Add row' }).tap();
  await expect(table.locator('tr')).toHaveCount(4);
  await tableBar.getByRole('button', { name: 'Add column' }).tap();
  await expect(table.locator('tr').first().locator('th')).toHaveCount(4);
  // The last row's last cell: remove its column and its row.
  await table.locator('tr').last().locator('td').last().tap();
  await tableBar.getByRole('button', { name: 'Remove column' }).tap();
  await expect(table.locator('tr').first().locator('th')).toHaveCount(3);
  await table.locator('tr').last().locator('td').last().tap();
  await tableBar.getByRole('button', { name: 'Remove row' }).tap();
  await expect(table.locator('tr')).toHaveCount(3);
  await expect(table.locator('tr').first().locator('th')).toHaveCount(3);
  // The table scrolls inside the page rather than widening it.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  await expectStoredMarkdown(api, doc.id, /\| Item \| Cost \|  \|\n\| --- \| --- \| --- \|/);
  await context.close();
});

test('images by upload: chosen from a file, stored, shown, and served only to readers', async ({ browser, playwright, baseURL }) => {
  test.slow();
  const api = await playwright.request.newContext({ baseURL, storageState: storageStatePath('staff') });
  const { doc, url } = await newDocument(api, baseURL!, `Image ${Date.now()}`);
  const staff = await openEditor(browser, 'staff', url);
  await staff.page.getByTestId('editor').click();
  await staff.page.getByTestId('image-file').setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: PNG_1PX });
  const img = staff.page.getByTestId('editor').locator('img');
  await expect(img).toHaveAttribute('src', new RegExp(`^/api/v1/documents/${doc.id}/images/[0-9a-f-]{36}$`));
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
  const src = (await img.getAttribute('src'))!;
  expect((await api.get(src)).headers()['content-type']).toBe('image/png');
  // Not an image: refused with the server's message shown.
  await staff.page.getByTestId('image-file').setInputFiles({ name: 'evil.png', mimeType: 'image/png', buffer: Buffer.from('<svg onload=alert(1)>') });
  await expect(staff.page.getByRole('alert').filter({ hasText: 'Only PNG, JPEG, GIF and WebP' })).toBeVisible();
  await expectStoredMarkdown(api, doc.id, `![dot.png](${src})`);
  // Someone without an account may read the public document, and so its image; the invite-only
  // project's documents and images stay closed (checked in the server tests).
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get(src)).status()).toBe(200);
  expect((await anonymous.get(src.replace(doc.id, crypto.randomUUID()))).status()).toBe(404);
  await staff.context.close();
});

test('an @mention in the text suggests members and notifies the mentioned member', async ({ browser, playwright, baseURL }) => {
  test.slow();
  const api = await playwright.request.newContext({ baseURL, storageState: storageStatePath('staff') });
  const { doc, url } = await newDocument(api, baseURL!, `Mention ${Date.now()}`);
  const staff = await openEditor(browser, 'staff', url);
  await staff.page.getByTestId('editor').click();
  await staff.page.keyboard.type('Please review, @Demo M');
  const suggestions = staff.page.getByRole('listbox', { name: 'Mention suggestions' });
  await expect(suggestions.getByRole('option', { name: 'Demo Member' })).toBeVisible();
  await staff.page.keyboard.press('Enter');
  await expect(staff.page.getByTestId('editor').locator('[data-type="mention"]')).toHaveText('@Demo Member');
  await expectStoredMarkdown(api, doc.id, 'Please review, @Demo Member');
  // The mentioned member gets a notification row linking to the document.
  const { Client } = (await import('pg')).default;
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    await expect
      .poll(async () => {
        const { rows } = await db.query(
          `SELECT n.ref FROM notification n JOIN "user" u ON u.id = n."userId" WHERE u.email = 'member@example.org' AND n.kind = 'document.mention' AND n.ref->>'documentId' = $1`,
          [doc.id],
        );
        return rows.map((r: { ref: { url: string } }) => r.ref.url);
      }, { timeout: 15_000 })
      .toEqual([url]);
  } finally {
    await db.end();
  }
  await staff.context.close();
});

test('history: an old version opens read-only with its content rendered, restores, and the restore is the one undo step', async ({ browser, playwright, baseURL }) => {
  test.slow();
  const api = await playwright.request.newContext({ baseURL, storageState: storageStatePath('staff') });
  const { doc, url } = await newDocument(api, baseURL!, `History ${Date.now()}`);
  const staff = await openEditor(browser, 'staff', url);
  const first = `first-${Date.now()}`;
  const later = `later-${Date.now()}`;
  await typeAtEnd(staff.page, first);
  await staff.page.getByRole('button', { name: 'Insert table' }).click();
  await staff.page.keyboard.type('in a cell');
  await expectStoredMarkdown(api, doc.id, first);
  await staff.page.getByRole('button', { name: 'History' }).click();
  const history = staff.page.getByTestId('history-panel');
  await history.getByRole('textbox', { name: 'Version name' }).fill('v-one');
  await history.getByRole('button', { name: 'Save version' }).click();
  await typeAtEnd(staff.page, later);
  await expectStoredMarkdown(api, doc.id, later);
  await history.getByRole('button', { name: /v-one/ }).click();
  const version = history.getByTestId('version-content');
  await expect(version).toContainText(first);
  await expect(version.locator('table td, table th').first()).toContainText('in a cell');
  await expect(version).not.toContainText(later);
  await expect(version).toHaveAttribute('contenteditable', 'false');
  await history.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(staff.page.getByTestId('editor')).not.toContainText(later, { timeout: 10_000 });
  await expect(staff.page.getByTestId('editor')).toContainText(first);
  // Ctrl+Z right after the restore cannot replay typing from before it into the restored text.
  const notice = staff.page.getByTestId('restore-notice');
  await expect(notice).toContainText('You restored the version “v-one”');
  await expect(notice).toContainText('can no longer be undone with Ctrl+Z');
  await staff.page.getByTestId('editor').click();
  await staff.page.keyboard.press('ControlOrMeta+z');
  await staff.page.keyboard.press('ControlOrMeta+z');
  await expect(staff.page.getByTestId('editor')).not.toContainText(later);
  await expect(staff.page.getByTestId('editor')).toContainText(first);
  await expectStoredMarkdown(api, doc.id, new RegExp(`^(?![\\s\\S]*${later})[\\s\\S]*${first}`));
  // The restore itself is undone in one step.
  await notice.getByRole('button', { name: 'Undo restore' }).click();
  await expect(staff.page.getByTestId('editor')).toContainText(later, { timeout: 10_000 });
  await expect(staff.page.getByTestId('editor')).toContainText(first);
  await staff.context.close();
});

test('a share-link reader without an account follows the live document read-only', async ({ browser, playwright, baseURL }) => {
  test.slow();
  const api = await playwright.request.newContext({ baseURL, storageState: storageStatePath('staff') });
  const slug = `shared-${Date.now()}`;
  const created = await api.post('/api/trpc/project.create', {
    data: { json: { community: 'p2pvalue-demo', slug, title: 'Shared by link', shareMode: 'link' } },
    headers: { origin: baseURL! },
  });
  expect(created.status(), await created.text()).toBe(200);
  const project = (await created.json()).result.data.json as { id: string; linkKey: string };
  const pad = (await (await api.get(`/api/v1/documents?project=${project.id}`)).json()).items[0] as { id: string };
  const url = `/communities/p2pvalue-demo/projects/${slug}/documents/${pad.id}`;

  const staff = await openEditor(browser, 'staff', url);
  const reader = await browser.newContext();
  const page = await reader.newPage();
  expect((await page.goto(url))?.status()).toBe(404);
  await page.goto(`${url}?key=${encodeURIComponent(project.linkKey)}`);
  const editor = page.getByTestId('editor');
  await expect(editor).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'History' })).toHaveCount(0);
  const live = `live-${Date.now()}`;
  await typeAtEnd(staff.page, live);
  await expect(editor).toContainText(live, { timeout: 5_000 });
  // Typing does nothing for the reader; the stored document has only the writer's text.
  await editor.click();
  await page.keyboard.type('reader was here');
  await expectStoredMarkdown(api, pad.id, live);
  expect(((await (await api.get(`/api/v1/documents/${pad.id}`)).json()) as { markdown: string }).markdown).not.toContain('reader was here');
  await reader.close();
  await staff.context.close();
});
