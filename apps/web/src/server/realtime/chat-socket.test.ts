import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { createTcpProxy, type TcpProxy } from '@p2pvalue/shared/testing';
import { getAuth } from '../auth/auth';
import { getDb } from '../db';
import { callerFor, createCommunityFixture, type TestUser } from '../testing/platform-fixtures';
import { createChatOutbox } from '../../lib/realtime/chat-outbox';
import { attachRealtime } from './attach-realtime';
import type { ChatMessageWire, ClientToServerEvents, ServerToClientEvents } from './contracts';

type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

interface WebProcess {
  server: Server;
  realtime: ReturnType<typeof attachRealtime>;
  url: string;
  port: number;
}

async function startWeb(port = 0): Promise<WebProcess> {
  const server = createServer((_req, res) => res.end());
  const realtime = attachRealtime(server, { authorize: async () => 'none' });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as { port: number }).port;
  return { server, realtime, port: actual, url: `http://127.0.0.1:${actual}` };
}

const tokenFor = async (user: TestUser) => (await getAuth().api.createApiKey({ body: { name: 'rt', userId: user.id } })).key;

function connect(url: string, token: string, reconnect = false): Promise<ChatClient> {
  return new Promise((resolve, reject) => {
    const socket: ChatClient = connectSocket(url, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token },
      reconnection: reconnect,
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
      randomizationFactor: 0,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      if (!reconnect) {
        socket.close();
        reject(error);
      }
    });
  });
}

/** Resolves with the first event matching `predicate`, or rejects after `ms`. */
function nextEvent<T>(socket: ChatClient, event: 'chat:message' | 'chat:updated' | 'chat:reactions' | 'chat:typing', predicate: (payload: T) => boolean, ms = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    const listener = (payload: T) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      (socket.off as (e: string, l: (p: T) => void) => void)(event, listener);
      resolve(payload);
    };
    (socket.on as (e: string, l: (p: T) => void) => void)(event, listener);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let webA: WebProcess;
let webB: WebProcess;
let f: Awaited<ReturnType<typeof createCommunityFixture>>;
let general: string;
let inviteChannel: string;
const sockets: ChatClient[] = [];
const track = (s: ChatClient) => (sockets.push(s), s);

describe('chat over socket.io', () => {
  beforeAll(async () => {
    [webA, webB] = await Promise.all([startWeb(), startWeb()]);
    f = await createCommunityFixture();
    const channels = (await callerFor(f.owner).chat.channels({ communityId: f.publicProject.communityId })).items;
    general = channels.find((c) => c.kind === 'general')!.id;
    inviteChannel = channels.find((c) => c.projectId === f.inviteProject.id)!.id;
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await Promise.all([webA.realtime.close(), webB.realtime.close()]);
  });

  it('a non-member cannot join the room, read history, post, or receive the broadcasts', async () => {
    const outsider = track(await connect(webA.url, await tokenFor(f.outsider)));
    const member = track(await connect(webA.url, await tokenFor(f.member)));
    expect(await outsider.emitWithAck('chat:join', { channelId: general })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await outsider.emitWithAck('room:join', { room: `chat:${general}` })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await outsider.emitWithAck('chat:history', { channelId: general })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await outsider.emitWithAck('chat:send', { channelId: general, clientId: 'outsider-01', body: 'let me in' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await outsider.emitWithAck('chat:send', { channelId: 'not-a-uuid', body: 5 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // a member of the community outside an invite-only project cannot join that project's channel
    expect(await member.emitWithAck('chat:join', { channelId: inviteChannel })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const outsiderGot: unknown[] = [];
    outsider.on('chat:message', (m) => outsiderGot.push(m));
    outsider.on('chat:typing', (m) => outsiderGot.push(m));
    const joined = await member.emitWithAck('chat:join', { channelId: general });
    expect(joined).toMatchObject({ ok: true, data: { channelId: general } });
    // typing into a room one has not joined goes nowhere
    outsider.emit('chat:typing', { channelId: general, typing: true });
    const echo = nextEvent<ChatMessageWire>(member, 'chat:message', (m) => m.clientId === 'member-0001');
    // text PostgreSQL cannot store is refused with the reason, and nothing is stored (the same id is free afterwards)
    expect(await member.emitWithAck('chat:send', { channelId: general, clientId: 'member-0001', body: 'nul \u0000 byte' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('NUL') },
    });
    const sent = await member.emitWithAck('chat:send', { channelId: general, clientId: 'member-0001', body: 'members only' });
    expect(sent).toMatchObject({ ok: true, data: { created: true, message: { body: 'members only' } } });
    await echo;
    await sleep(200);
    expect(outsiderGot).toEqual([]);
    expect(await outsider.emitWithAck('chat:history', { channelId: general })).toMatchObject({ ok: false });
  });

  it('members connected to two web processes (one Redis) chat live: send, edit, react, delete, typing', async () => {
    const onA = track(await connect(webA.url, await tokenFor(f.member)));
    const onB = track(await connect(webB.url, await tokenFor(f.admin)));
    await onA.emitWithAck('chat:join', { channelId: general });
    await onB.emitWithAck('chat:join', { channelId: general });

    const arrives = nextEvent<ChatMessageWire>(onB, 'chat:message', (m) => m.clientId === 'cross-0001');
    const ack = await onA.emitWithAck('chat:send', { channelId: general, clientId: 'cross-0001', body: 'hello from A' });
    expect(ack.ok).toBe(true);
    const got = await arrives;
    expect(got).toMatchObject({ body: 'hello from A', authorId: f.member.id, channelId: general });

    const typing = nextEvent<{ userId: string; typing: boolean }>(onB, 'chat:typing', (t) => t.userId === f.member.id);
    onA.emit('chat:typing', { channelId: general, typing: true });
    expect(await typing).toMatchObject({ typing: true });

    const reply = nextEvent<ChatMessageWire>(onA, 'chat:message', (m) => m.threadRootId === got.id);
    const rootCounted = nextEvent<ChatMessageWire>(onA, 'chat:updated', (m) => m.id === got.id);
    await onB.emitWithAck('chat:send', { channelId: general, clientId: 'cross-0002', body: 'a reply', threadRootId: got.id });
    expect((await reply).body).toBe('a reply');
    expect((await rootCounted).replyCount).toBe(1);

    const reacted = nextEvent<{ messageId: string; reactions: { emoji: string; userIds: string[] }[] }>(onA, 'chat:reactions', (r) => r.messageId === got.id);
    expect(await onB.emitWithAck('chat:react', { messageId: got.id, emoji: '👍', on: true })).toMatchObject({ ok: true });
    expect((await reacted).reactions).toEqual([{ emoji: '👍', userIds: [f.admin.id] }]);

    const edited = nextEvent<ChatMessageWire>(onB, 'chat:updated', (m) => m.id === got.id && m.editedAt !== null);
    expect(await onB.emitWithAck('chat:edit', { messageId: got.id, body: 'not mine' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await onA.emitWithAck('chat:edit', { messageId: got.id, body: 'hello from A (edited)' })).toMatchObject({ ok: true });
    expect((await edited).body).toBe('hello from A (edited)');

    // the admin may delete a member's message; the deletion reaches the other process
    const deleted = nextEvent<ChatMessageWire>(onA, 'chat:updated', (m) => m.id === got.id && m.deletedAt !== null);
    expect(await onB.emitWithAck('chat:delete', { messageId: got.id })).toMatchObject({ ok: true });
    expect(await deleted).toMatchObject({ body: '', reactions: [] });

    const read = await onB.emitWithAck('chat:read', { channelId: general, seq: got.seq });
    expect(read).toEqual({ ok: true, data: { lastReadSeq: got.seq } });
    // a late, older mark does not move the position back
    expect(await onB.emitWithAck('chat:read', { channelId: general, seq: 1 })).toEqual({ ok: true, data: { lastReadSeq: got.seq } });
  });

  it('1,000 messages sent through drops and a web process restart arrive exactly once, in order', { timeout: 240_000 }, async () => {
    const proxy: TcpProxy = await createTcpProxy({ host: '127.0.0.1', port: webA.port });
    try {
      const sender = track(await connect(`http://127.0.0.1:${proxy.port}`, await tokenFor(f.owner), true));
      let refused = 0;
      let stored = 0;
      const outbox = createChatOutbox({ socket: sender, ackTimeoutMs: 2000, onRefused: () => (refused += 1), onStored: () => (stored += 1) });
      const bodies = Array.from({ length: 1000 }, (_, i) => `reliable ${String(i).padStart(4, '0')}`);
      let disconnects = 0;
      sender.on('disconnect', () => (disconnects += 1));
      const until = async (count: number) => {
        while (stored < count) await sleep(5);
      };

      // The sender types on (some messages queue while it is offline) while the connection is cut.
      const typing = (async () => {
        for (let i = 0; i < bodies.length; i++) {
          outbox.enqueue({ channelId: general, body: bodies[i]!, threadRootId: null });
          if (i % 20 === 19) await sleep(10);
        }
      })();
      for (const at of [100, 300, 700]) {
        await until(at);
        // the network drops: every connection through the proxy is cut, then comes back
        await proxy.stop();
        await sleep(150);
        await proxy.start();
      }
      await until(850);
      // the web process restarts on the same port
      await webA.realtime.close();
      webA = await startWeb(webA.port);
      await typing;
      await outbox.drained();
      outbox.dispose();

      const history = await getDb().chatMessage.findMany({ where: { channelId: general, authorId: f.owner.id }, orderBy: { seq: 'asc' }, select: { body: true } });
      expect(refused).toBe(0);
      expect(disconnects).toBeGreaterThanOrEqual(4);
      expect(history.map((m) => m.body)).toEqual(bodies);
    } finally {
      await proxy.close();
    }
  });
});
