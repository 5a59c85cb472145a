import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { getAuth } from '../auth/auth';
import { createTestUser } from '../testing/users';
import { attachRealtime } from './attach-realtime';

let server: Server;
let realtime: ReturnType<typeof attachRealtime>;
let baseUrl: string;
let user: Awaited<ReturnType<typeof createTestUser>>;
let cookie: string;
let token: string;

async function sessionCookie(email: string, password: string): Promise<string> {
  const res = await getAuth().handler(
    new Request('http://localhost:3999/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3999' },
      body: JSON.stringify({ email, password }),
    }),
  );
  const setCookie = res.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0]!;
}

function connect(opts: { cookie?: string; token?: string }): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectSocket(baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      ...(opts.cookie ? { extraHeaders: { cookie: opts.cookie } } : {}),
      ...(opts.token ? { auth: { token: opts.token } } : {}),
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => { socket.close(); reject(error); });
  });
}

/** Connects a Yjs provider and reports how the server answered. */
const websocketProviders: HocuspocusProviderWebsocket[] = [];

function openDocument(name: string, token: string): Promise<{ outcome: 'synced' | 'denied'; provider: HocuspocusProvider; reason?: string }> {
  return new Promise((resolve) => {
    const websocketProvider = new HocuspocusProviderWebsocket({ url: `${baseUrl.replace('http', 'ws')}/collab`, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
    websocketProviders.push(websocketProvider);
    const provider = new HocuspocusProvider({
      websocketProvider,
      name,
      token,
      document: new Y.Doc(),
      onSynced: () => resolve({ outcome: 'synced', provider }),
      onAuthenticationFailed: ({ reason }) => resolve({ outcome: 'denied', provider, reason }),
    });
    provider.attach();
  });
}

describe('realtime endpoints', () => {
  beforeAll(async () => {
    server = createServer((_req, res) => res.end());
    realtime = attachRealtime(server, {
      authorize: async (viewer, documentName) => (documentName === `scratch:${viewer?.id}` ? 'read-write' : documentName.startsWith('public:') ? 'read-only' : 'none'),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    user = await createTestUser('researcher', 'Socket Person');
    cookie = await sessionCookie(user.email, user.password);
    const created = await getAuth().api.createApiKey({ body: { name: 'rt', userId: user.id } });
    token = created.key;
  });

  afterAll(async () => {
    for (const provider of websocketProviders) provider.destroy();
    await realtime.close();
  });

  it('socket.io refuses connections without credentials', async () => {
    await expect(connect({})).rejects.toThrow('UNAUTHORIZED');
    await expect(connect({ token: 'p2pv_bogus' })).rejects.toThrow('UNAUTHORIZED');
  });

  it('socket.io authenticates by session cookie and by API token', async () => {
    for (const creds of [{ cookie }, { token }]) {
      const socket = await connect(creds);
      const me = await socket.emitWithAck('session:whoami');
      expect(me).toEqual({ ok: true, data: { id: user.id, name: 'Socket Person', role: 'researcher' } });
      socket.close();
    }
  });

  it('socket.io validates room joins', async () => {
    const socket = await connect({ cookie });
    expect(await socket.emitWithAck('room:join', { room: `user:${user.id}` })).toEqual({ ok: true, data: { room: `user:${user.id}` } });
    expect(await socket.emitWithAck('room:join', { room: 'user:someone-else' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await socket.emitWithAck('room:join', { room: 42 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    socket.close();
  });

  it('Hocuspocus refuses bad tokens and documents the viewer may not open', async () => {
    const bad = await openDocument(`scratch:${user.id}`, 'p2pv_bogus');
    expect(bad.outcome).toBe('denied');
    bad.provider.destroy();
    const other = await openDocument('scratch:someone-else', token);
    expect(other.outcome).toBe('denied');
    other.provider.destroy();
  });

  it('Hocuspocus syncs a document the viewer may edit, and enforces read-only', async () => {
    const mine = await openDocument(`scratch:${user.id}`, token);
    expect(mine.outcome).toBe('synced');
    mine.provider.document.getText('t').insert(0, 'hello');
    const readOnly = await openDocument('public:notes', token);
    expect(readOnly.outcome).toBe('synced');
    expect(readOnly.provider.authorizedScope).toBe('readonly');
    mine.provider.destroy();
    readOnly.provider.destroy();
  });
});
