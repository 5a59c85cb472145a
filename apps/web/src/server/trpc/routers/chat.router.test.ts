import { describe, expect, it } from 'vitest';
import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { appRouter } from '../root';
import { createContextFromRequest } from '../context';
import { getOpenApiDocument } from '../../rest/openapi';
import { getAuth } from '../../auth/auth';
import { getDb } from '../../db';
import { callerFor, createCommunityFixture, type TestUser } from '../../testing/platform-fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies checked field by field below
async function rest(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, any> }> {
  const req = new Request(`http://localhost:3999/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const res = await createOpenApiFetchHandler({ endpoint: '/api/v1', router: appRouter, req, createContext: () => createContextFromRequest(req) });
  return { status: res.status, body: await res.json() };
}

const tokenFor = async (user: TestUser) => (await getAuth().api.createApiKey({ body: { name: 'bot', userId: user.id } })).key;

async function channelsOf(user: TestUser, communityId: string) {
  return (await callerFor(user).chat.channels({ communityId })).items;
}

async function fixtureWithChannels() {
  const f = await createCommunityFixture();
  const communityId = f.publicProject.communityId;
  const channels = await channelsOf(f.owner, communityId);
  const general = channels.find((c) => c.kind === 'general')!;
  const byProject = (projectId: string) => channels.find((c) => c.projectId === projectId)!;
  return { ...f, communityId, general, publicChannel: byProject(f.publicProject.id), inviteChannel: byProject(f.inviteProject.id) };
}

describe('chat router', () => {
  it('creates a general channel per community and one per project; lists only what the caller may read', async () => {
    const f = await fixtureWithChannels();
    expect((await channelsOf(f.owner, f.communityId)).map((c) => c.kind).sort()).toEqual(['general', 'project', 'project', 'project']);
    const memberSees = (await channelsOf(f.member, f.communityId)).map((c) => c.id);
    expect(memberSees).toContain(f.general.id);
    expect(memberSees).toContain(f.publicChannel.id);
    expect(memberSees).not.toContain(f.inviteChannel.id);
    // a public community, but reading chat needs membership
    expect(await channelsOf(f.outsider, f.communityId)).toEqual([]);
    await expect(callerFor(f.outsider).chat.messages({ id: f.general.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerFor(f.outsider).chat.send({ id: f.general.id, clientId: 'outsider-0001', body: 'hi' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerFor(f.member).chat.messages({ id: f.inviteChannel.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sends idempotently on clientId, pages history and counts unread', async () => {
    const f = await fixtureWithChannels();
    const owner = callerFor(f.owner);
    const first = await owner.chat.send({ id: f.general.id, clientId: 'client-000001', body: 'Hello **all**' });
    const again = await owner.chat.send({ id: f.general.id, clientId: 'client-000001', body: 'Hello **all**' });
    expect(again.id).toBe(first.id);
    expect(Math.abs(first.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await getDb().chatMessage.count({ where: { channelId: f.general.id } })).toBe(1);
    await expect(owner.chat.send({ id: f.publicChannel.id, clientId: 'client-000001', body: 'elsewhere' })).rejects.toMatchObject({ code: 'CONFLICT' });
    for (let i = 2; i <= 5; i++) await owner.chat.send({ id: f.general.id, clientId: `client-00000${i}`, body: `message ${i}` });

    const newest = (await owner.chat.messages({ id: f.general.id, limit: 2 })).items;
    expect(newest.map((m) => m.body)).toEqual(['message 5', 'message 4']);
    const older = (await owner.chat.messages({ id: f.general.id, limit: 10, before: newest[1]!.seq })).items;
    expect(older.map((m) => m.body)).toEqual(['message 3', 'message 2', 'Hello **all**']);

    const unread = () => channelsOf(f.member, f.communityId).then((cs) => cs.find((c) => c.id === f.general.id)!);
    expect((await unread()).unread).toBe(5);
    expect((await unread()).lastReadSeq).toBe(0);
    // the author has read their own messages
    expect((await channelsOf(f.owner, f.communityId)).find((c) => c.id === f.general.id)!.unread).toBe(0);
  });

  it('threads, mentions and reply notifications; edit and delete rules; search only where one may read', async () => {
    const f = await fixtureWithChannels();
    const root = await callerFor(f.member).chat.send({ id: f.general.id, clientId: 'root-0000001', body: 'Where is the **agenda**?' });
    await callerFor(f.admin).chat.send({
      id: f.general.id,
      clientId: 'reply-000001',
      body: `@[Mia Member](${f.member.id}) agenda is in the pad, @[Otto](${f.outsider.id})`,
      threadRootId: root.id,
    });
    const top = (await callerFor(f.owner).chat.messages({ id: f.general.id })).items;
    expect(top.map((m) => [m.body, m.replyCount])).toEqual([['Where is the **agenda**?', 1]]);
    expect((await callerFor(f.owner).chat.messages({ id: f.general.id })).items).toHaveLength(1);
    const people = [f.owner, f.admin, f.member, f.outsider, f.staff].map((u) => u.id);
    const notes = await getDb().notification.findMany({ where: { kind: { in: ['chat.mention', 'chat.reply'] }, userId: { in: people } }, select: { userId: true, kind: true, ref: true } });
    // the outsider cannot read the channel: no notification
    expect(notes.map((n) => [n.userId, n.kind])).toEqual([[f.member.id, 'chat.mention']]);
    expect(notes[0]!.ref).toMatchObject({ url: expect.stringContaining(`/chat/${f.general.id}`), channelId: f.general.id, channelName: 'general', actorId: f.admin.id });

    // a further reply tells the thread's earlier participants
    await callerFor(f.owner).chat.send({ id: f.general.id, clientId: 'reply-000002', body: 'noted', threadRootId: root.id });
    const replies = await getDb().notification.findMany({ where: { kind: 'chat.reply', userId: { in: people } }, select: { userId: true } });
    expect(replies.map((r) => r.userId).sort()).toEqual([f.admin.id, f.member.id].sort());

    await expect(callerFor(f.admin).chat.search({ query: 'agenda' })).resolves.toMatchObject({ items: [{}, {}] });
    expect((await callerFor(f.admin).chat.search({ query: 'agenda', authorId: f.member.id })).items.map((m) => m.id)).toEqual([root.id]);
    expect((await callerFor(f.outsider).chat.search({ query: 'agenda' })).items).toEqual([]);
    await callerFor(f.owner).chat.send({ id: f.inviteChannel.id, clientId: 'secret-00001', body: 'secret agenda' });
    expect((await callerFor(f.member).chat.search({ query: 'secret' })).items).toEqual([]);
    expect((await callerFor(f.owner).chat.search({ query: 'secret', channelId: f.inviteChannel.id })).items).toHaveLength(1);

    const custom = await callerFor(f.admin).chat.createChannel({ communityId: f.communityId, name: 'Random' });
    expect(custom.name).toBe('random');
    await expect(callerFor(f.member).chat.createChannel({ communityId: f.communityId, name: 'mine' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const dm = await callerFor(f.member).chat.openDirect({ communityId: f.communityId, userId: f.admin.id });
    expect((await callerFor(f.admin).chat.openDirect({ communityId: f.communityId, userId: f.member.id })).id).toBe(dm.id);
    await expect(callerFor(f.owner).chat.messages({ id: dm.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('chat REST for bots', () => {
  it('is in the OpenAPI document', () => {
    expect(Object.keys(getOpenApiDocument().paths ?? {})).toEqual(expect.arrayContaining(['/channels', '/channels/{id}/messages']));
  });

  it('lists channels, posts idempotently and pages newest first; refuses non-members', async () => {
    const f = await fixtureWithChannels();
    const bot = await tokenFor(f.member);
    const list = await rest('GET', '/channels', bot);
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(f.general.id);
    expect(list.body.items.find((c: { id: string }) => c.id === f.general.id)).toMatchObject({ name: 'general', communityId: f.communityId, projectId: null });

    const posted = await rest('POST', `/channels/${f.general.id}/messages`, bot, { clientId: 'bot-00000001', body: 'build **green**' });
    expect(posted.status).toBe(200);
    expect(posted.body).toMatchObject({ body: 'build **green**', authorId: f.member.id, clientId: 'bot-00000001' });
    const repeat = await rest('POST', `/channels/${f.general.id}/messages`, bot, { clientId: 'bot-00000001', body: 'build **green**' });
    expect(repeat.body.id).toBe(posted.body.id);
    await rest('POST', `/channels/${f.general.id}/messages`, bot, { clientId: 'bot-00000002', body: 'second' });
    const page = await rest('GET', `/channels/${f.general.id}/messages?limit=1`, bot);
    expect(page.body.items.map((m: { body: string }) => m.body)).toEqual(['second']);
    const next = await rest('GET', `/channels/${f.general.id}/messages?limit=5&before=${page.body.items[0].seq}`, bot);
    expect(next.body.items.map((m: { body: string }) => m.body)).toEqual(['build **green**']);
    expect((await rest('POST', `/channels/${f.general.id}/messages`, bot, { clientId: 'x', body: 'too short id' })).status).toBe(400);

    const outsider = await tokenFor(f.outsider);
    expect((await rest('GET', `/channels/${f.general.id}/messages`, outsider)).status).toBe(404);
    expect((await rest('POST', `/channels/${f.general.id}/messages`, outsider, { clientId: 'bot-00000003', body: 'spam' })).status).toBe(404);
    expect((await rest('GET', '/channels', outsider)).body.items).toEqual([]);
  });
});
