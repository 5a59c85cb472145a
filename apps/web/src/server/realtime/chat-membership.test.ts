import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { getAuth } from '../auth/auth';
import { callerFor, createCommunityFixture, type TestUser } from '../testing/platform-fixtures';
import { attachRealtime } from './attach-realtime';
import type { ChatMessageWire, ClientToServerEvents, ServerToClientEvents } from './contracts';

type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

async function startWeb(): Promise<{ server: Server; realtime: ReturnType<typeof attachRealtime>; url: string }> {
  const server = createServer((_req, res) => res.end());
  const realtime = attachRealtime(server, { authorize: async () => 'none' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, realtime, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

const tokenFor = async (user: TestUser) => (await getAuth().api.createApiKey({ body: { name: 'rt', userId: user.id } })).key;

function connect(url: string, token: string): Promise<ChatClient> {
  return new Promise((resolve, reject) => {
    const socket: ChatClient = connectSocket(url, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => (socket.close(), reject(error)));
  });
}

/** Every chat:message a socket receives, by clientId. */
function inbox(socket: ChatClient): Set<string> {
  const got = new Set<string>();
  socket.on('chat:message', (m: ChatMessageWire) => got.add(m.clientId));
  return got;
}

function arrives(socket: ChatClient, clientId: string, ms = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${clientId} did not arrive within ${ms} ms`)), ms);
    const listener = (m: ChatMessageWire) => {
      if (m.clientId !== clientId) return;
      clearTimeout(timer);
      socket.off('chat:message', listener);
      resolve();
    };
    socket.on('chat:message', listener);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let webA: Awaited<ReturnType<typeof startWeb>>;
let webB: Awaited<ReturnType<typeof startWeb>>;
const sockets: ChatClient[] = [];
const track = (s: ChatClient) => (sockets.push(s), s);

describe('chat rooms follow membership', () => {
  beforeAll(async () => {
    [webA, webB] = await Promise.all([startWeb(), startWeb()]);
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await Promise.all([webA.realtime.close(), webB.realtime.close()]);
  });

  it('a member removed from a project, then from the community, stops receiving those channels on every web process', async () => {
    const f = await createCommunityFixture();
    const channels = (await callerFor(f.owner).chat.channels({ communityId: f.publicProject.communityId })).items;
    const general = channels.find((c) => c.kind === 'general')!.id;
    const core = channels.find((c) => c.projectId === f.inviteProject.id)!.id;
    await callerFor(f.admin).project.addMember({ projectId: f.inviteProject.id, userId: f.member.id });

    // The member has a socket on each web process; the owner stays in both channels.
    const memberToken = await tokenFor(f.member);
    const memberA = track(await connect(webA.url, memberToken));
    const memberB = track(await connect(webB.url, memberToken));
    const owner = track(await connect(webA.url, await tokenFor(f.owner)));
    for (const s of [memberA, memberB, owner]) {
      for (const channelId of [general, core]) expect(await s.emitWithAck('chat:join', { channelId })).toMatchObject({ ok: true });
    }
    const gotA = inbox(memberA);
    const gotB = inbox(memberB);
    const send = async (channelId: string, clientId: string) => {
      const seen = [arrives(owner, clientId)];
      expect(await owner.emitWithAck('chat:send', { channelId, clientId, body: clientId })).toMatchObject({ ok: true });
      await Promise.all(seen);
      await sleep(200);
    };

    await send(core, 'core-before-1');
    await send(general, 'general-before');
    expect([...gotA].sort()).toEqual(['core-before-1', 'general-before']);
    expect([...gotB].sort()).toEqual(['core-before-1', 'general-before']);

    // Removed from the invite-only project: its channel goes quiet, the community's does not.
    await callerFor(f.admin).project.removeMember({ projectId: f.inviteProject.id, userId: f.member.id });
    await send(core, 'core-after-project');
    await send(general, 'general-after-project');
    for (const got of [gotA, gotB]) {
      expect(got.has('core-after-project')).toBe(false);
      expect(got.has('general-after-project')).toBe(true);
    }

    // Removed from the community: nothing from its channels any more; the owner still gets them.
    await callerFor(f.admin).community.removeMember({ slug: f.slug, userId: f.member.id });
    await send(general, 'general-after-removal');
    for (const got of [gotA, gotB]) expect(got.has('general-after-removal')).toBe(false);
    // the sockets stay connected (only the rooms were left)
    expect(memberA.connected && memberB.connected).toBe(true);
  });

  it('a project closed to invitation only stops reaching members who are not in it, on every web process', async () => {
    const f = await createCommunityFixture();
    const channel = (await callerFor(f.owner).chat.channels({ communityId: f.publicProject.communityId })).items.find((c) => c.projectId === f.publicProject.id)!.id;
    const memberToken = await tokenFor(f.member);
    const memberA = track(await connect(webA.url, memberToken));
    const memberB = track(await connect(webB.url, memberToken));
    const admin = track(await connect(webB.url, await tokenFor(f.admin)));
    const owner = track(await connect(webA.url, await tokenFor(f.owner)));
    for (const s of [memberA, memberB, admin, owner]) expect(await s.emitWithAck('chat:join', { channelId: channel })).toMatchObject({ ok: true });
    const gotA = inbox(memberA);
    const gotB = inbox(memberB);
    const send = async (clientId: string) => {
      const seen = [arrives(owner, clientId), arrives(admin, clientId)];
      expect(await owner.emitWithAck('chat:send', { channelId: channel, clientId, body: clientId })).toMatchObject({ ok: true });
      await Promise.all(seen);
      await sleep(200);
    };
    await send('open-before');
    expect([...gotA, ...gotB]).toEqual(['open-before', 'open-before']);

    // Only the owner takes part in the project; community admins still read invite-only projects.
    await callerFor(f.owner).project.update({ projectId: f.publicProject.id, shareMode: 'invite' });
    await send('closed-after');
    for (const got of [gotA, gotB]) expect(got.has('closed-after')).toBe(false);
    // and joining again is refused
    expect(await memberA.emitWithAck('chat:join', { channelId: channel })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a direct message reaches the other person live before they joined its room, and nobody else', async () => {
    const f = await createCommunityFixture();
    const dm = await callerFor(f.member).chat.openDirect({ communityId: f.publicProject.communityId, userId: f.admin.id });
    const member = track(await connect(webA.url, await tokenFor(f.member)));
    const admin = track(await connect(webB.url, await tokenFor(f.admin)));
    const owner = track(await connect(webB.url, await tokenFor(f.owner)));
    const ownerGot = inbox(owner);
    // a third person cannot join the conversation's room
    expect(await owner.emitWithAck('chat:join', { channelId: dm.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await owner.emitWithAck('chat:history', { channelId: dm.id, limit: 10 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // the admin has not joined: the message still reaches her (the list shows the new conversation)
    const adminGets = arrives(admin, 'dm-live-0001');
    expect(await member.emitWithAck('chat:send', { channelId: dm.id, clientId: 'dm-live-0001', body: 'psst' })).toMatchObject({ ok: true });
    await adminGets;
    await sleep(200);
    expect(ownerGot.has('dm-live-0001')).toBe(false);
  });

  it('a member who leaves the community stops receiving its channel; another member still does', async () => {
    const f = await createCommunityFixture();
    const general = (await callerFor(f.owner).chat.channels({ communityId: f.publicProject.communityId })).items.find((c) => c.kind === 'general')!.id;
    const member = track(await connect(webB.url, await tokenFor(f.member)));
    const admin = track(await connect(webA.url, await tokenFor(f.admin)));
    for (const s of [member, admin]) expect(await s.emitWithAck('chat:join', { channelId: general })).toMatchObject({ ok: true });
    const got = inbox(member);
    const before = arrives(member, 'before-leave');
    expect(await admin.emitWithAck('chat:send', { channelId: general, clientId: 'before-leave', body: 'hello' })).toMatchObject({ ok: true });
    await before;

    await callerFor(f.member).community.leave({ community: f.slug });
    const adminGets = arrives(admin, 'after-leave');
    expect(await admin.emitWithAck('chat:send', { channelId: general, clientId: 'after-leave', body: 'still here?' })).toMatchObject({ ok: true });
    await adminGets;
    await sleep(200);
    expect([...got]).toEqual(['before-leave']);
  });
});
