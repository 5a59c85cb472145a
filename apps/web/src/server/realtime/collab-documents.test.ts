import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { DOCUMENT_FRAGMENT, appendBlocks, createDocumentPersistence, createPlatformRepositories, documentTextFromState, fragmentToPlainText } from '@p2pvalue/platform';
import { getDb } from '../db';
import { callerFor, createCommunityFixture } from '../testing/platform-fixtures';
import { attachRealtime } from './attach-realtime';
import type { CollabServerOptions } from './collab-server';
import { watchRestores, type RestoreEvent } from '../../components/documents/restore-undo';

type Realtime = ReturnType<typeof attachRealtime>;
const running: { server: Server; realtime: Realtime }[] = [];
const providers: HocuspocusProvider[] = [];

async function startServer(port = 0, options: CollabServerOptions = {}): Promise<{ url: string; port: number; stop: () => Promise<void> }> {
  const server = createServer((_req, res) => res.end());
  const realtime = attachRealtime(server, { debounceMs: 100, maxDebounceMs: 500, ...options });
  const entry = { server, realtime };
  running.push(entry);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as { port: number }).port;
  return {
    url: `ws://127.0.0.1:${actual}/collab`,
    port: actual,
    stop: async () => {
      running.splice(running.indexOf(entry), 1);
      await realtime.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function open(url: string, name: string, token: string, opts: { reconnect?: boolean } = {}) {
  const websocketProvider = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: WebSocket,
    ...(opts.reconnect ? { delay: 50, minDelay: 50, maxDelay: 200, factor: 1.2 } : { maxAttempts: 1 }),
  });
  let settle!: (v: 'synced' | 'denied') => void;
  const outcome = new Promise<'synced' | 'denied'>((resolve) => (settle = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider,
    name,
    token,
    document: new Y.Doc(),
    onSynced: () => settle('synced'),
    onAuthenticationFailed: () => settle('denied'),
  });
  provider.attach();
  providers.push(provider);
  return { provider, doc: provider.document, outcome, text: () => fragmentToPlainText(provider.document.getXmlFragment(DOCUMENT_FRAGMENT)) };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function storedText(documentId: string): Promise<string> {
  const row = await getDb().document.findUnique({ where: { id: documentId }, select: { yState: true } });
  return row?.yState ? documentTextFromState(new Uint8Array(row.yState)).plainText : '';
}

async function tokenFor(user: Parameters<typeof callerFor>[0]) {
  return (await callerFor(user).document.realtimeToken()).token;
}

afterEach(() => {
  for (const p of providers.splice(0)) {
    p.destroy();
    p.configuration.websocketProvider.destroy();
  }
});

afterAll(async () => {
  for (const { realtime, server } of running.splice(0)) {
    await realtime.close();
    server.close();
  }
});

describe('collaborative documents over Hocuspocus', { timeout: 90_000 }, () => {
  it('lets two members edit one document and converge; persists derived text', async () => {
    const f = await createCommunityFixture();
    const pad = (await callerFor(f.owner).document.list({ project: f.publicProject.id })).items[0]!;
    const server = await startServer();
    const a = open(server.url, pad.collabName, await tokenFor(f.owner));
    const b = open(server.url, pad.collabName, await tokenFor(f.member));
    expect(await a.outcome).toBe('synced');
    expect(await b.outcome).toBe('synced');
    appendBlocks(a.doc, [{ type: 'paragraph', text: 'from A' }]);
    appendBlocks(b.doc, [{ type: 'paragraph', text: 'from B' }]);
    await until(() => a.text() === b.text() && a.text().includes('from A') && a.text().includes('from B'));
    await until(async () => (await storedText(pad.id)) === a.text());
    const detail = await callerFor(f.member).document.get({ id: pad.id });
    expect(detail.markdown).toContain('from A');
    await server.stop();
  });

  it('serves one document live from two web processes sharing Redis and PostgreSQL', async () => {
    const f = await createCommunityFixture();
    const pad = (await callerFor(f.owner).document.list({ project: f.publicProject.id })).items[0]!;
    const one = await startServer();
    const two = await startServer();
    const a = open(one.url, pad.collabName, await tokenFor(f.owner));
    const b = open(two.url, pad.collabName, await tokenFor(f.member));
    await Promise.all([a.outcome, b.outcome]);
    appendBlocks(a.doc, [{ type: 'paragraph', text: 'via one' }]);
    appendBlocks(b.doc, [{ type: 'paragraph', text: 'via two' }]);
    await until(() => a.text().includes('via two') && b.text().includes('via one') && a.text() === b.text());
    await one.stop();
    await two.stop();
    expect(await storedText(pad.id)).toBe(a.text());
  });

  it('refuses non-members (stolen document name), bad tokens and unknown documents; readers are read-only', async () => {
    const f = await createCommunityFixture();
    const core = (await callerFor(f.owner).document.list({ project: f.inviteProject.id })).items[0]!;
    const open_ = (await callerFor(f.owner).document.list({ project: f.publicProject.id })).items[0]!;
    const server = await startServer();
    expect(await open(server.url, core.collabName, await tokenFor(f.member)).outcome).toBe('denied');
    expect(await open(server.url, core.collabName, await tokenFor(f.outsider)).outcome).toBe('denied');
    expect(await open(server.url, core.collabName, 'rt1.forged.token').outcome).toBe('denied');
    expect(await open(server.url, `doc:${crypto.randomUUID()}`, await tokenFor(f.owner)).outcome).toBe('denied');
    expect(await open(server.url, core.collabName, await tokenFor(f.staff)).outcome).toBe('synced');

    const reader = open(server.url, open_.collabName, await tokenFor(f.outsider));
    expect(await reader.outcome).toBe('synced');
    appendBlocks(reader.doc, [{ type: 'paragraph', text: 'vandalism' }]);
    const writer = open(server.url, open_.collabName, await tokenFor(f.member));
    await writer.outcome;
    appendBlocks(writer.doc, [{ type: 'paragraph', text: 'legit' }]);
    await until(async () => (await storedText(open_.id)).includes('legit'));
    expect(await storedText(open_.id)).not.toContain('vandalism');
    await server.stop();
  });

  it('loses nothing when the server restarts while a client types', async () => {
    const f = await createCommunityFixture();
    const doc = await callerFor(f.member).document.create({ projectId: f.publicProject.id, title: 'Restart' });
    let server = await startServer();
    const port = server.port;
    const client = open(server.url, doc.collabName, await tokenFor(f.member), { reconnect: true });
    await client.outcome;
    let typed = 0;
    const typeSome = async (n: number) => {
      for (let i = 0; i < n; i++) {
        appendBlocks(client.doc, [{ type: 'paragraph', text: `line ${typed++}` }]);
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    await typeSome(20);
    const typing = typeSome(20);
    await server.stop();
    await typing;
    await typeSome(10); // offline: kept by the client
    server = await startServer(port);
    await typeSome(10);
    await until(async () => (await storedText(doc.id)).split('\n').length === 60, 15_000);
    await server.stop();
    const stored = (await storedText(doc.id)).split('\n');
    expect(new Set(stored)).toEqual(new Set(Array.from({ length: 60 }, (_, i) => `line ${i}`)));
  });

  it('records one contribution event per editing session and takes automatic versions', async () => {
    const f = await createCommunityFixture();
    const doc = await callerFor(f.member).document.create({ projectId: f.publicProject.id, title: 'Ledger' });
    const server = await startServer(0, { persistence: { sessionIdleMs: 300, autoVersionAfterMs: 0 } });
    const client = open(server.url, doc.collabName, await tokenFor(f.member));
    await client.outcome;
    for (let i = 0; i < 5; i++) appendBlocks(client.doc, [{ type: 'paragraph', text: `edit ${i}` }]);
    const events = () => getDb().contributionEvent.findMany({ where: { userId: f.member.id, kind: 'document.edit' } });
    await until(async () => (await events()).length === 1);
    const [event] = await events();
    expect(event).toMatchObject({ projectId: f.publicProject.id, ref: { documentId: doc.id } });
    await until(async () => (await callerFor(f.member).document.versions({ documentId: doc.id })).some((v) => v.reason === 'auto'));
    const auto = (await callerFor(f.member).document.versions({ documentId: doc.id })).find((v) => v.reason === 'auto')!;
    expect(auto.authors.map((a) => a.id)).toEqual([f.member.id]);
    await server.stop();
  });

  it('restores a version into connected editors as a forward change', async () => {
    const f = await createCommunityFixture();
    const doc = await callerFor(f.member).document.create({ projectId: f.publicProject.id, title: 'Live restore' });
    const server = await startServer();
    const client = open(server.url, doc.collabName, await tokenFor(f.member));
    await client.outcome;
    appendBlocks(client.doc, [{ type: 'paragraph', text: 'version one' }]);
    await until(async () => (await storedText(doc.id)) === 'version one');
    const v1 = await callerFor(f.member).document.createVersion({ documentId: doc.id, label: 'v1' });
    appendBlocks(client.doc, [{ type: 'paragraph', text: 'later' }]);
    await until(async () => (await storedText(doc.id)).includes('later'));
    await callerFor(f.member).document.restoreVersion({ documentId: doc.id, versionId: v1.id });
    await until(() => client.text() === 'version one');
    await until(async () => (await storedText(doc.id)) === 'version one');
    await server.stop();
  });

  it('after a restore, undo in an open editor cannot bring replaced text back; the restore itself is undone by "Undo restore"', async () => {
    const f = await createCommunityFixture();
    const doc = await callerFor(f.member).document.create({ projectId: f.publicProject.id, title: 'Undo after restore' });
    const server = await startServer();
    const client = open(server.url, doc.collabName, await tokenFor(f.member));
    await client.outcome;
    // The editor's undo history, as y-prosemirror keeps it: local typing only, per step.
    const TYPING = { source: 'typing' };
    const fragment = client.doc.getXmlFragment(DOCUMENT_FRAGMENT);
    const history = new Y.UndoManager(fragment, { trackedOrigins: new Set([TYPING]), captureTimeout: 0 });
    // A second history nobody clears shows what undo would do without the guard.
    const unguarded = new Y.UndoManager(fragment, { trackedOrigins: new Set([TYPING]), captureTimeout: 0 });
    const events: RestoreEvent[] = [];
    const stop = watchRestores(client.doc, () => history, (e) => events.push(e));

    appendBlocks(client.doc, [{ type: 'paragraph', text: 'keep' }, { type: 'paragraph', text: 'doomed' }], TYPING);
    await until(async () => (await storedText(doc.id)) === 'keep\ndoomed');
    const v1 = await callerFor(f.member).document.createVersion({ documentId: doc.id, label: 'v1' });
    client.doc.transact(() => fragment.delete(1, 1), TYPING);
    appendBlocks(client.doc, [{ type: 'paragraph', text: 'later' }], TYPING);
    await until(async () => (await storedText(doc.id)) === 'keep\nlater');
    expect(history.undoStack.length).toBe(3);

    const { before } = await callerFor(f.owner).document.restoreVersion({ documentId: doc.id, versionId: v1.id });
    await until(() => client.text() === 'keep\ndoomed' && events.length === 1);
    expect(events[0]).toMatchObject({ beforeVersionId: before.id, versionId: v1.id, label: 'v1', byId: f.owner.id, clearedHistory: true });
    // Ctrl+Z right after the restore: nothing to undo, the restored text stays as it is.
    expect(history.undoStack).toHaveLength(0);
    expect(history.undo()).toBeNull();
    expect(client.text()).toBe('keep\ndoomed');
    // Without clearing, undo replays pre-restore steps into the restored text: "doomed" twice.
    // Without clearing, one Ctrl+Z replays a pre-restore step into the restored text: "doomed" twice.
    expect(unguarded.undo()).not.toBeNull();
    expect(client.text()).toBe('keep\ndoomed\ndoomed');
    unguarded.redo();
    expect(client.text()).toBe('keep\ndoomed');
    unguarded.clear();

    // Typing after the restore is undoable again, step by step.
    appendBlocks(client.doc, [{ type: 'paragraph', text: 'after' }], TYPING);
    expect(history.undo()).not.toBeNull();
    expect(client.text()).toBe('keep\ndoomed');

    // The restore's own undo: restoring the version saved just before it.
    await callerFor(f.member).document.restoreVersion({ documentId: doc.id, versionId: before.id });
    await until(() => client.text() === 'keep\nlater' && events.length === 2);
    expect(events[1]).toMatchObject({ label: before.label, byId: f.member.id });
    await until(async () => (await storedText(doc.id)) === 'keep\nlater');
    stop();
    history.destroy();
    unguarded.destroy();
    await server.stop();
  });

  it('never overwrites a state another process stored meanwhile: stores merge', async () => {
    const f = await createCommunityFixture();
    const doc = await callerFor(f.member).document.create({ projectId: f.publicProject.id, title: 'Two writers' });
    // Two web processes' persistence, each with its own copy of the live document, not in touch.
    const persistence = () => createDocumentPersistence({ ...createPlatformRepositories(getDb()), clock: () => new Date() });
    const [one, two] = [persistence(), persistence()];
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    for (const [p, d] of [[one, a], [two, b]] as const) {
      const state = await p.load(doc.id);
      if (state) Y.applyUpdate(d, state);
    }
    appendBlocks(a, [{ type: 'paragraph', text: 'from one' }]);
    appendBlocks(b, [{ type: 'paragraph', text: 'from two' }]);
    expect(await one.store(doc.id, a)).toBe(true);
    expect(await two.store(doc.id, b)).toBe(true);
    const stored = await storedText(doc.id);
    expect(stored.split('\n').sort()).toEqual(['from one', 'from two']);
    // The second writer took the first one's text into its live copy (its editors get it too).
    expect(fragmentToPlainText(b.getXmlFragment(DOCUMENT_FRAGMENT))).toBe(stored);
    // Storing again on the first process keeps the second one's text as well.
    appendBlocks(a, [{ type: 'paragraph', text: 'more from one' }]);
    expect(await one.store(doc.id, a)).toBe(true);
    expect((await storedText(doc.id)).split('\n').sort()).toEqual(['from one', 'from two', 'more from one']);
    expect((await callerFor(f.member).document.get({ id: doc.id })).markdown).toContain('more from one');
  });

  it('gives share-link readers a live read-only connection and refuses wrong keys', async () => {
    const f = await createCommunityFixture();
    const doc = (await callerFor(f.owner).document.list({ project: f.linkProject.id })).items[0]!;
    const { linkKey } = await callerFor(f.owner).project.get({ projectId: f.linkProject.id });
    const server = await startServer();
    expect(await open(server.url, doc.collabName, 'link:wrong-key').outcome).toBe('denied');
    // No session cookie and no key: refused as before.
    expect(await open(server.url, doc.collabName, 'cookie').outcome).toBe('denied');
    const reader = open(server.url, doc.collabName, `link:${linkKey}`);
    expect(await reader.outcome).toBe('synced');
    expect(reader.provider.authorizedScope).toBe('readonly');
    // The key opens this project's documents only.
    const core = (await callerFor(f.owner).document.list({ project: f.inviteProject.id })).items[0]!;
    expect(await open(server.url, core.collabName, `link:${linkKey}`).outcome).toBe('denied');

    const writer = open(server.url, doc.collabName, await tokenFor(f.owner));
    await writer.outcome;
    appendBlocks(reader.doc, [{ type: 'paragraph', text: 'written by a link reader' }]);
    appendBlocks(writer.doc, [{ type: 'paragraph', text: 'by the owner' }]);
    await until(() => reader.text().includes('by the owner'));
    await until(async () => (await storedText(doc.id)).includes('by the owner'));
    expect(await storedText(doc.id)).not.toContain('link reader');
    expect(writer.text()).not.toContain('link reader');
    await server.stop();
  });

  it('notifies people an edit mentions in the body, once, with a link to the document', async () => {
    const f = await createCommunityFixture();
    const pad = (await callerFor(f.owner).document.list({ project: f.publicProject.id })).items[0]!;
    const server = await startServer();
    const notifications = (userId: string) => getDb().notification.findMany({ where: { userId, kind: 'document.mention' } });
    const author = open(server.url, pad.collabName, await tokenFor(f.member));
    await author.outcome;
    appendBlocks(author.doc, [
      { type: 'paragraph', text: ['Ask ', { mention: { id: f.admin.id, label: 'Adam Admin' } }, ' and ', { mention: { id: f.outsider.id, label: 'Otto' } }] },
      { type: 'table', rows: [['Who'], [[{ mention: { id: f.admin.id, label: 'Adam Admin' } }]]] },
    ]);
    await until(async () => (await notifications(f.admin.id)).length > 0);
    // Typing elsewhere and mentioning the same person again soon after do not notify again.
    appendBlocks(author.doc, [{ type: 'paragraph', text: ['again ', { mention: { id: f.admin.id, label: 'Adam Admin' } }] }]);
    appendBlocks(author.doc, [{ type: 'paragraph', text: ['and ', { mention: { id: f.owner.id, label: 'Olive Owner' } }] }]);
    await until(async () => (await notifications(f.owner.id)).length > 0);
    const [toAdmin, ...more] = await notifications(f.admin.id);
    expect(more).toHaveLength(0);
    expect(toAdmin!.ref).toMatchObject({
      documentId: pad.id,
      authorId: f.member.id,
      communitySlug: f.slug,
      url: `/communities/${f.slug}/projects/${f.publicProject.slug}/documents/${pad.id}`,
    });
    // The outsider is not a member of the community: no notification. A reader that reconnects
    // (the document is loaded with its mentions) announces nothing.
    const again = open(server.url, pad.collabName, await tokenFor(f.owner));
    await again.outcome;
    appendBlocks(again.doc, [{ type: 'paragraph', text: 'owner types' }]);
    await until(async () => (await storedText(pad.id)).includes('owner types'));
    expect(await notifications(f.outsider.id)).toHaveLength(0);
    expect(await notifications(f.member.id)).toHaveLength(0);
    expect(await notifications(f.admin.id)).toHaveLength(1);
    await server.stop();
  });
});

