import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { createNotificationRepository } from '@p2pvalue/platform';
import { getAuth } from '../auth/auth';
import { getDb } from '../db';
import { createTestUser } from '../testing/users';
import { callerFor } from '../testing/platform-fixtures';
import { attachRealtime } from './attach-realtime';

let server: Server;
let realtime: ReturnType<typeof attachRealtime>;
let baseUrl: string;
const sockets: Socket[] = [];

async function connectAs(userId: string): Promise<Socket> {
  const { key } = await getAuth().api.createApiKey({ body: { name: 'push', userId } });
  return new Promise((resolve, reject) => {
    const socket = connectSocket(baseUrl, { path: '/socket.io', transports: ['websocket'], reconnection: false, auth: { token: key } });
    sockets.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Resolves with the next `event` payload (events are pushed, so the test waits for them). */
function next<T>(socket: Socket, event: string): Promise<T> {
  return new Promise((resolve) => socket.once(event, (payload: T) => resolve(payload)));
}

beforeAll(async () => {
  server = createServer((_req, res) => res.end());
  realtime = attachRealtime(server, { authorize: async () => 'none' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  // The push listener connects asynchronously: wait until its LISTEN is in place.
  for (let i = 0; i < 100; i += 1) {
    const [row] = await getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN p2pv_notification'`;
    if (row && row.n > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await realtime.close();
});

describe('notification push', () => {
  it('pushes a stored notification to its member’s sockets only, and read changes too', async () => {
    const [ana, ben] = await Promise.all([createTestUser('member', 'Ana'), createTestUser('member', 'Ben')]);
    const [anaPhone, anaLaptop, benSocket] = await Promise.all([connectAs(ana.id), connectAs(ana.id), connectAs(ben.id)]);
    expect(await anaPhone.emitWithAck('notification:unread')).toEqual({ ok: true, data: { unread: 0 } });

    let benHeard = 0;
    benSocket.on('notification:new', () => (benHeard += 1));
    const repo = createNotificationRepository(getDb());
    const onPhone = next<{ id: string; kind: string; unread: number }>(anaPhone, 'notification:new');
    const onLaptop = next<{ unread: number }>(anaLaptop, 'notification:new');
    await repo.createMany([{ userId: ana.id, kind: 'chat.mention', ref: { channelId: 'c', actorId: ben.id } }]);
    const pushed = await onPhone;
    expect(pushed).toMatchObject({ kind: 'chat.mention', unread: 1 });
    expect((await onLaptop).unread).toBe(1);
    const stored = await getDb().notification.findFirstOrThrow({ where: { userId: ana.id }, select: { id: true } });
    expect(pushed.id).toBe(stored.id);

    const cleared = next<{ unread: number }>(anaLaptop, 'notification:unread');
    await callerFor(ana).notification.markAllRead();
    expect(await cleared).toEqual({ unread: 0 });
    // Ben's socket heard nothing of Ana's: a notification of his own arrives first and alone.
    const benNext = next<{ unread: number }>(benSocket, 'notification:new');
    await repo.createMany([{ userId: ben.id, kind: 'document.mention', ref: {} }]);
    expect((await benNext).unread).toBe(1);
    expect(benHeard).toBe(1);
  });
});
