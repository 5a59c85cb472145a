// The chat send rate limit through a real socket.io server. The limit is read from the
// environment when the server modules load, so this file sets a small one before its imports.
const previousLimit = vi.hoisted(() => {
  const previous = process.env.CHAT_SEND_RATE_LIMIT;
  process.env.CHAT_SEND_RATE_LIMIT = '3';
  return previous;
});

import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { getAuth } from '../auth/auth';
import { getDb } from '../db';
import { callerFor, createCommunityFixture } from '../testing/platform-fixtures';
import { attachRealtime } from './attach-realtime';

let server: Server;
let realtime: ReturnType<typeof attachRealtime>;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = createServer((_req, res) => res.end());
  realtime = attachRealtime(server, { authorize: async () => 'none' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await realtime.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (previousLimit === undefined) delete process.env.CHAT_SEND_RATE_LIMIT;
  else process.env.CHAT_SEND_RATE_LIMIT = previousLimit;
});

async function connect(userId: string): Promise<Socket> {
  const token = (await getAuth().api.createApiKey({ body: { name: 'rate', userId } })).key;
  return new Promise((resolve, reject) => {
    const socket = connectSocket(url, { path: '/socket.io', transports: ['websocket'], reconnection: false, auth: { token } });
    sockets.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe('chat send rate limit', () => {
  it('refuses sends beyond the limit with TOO_MANY_REQUESTS and stores none of them; other members are not affected', async () => {
    const f = await createCommunityFixture();
    const channelId = (await callerFor(f.owner).chat.channels({ communityId: f.publicProject.communityId })).items.find((c) => c.kind === 'general')!.id;
    const member = await connect(f.member.id);
    const owner = await connect(f.owner.id);
    const acks: Array<{ ok: boolean; error?: { code: string; message: string } }> = [];
    for (let i = 0; i < 5; i++) acks.push(await member.timeout(5_000).emitWithAck('chat:send', { channelId, clientId: `rate-${i}-xxxxxxxx`, body: `burst ${i}` }));
    expect(acks.map((a) => a.ok)).toEqual([true, true, true, false, false]);
    expect(acks[3]!.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/too fast; try again in \d+ s/) });
    const stored = await getDb().chatMessage.findMany({ where: { channelId, clientId: { startsWith: 'rate-' } }, select: { clientId: true } });
    expect(stored.map((m) => m.clientId).sort()).toEqual(['rate-0-xxxxxxxx', 'rate-1-xxxxxxxx', 'rate-2-xxxxxxxx']);
    // The owner has a window of their own.
    expect(await owner.timeout(5_000).emitWithAck('chat:send', { channelId, clientId: 'rate-owner-xxxxxxxx', body: 'still fine' })).toMatchObject({ ok: true });
  });
});
