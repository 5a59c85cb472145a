import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { collabDocumentName } from '@p2pvalue/platform';
import { attachRealtime } from '../realtime/attach-realtime';
import { isAllowed, PERSONAS, type AccessClass, type Persona } from './access-classes';
import { createSecurityWorld, type SecurityWorld } from './security-fixtures';

/**
 * The security matrix for the realtime servers (docs/security.md): every socket.io event the
 * server listens to, and every kind of Hocuspocus document, called as every persona through a real
 * web process. The events are read off a connected server-side socket, so an event added without
 * an entry here fails the test.
 */

type Client = Socket;
type Ack = { ok: boolean; error?: { code: string } };

interface EventCase {
  access: AccessClass;
  label?: string;
  /** The payload; called once per persona (fresh targets where the call consumes them). */
  payload?: (w: SecurityWorld) => unknown;
  /**
   * Events without an acknowledgement (fire and forget) are checked by what they cause: `observe`
   * returns true when the persona's emit reached the channel's other members.
   */
  fireAndForget?: 'observed' | { reason: string };
}

const hex = () => randomBytes(6).toString('hex');

/** Who may do what, per event. Chat follows the chat.* procedures (active membership, even in a public community). */
const eventMatrix: Record<string, EventCase | EventCase[]> = {
  'session:whoami': { access: 'signed-in' },
  'room:join': [
    { access: 'signed-in', label: 'own user room', payload: () => ({ room: 'OWN' }) },
    { access: 'nobody', label: "someone else's user room", payload: (w) => ({ room: `user:${w.users.owner.id}` }) },
    { access: 'nobody', label: 'a chat room (chat:join checks membership)', payload: (w) => ({ room: `chat:${w.pub.channel}` }) },
  ],
  'notification:unread': { access: 'signed-in' },
  'chat:join': [
    { access: 'active-member', label: 'community channel', payload: (w) => ({ channelId: w.pub.channel }) },
    { access: 'active-admin', label: 'invite-only project channel', payload: (w) => ({ channelId: w.pub.inviteChannel }) },
    { access: 'active-member', label: 'private community channel', payload: (w) => ({ channelId: w.priv.channel }) },
  ],
  'chat:history': [
    { access: 'active-member', label: 'community channel', payload: (w) => ({ channelId: w.pub.channel }) },
    { access: 'active-admin', label: 'invite-only project channel', payload: (w) => ({ channelId: w.pub.inviteChannel }) },
  ],
  'chat:send': [
    { access: 'active-member', label: 'community channel', payload: (w) => ({ channelId: w.pub.channel, clientId: `rt-${hex()}`, body: 'matrix' }) },
    { access: 'active-admin', label: 'invite-only project channel', payload: (w) => ({ channelId: w.pub.inviteChannel, clientId: `rt-${hex()}`, body: 'matrix' }) },
  ],
  'chat:edit': { access: 'nobody', label: "someone else's message", payload: (w) => ({ messageId: w.pub.message, body: 'edited by the matrix' }) },
  'chat:delete': { access: 'active-admin', label: "someone else's message (moderation)", payload: async (w) => ({ messageId: await w.fresh.message(w.pub.channel, 'to delete') }) },
  'chat:react': { access: 'active-member', payload: (w) => ({ messageId: w.pub.message, emoji: '👍', on: true }) },
  'chat:read': { access: 'active-member', payload: (w) => ({ channelId: w.pub.channel, seq: 1 }) },
  'chat:typing': { access: 'active-member', payload: (w) => ({ channelId: w.pub.channel, typing: true }), fireAndForget: 'observed' },
  // An experiment's live progress: its owner (the researcher persona) and staff, as experiment.status.
  'experiment:watch': [
    { access: 'owner', label: "the researcher's experiment", payload: (w) => ({ experimentId: w.experiment.id }) },
    { access: 'nobody', label: 'an experiment that does not exist', payload: () => ({ experimentId: crypto.randomUUID() }) },
  ],
  'experiment:unwatch': {
    access: 'signed-in',
    payload: (w) => ({ experimentId: w.experiment.id }),
    fireAndForget: { reason: 'leaves a room of the caller’s own socket only; it reads and changes nothing else' },
  },
  'chat:leave': {
    access: 'signed-in',
    payload: (w) => ({ channelId: w.pub.channel }),
    fireAndForget: { reason: 'leaves a room of the caller’s own socket only; it reads and changes nothing else' },
  },
};

/** What each persona may do with each kind of collaborative document (the same policy as document.get and the editing procedures). */
type DocumentAccess = 'read-write' | 'read-only' | 'none';
interface DocumentCase {
  label: string;
  name: (w: SecurityWorld) => string;
  /** The Hocuspocus token: the persona's API token, or a share link. */
  token?: (w: SecurityWorld, persona: Persona) => string;
  expect: (persona: Persona) => DocumentAccess;
}
const writeIf = (access: AccessClass, otherwise: DocumentAccess) => (persona: Persona) => (isAllowed(access, persona) ? 'read-write' : otherwise);
const documentMatrix: Record<'doc' | 'unknown', DocumentCase[]> = {
  doc: [
    // Without an account or a share link nobody connects; signed-in readers of a public project read live.
    { label: 'public project', name: (w) => collabDocumentName(w.pub.document), expect: (p) => (p === 'anonymous' ? 'none' : writeIf('community-member', 'read-only')(p)) },
    { label: 'link project, no key', name: (w) => collabDocumentName(w.pub.linkDocument), expect: writeIf('community-member', 'none') },
    { label: 'link project, share link', name: (w) => collabDocumentName(w.pub.linkDocument), token: (w) => `link:${w.pub.link.linkKey}`, expect: () => 'read-only' },
    { label: 'link project, wrong key', name: (w) => collabDocumentName(w.pub.linkDocument), token: () => 'link:not-the-key', expect: () => 'none' },
    { label: 'invite-only project', name: (w) => collabDocumentName(w.pub.inviteDocument), expect: writeIf('community-admin', 'none') },
    { label: 'private community', name: (w) => collabDocumentName(w.priv.document), expect: writeIf('community-member', 'none') },
    { label: 'share link of another project', name: (w) => collabDocumentName(w.pub.inviteDocument), token: (w) => `link:${w.pub.link.linkKey}`, expect: () => 'none' },
  ],
  unknown: [
    { label: 'a document that does not exist', name: () => collabDocumentName(crypto.randomUUID()), expect: () => 'none' },
    { label: 'a name of no known kind', name: (w) => `chat:${w.pub.channel}`, expect: () => 'none' },
  ],
};

let world: SecurityWorld;
let server: Server;
let realtime: ReturnType<typeof attachRealtime>;
let base: string;
const clients: Client[] = [];
const providers: HocuspocusProvider[] = [];
const tally = { events: 0, eventCalls: 0, documentCases: 0, documentCalls: 0 };

beforeAll(async () => {
  world = await createSecurityWorld();
  server = createServer((_req, res) => res.end());
  realtime = attachRealtime(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `127.0.0.1:${(server.address() as { port: number }).port}`;
}, 300_000);

afterAll(async () => {
  console.info(`realtime access matrix: ${tally.events} socket.io events, ${tally.eventCalls} calls; ${tally.documentCases} document cases, ${tally.documentCalls} connections`);
  for (const client of clients) client.close();
  for (const provider of providers) provider.destroy();
  await realtime?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
}, 60_000);

/** A connected socket for the persona, or null when the server refuses the connection. */
function connect(persona: Persona): Promise<Client | null> {
  return new Promise((resolve) => {
    const token = persona === 'anonymous' ? undefined : world.tokens[persona];
    const socket = connectSocket(`http://${base}`, { path: '/socket.io', transports: ['websocket'], reconnection: false, ...(token ? { auth: { token } } : {}) });
    socket.once('connect', () => {
      clients.push(socket);
      resolve(socket);
    });
    socket.once('connect_error', () => {
      socket.close();
      resolve(null);
    });
  });
}

function emitWithAck(socket: Client, event: string, payload: unknown): Promise<Ack> {
  const timeout = socket.timeout(5_000);
  return (payload === undefined ? timeout.emitWithAck(event) : timeout.emitWithAck(event, payload)) as Promise<Ack>;
}

const sockets = new Map<Persona, Client | null>();
async function socketOf(persona: Persona): Promise<Client | null> {
  if (!sockets.has(persona)) sockets.set(persona, await connect(persona));
  return sockets.get(persona)!;
}

describe('socket.io access matrix', () => {
  it('has an entry for every event the server listens to, and none for events that are gone', async () => {
    const staff = (await socketOf('staff'))!;
    const serverSide = realtime.io.sockets.sockets.get(staff.id!)!;
    const listened = serverSide.eventNames().map(String).filter((name) => !['disconnecting', 'disconnect', 'error'].includes(name)).sort();
    const missing = listened.filter((name) => !(name in eventMatrix));
    const stale = Object.keys(eventMatrix).filter((name) => !listened.includes(name));
    expect(missing, `add entries to realtime-access-matrix.test.ts for: ${missing.join(', ')}`).toEqual([]);
    expect(stale, `remove entries (no such event): ${stale.join(', ')}`).toEqual([]);
    expect(await connect('anonymous'), 'a connection without a session or token is refused').toBeNull();
  });

  for (const [event, entry] of Object.entries(eventMatrix)) {
    for (const item of Array.isArray(entry) ? entry : [entry]) {
      it(`${event}${item.label ? ` (${item.label})` : ''} is ${item.access}`, async () => {
        tally.events += 1;
        const mismatches: string[] = [];
        for (const persona of PERSONAS) {
          const expected = isAllowed(item.access, persona) ? 'allowed' : 'refused';
          const socket = await socketOf(persona);
          tally.eventCalls += 1;
          let outcome: string;
          if (!socket) {
            outcome = 'refused';
          } else if (item.fireAndForget === 'observed') {
            outcome = (await reachesTheChannel(persona, socket, event, await item.payload!(world))) ? 'allowed' : 'refused';
          } else if (item.fireAndForget) {
            // Documented as harmless whoever sends it (see the entry's reason); it must not break the connection.
            socket.emit(event, await item.payload?.(world));
            outcome = (await emitWithAck(socket, 'session:whoami', undefined)).ok ? expected : 'broke the connection';
          } else {
            let payload = await item.payload?.(world);
            if (payload && (payload as { room?: string }).room === 'OWN') payload = { room: `user:${world.users[persona as Exclude<Persona, 'anonymous'>].id}` };
            const ack = await emitWithAck(socket, event, payload);
            outcome = ack.ok ? 'allowed' : ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'].includes(ack.error?.code ?? '') ? 'refused' : `error ${ack.error?.code}`;
          }
          if (outcome !== expected) mismatches.push(`${persona}: expected ${expected}, got ${outcome}`);
        }
        expect(mismatches).toEqual([]);
      }, 120_000);
    }
  }
});

/** Joins the channel as its owner, lets the persona try to join and emit, and says whether the owner heard it. */
async function reachesTheChannel(persona: Persona, socket: Client, event: string, payload: unknown): Promise<boolean> {
  const channelId = (payload as { channelId: string }).channelId;
  const observer = await new Promise<Client>((resolve, reject) => {
    const s = connectSocket(`http://${base}`, { path: '/socket.io', transports: ['websocket'], reconnection: false, auth: { token: world.tokens.admin } });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
  clients.push(observer);
  try {
    expect((await emitWithAck(observer, 'chat:join', { channelId })).ok).toBe(true);
    await emitWithAck(socket, 'chat:join', { channelId }); // refused for those who may not
    const heard = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 700);
      observer.on(event, (got: { userId?: string }) => {
        if (got.userId !== world.users[persona as Exclude<Persona, 'anonymous'>]?.id) return;
        clearTimeout(timer);
        resolve(true);
      });
    });
    socket.emit(event, payload);
    return await heard;
  } finally {
    observer.close();
  }
}

describe('Hocuspocus access matrix', () => {
  function open(name: string, token: string | undefined): Promise<DocumentAccess> {
    const websocketProvider = new HocuspocusProviderWebsocket({ url: `ws://${base}/collab`, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
    return new Promise<DocumentAccess>((resolve) => {
      const timer = setTimeout(() => resolve('none'), 8_000);
      const provider = new HocuspocusProvider({
        websocketProvider,
        name,
        token: token ?? null,
        document: new Y.Doc(),
        onSynced: () => {
          clearTimeout(timer);
          resolve(provider.authorizedScope === 'readonly' ? 'read-only' : 'read-write');
        },
        onAuthenticationFailed: () => {
          clearTimeout(timer);
          resolve('none');
        },
      });
      provider.attach();
      providers.push(provider);
    });
  }

  it('covers every kind of document name the server knows', () => {
    // `doc:<id>` is the only kind (libs/platform documents/collab-name.ts); anything else must be refused (the `unknown` cases).
    expect(collabDocumentName('x').split(':')[0]).toBe('doc');
    expect(Object.keys(documentMatrix).sort()).toEqual(['doc', 'unknown']);
  });

  for (const [kind, cases] of Object.entries(documentMatrix)) {
    for (const item of cases) {
      it(`${kind}: ${item.label}`, async () => {
        tally.documentCases += 1;
        const mismatches: string[] = [];
        for (const persona of PERSONAS) {
          const token = item.token ? item.token(world, persona) : persona === 'anonymous' ? undefined : world.tokens[persona];
          tally.documentCalls += 1;
          const got = await open(item.name(world), token);
          const expected = item.expect(persona);
          if (got !== expected) mismatches.push(`${persona}: expected ${expected}, got ${got}`);
        }
        expect(mismatches).toEqual([]);
      }, 120_000);
    }
  }
});
