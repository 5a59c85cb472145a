import { randomBytes } from 'node:crypto';
import { ChatSender, DocumentEditor } from '../harness/realtime-clients';
import type { FaultSystem } from '../harness/fault-system';
import { sleep, waitFor } from '../harness/processes';
import { expectThat, fail, type FaultScenario, type ScenarioContext } from '../scenario';

// CI size by default; FAULTS_FULL=1 for the size issue 10 names (20 editors, 10 chat members).
const FULL = process.env.FAULTS_FULL === '1';
const EDITORS = FULL ? 20 : 6;
const CHATTERS = FULL ? 10 : 4;
const EDIT_EVERY_MS = 200;
const SEND_EVERY_MS = 150;
/** How long the clients get to reconnect and resync after the web process is back (a loaded 2-core machine needs a while for 30). */
const RECONNECT_MS = FULL ? 90_000 : 45_000;

type TrpcData<T> = { result?: { data?: { json?: T } } } | null;

/**
 * The web process is restarted, gracefully (SIGTERM) and then as a crash (SIGKILL), while editors
 * type into one document and chat members send messages. The clients reconnect by themselves.
 * Afterwards every edit the server acknowledged is in the document, every editor sees the same
 * document, and chat has every acknowledged message exactly once (resends with the same client id
 * are recognised, not stored twice).
 */
export const webRestart: FaultScenario = {
  name: 'web-restart',
  summary: `the web process is restarted (SIGTERM, then SIGKILL) under ${EDITORS} document editors and ${CHATTERS} chat members`,
  async run(ctx) {
    const { system, step, onCleanup } = ctx;
    const run = randomBytes(3).toString('hex');
    const editors: DocumentEditor[] = [];
    const chatters: ChatSender[] = [];
    let documentId = '';
    let collabName = '';
    let token = '';
    onCleanup(() => {
      editors.forEach((editor) => editor.destroy());
      chatters.forEach((chatter) => chatter.close());
    });

    await step(`before: ${EDITORS} editors on one new document, ${CHATTERS} chat members in one channel`, async () => {
      const session = await system.signIn('staff@example.org');
      ({ token } = await system.createApiToken(session, 'faults web restart'));
      const projects = await system.get('/api/v1/projects?community=p2pvalue-demo', { token }, 60_000);
      const project = (projects.json as { items?: { id: string; slug: string }[] } | null)?.items?.[0];
      expectThat(project, `no demo project: ${projects.status} ${projects.text.slice(0, 200)}`);
      const created = await system.trpcMutation('document.create', { projectId: project.id, title: `Fault suite ${run}` }, session, 60_000);
      const doc = (created.json as TrpcData<{ id: string; collabName: string }>)?.result?.data?.json;
      expectThat(created.status === 200 && doc, `document.create → ${created.status} ${created.text.slice(0, 200)}`);
      ({ id: documentId, collabName } = doc);
      const channels = await system.trpcQuery('chat.channels', {}, session, 60_000);
      const channel = (channels.json as TrpcData<{ items: { id: string; kind: string }[] }>)?.result?.data?.json?.items.find((c) => c.kind === 'general');
      expectThat(channel, `no general channel: ${channels.text.slice(0, 200)}`);

      const wsUrl = `${system.baseUrl.replace(/^http/, 'ws')}/collab`;
      for (let i = 0; i < EDITORS; i++) editors.push(new DocumentEditor(wsUrl, collabName, token, `e${i}`));
      for (let i = 0; i < CHATTERS; i++) chatters.push(new ChatSender(system.baseUrl, token, channel.id, `f-${run}-c${i}`));
      await Promise.all([...editors.map((e) => e.synced(60_000)), ...chatters.map((c) => c.connected(60_000))]);
      editors.forEach((e) => e.start(EDIT_EVERY_MS));
      chatters.forEach((c) => c.start(SEND_EVERY_MS));
      return `document ${documentId.slice(0, 8)}, channel ${channel.id.slice(0, 8)}; editing every ${EDIT_EVERY_MS} ms, sending every ${SEND_EVERY_MS} ms`;
    });

    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      await restartUnderLoad(ctx, signal, { editors, chatters, documentId });
    }

    await step('stop the clients: documents converge, every edit stored', async () => {
      editors.forEach((e) => e.stop());
      await withTimeout(Promise.all(chatters.map((c) => c.stop())), 30_000, 'the chat members could not deliver their last messages');
      const settled = await waitFor(async () => (editors.every((e) => e.settled()) && new Set(editors.map((e) => e.text())).size === 1 ? true : undefined), 30_000, 250);
      expectThat(settled, `editors did not converge: ${editors.filter((e) => !e.settled()).length} unsettled, ${new Set(editors.map((e) => e.text())).size} distinct documents`);
      const markers = editors.flatMap((e) => e.edits);
      const stored = await waitFor(async () => {
        const text = markersIn(storedText(system, documentId));
        return markers.every((m) => text.has(m)) ? text : undefined;
      }, 30_000, 500);
      const storedNow = markersIn(storedText(system, documentId));
      const missing = markers.filter((m) => !storedNow.has(m));
      expectThat(stored, `${missing.length} of ${markers.length} edits not stored, e.g. ${missing.slice(0, 5).join(', ')}`);
      return `${markers.length} edits by ${EDITORS} editors: all stored, ${EDITORS} identical copies`;
    });

    await step('chat: every acknowledged message stored once, resends recognised', async () => {
      const rows = system.sql(`SELECT "clientId", count(*), min(id) FROM chat_message WHERE "clientId" LIKE 'f-${run}-%' GROUP BY "clientId"`);
      const stored = new Map(rows.map(([clientId, count, id]) => [clientId!, { count: Number(count), id: id! }]));
      const duplicated = [...stored].filter(([, v]) => v.count > 1).map(([k]) => k);
      expectThat(duplicated.length === 0, `stored more than once: ${duplicated.slice(0, 5).join(', ')}`);
      const acked = chatters.flatMap((c) => [...c.acked]);
      const lost = acked.filter(([clientId]) => !stored.has(clientId));
      expectThat(lost.length === 0, `acknowledged but not stored: ${lost.slice(0, 5).map(([k]) => k).join(', ')}`);
      const wrongId = acked.filter(([clientId, id]) => stored.get(clientId)?.id !== id);
      expectThat(wrongId.length === 0, `a resend was acknowledged with another message id: ${wrongId.slice(0, 3).join('; ')}`);
      const unacked = [...stored.keys()].filter((clientId) => !acked.some(([k]) => k === clientId));
      expectThat(unacked.length === 0, `stored but never acknowledged to its sender: ${unacked.slice(0, 5).join(', ')}`);
      const resends = chatters.reduce((n, c) => n + c.resends, 0);
      const recognised = chatters.reduce((n, c) => n + c.duplicatesRecognised, 0);
      return `${acked.length} messages, each stored once; ${resends} resends after a timeout, ${recognised} recognised as already stored`;
    });
  },
};

async function restartUnderLoad(
  { system, step, onCleanup }: ScenarioContext,
  signal: 'SIGTERM' | 'SIGKILL',
  { editors, chatters, documentId }: { editors: DocumentEditor[]; chatters: ChatSender[]; documentId: string },
): Promise<void> {
  let ackedAtStop: string[] = [];
  let chatAckedAtStop = 0;

  onCleanup(async () => {
    if (system.webPid() === null) await system.startWeb();
  });

  await step(`${signal} the web process mid-way`, async () => {
    await sleep(2_000);
    const before = editors.reduce((n, e) => n + e.edits.length, 0);
    const t0 = performance.now();
    await system.stopWeb(signal);
    // Acknowledgements cannot arrive after the process has gone: these are the edits the server confirmed.
    ackedAtStop = editors.flatMap((e) => e.edits.slice(0, e.acked));
    chatAckedAtStop = chatters.reduce((n, c) => n + c.acked.size, 0);
    const text = markersIn(storedText(system, documentId));
    const storedAtStop = ackedAtStop.filter((m) => text.has(m)).length;
    // A graceful stop stores every document first; a crash loses what was not yet stored (the clients still have it).
    if (signal === 'SIGTERM') {
      expectThat(storedAtStop === ackedAtStop.length, `after SIGTERM only ${storedAtStop} of ${ackedAtStop.length} acknowledged edits were stored`);
    }
    return `stopped in ${Math.round(performance.now() - t0)} ms with ${before} edits made; ${ackedAtStop.length} acknowledged, ${storedAtStop} of them stored; ${chatAckedAtStop} chat messages acknowledged`;
  });

  await step(`restart after ${signal}; every client reconnects`, async () => {
    const t0 = performance.now();
    await system.startWeb();
    const up = Math.round(performance.now() - t0);
    const back = await waitFor(async () => (editors.every((e) => e.settled()) && chatters.every((c) => c.socket.connected) ? true : undefined), RECONNECT_MS, 250);
    expectThat(back, `${editors.filter((e) => !e.settled()).length} editors unsynced, ${chatters.filter((c) => !c.socket.connected).length} chat members offline ${RECONNECT_MS / 1000} s after the restart`);
    return `web healthy after ${up} ms; all ${editors.length + chatters.length} clients back ${back.ms} ms later`;
  });

  await step(`after ${signal}: acknowledged edits present, editors converge`, async () => {
    const converged = await waitFor(async () => (new Set(editors.map((e) => e.text())).size === 1 ? true : undefined), 15_000, 100);
    // Editors keep typing, so copies differ for a moment at a time: compare what they all have.
    const missing = editors.flatMap((e) => {
      const has = markersIn(e.text());
      return ackedAtStop.filter((m) => !has.has(m)).map((m) => `${e.label}:${m}`);
    });
    expectThat(missing.length === 0, `acknowledged edits missing after the restart: ${missing.slice(0, 5).join(', ')} (${missing.length})`);
    const chatNow = chatters.reduce((n, c) => n + c.acked.size, 0);
    if (chatNow <= chatAckedAtStop) fail(`no chat message acknowledged since the restart (${chatNow})`);
    return `${ackedAtStop.length} acknowledged edits in all ${editors.length} copies${converged ? `, identical within ${converged.ms} ms` : ''}; chat moving again (${chatNow - chatAckedAtStop} more acknowledged)`;
  });
}

/** The document's stored plain text (one paragraph a line; `sql` splits rows on newlines, so on one line here). */
function storedText(system: FaultSystem, documentId: string): string {
  return system.sql(`SELECT translate("plainText", E'\\n', ' ') FROM document WHERE id = '${documentId}'`)[0]?.[0] ?? '';
}

/** The edit markers (`e3-12`) in a text: whole tokens, so `e3-1` is not found inside `e3-12`. */
function markersIn(text: string): Set<string> {
  return new Set(text.match(/e\d+-\d+/g) ?? []);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
