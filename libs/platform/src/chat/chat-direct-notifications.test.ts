import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { fundingFixtures, noLiveDocuments } from '../funding/testing/funding-fixtures';
import { createPlatformServices, type PlatformServices } from '../platform-services';

let db: TestDatabase;
let svc: PlatformServices;
const now = new Date('2026-12-07T10:00:00Z');
const { community } = fundingFixtures('chat-dm', () => ({ prisma: db.prisma, svc }));

beforeAll(async () => {
  db = await createTestDatabase();
  svc = createPlatformServices({ db: db.prisma, live: noLiveDocuments, clock: () => now });
});
afterAll(async () => {
  await db.drop();
});

async function notificationsOf(userId: string) {
  const rows = await db.prisma.notification.findMany({ where: { userId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { kind: true, ref: true } });
  return rows.map((r) => ({ kind: r.kind, ref: r.ref as Record<string, unknown> }));
}

describe('direct message notifications', () => {
  it('tell the recipient (once per message, not the sender), unless the recipient muted the conversation; mentions still get through', async () => {
    const c = await community(2);
    const [ada, bo] = c.people as [(typeof c.people)[number], (typeof c.people)[number]];
    const dm = await svc.chat.openDirectChannel(ada, { communityId: c.communityId, userId: bo.id });
    const clientId = randomUUID();

    const sent = await svc.chat.sendMessage(ada, { channelId: dm.id, clientId, body: 'Are you coming tonight?' });
    await svc.chat.sendMessage(ada, { channelId: dm.id, clientId, body: 'Are you coming tonight?' });
    expect(await notificationsOf(ada.id)).toEqual([]);
    const [first, ...rest] = await notificationsOf(bo.id);
    expect(rest).toEqual([]);
    expect(first).toEqual({ kind: 'chat.direct', ref: expect.objectContaining({ channelId: dm.id, messageId: sent.message.id, actorId: ada.id, excerpt: 'Are you coming tonight?' }) });
    const centre = await svc.notifications.list(bo);
    expect(centre.items[0]).toMatchObject({ kind: 'chat.direct', actorName: expect.any(String), text: `${centre.items[0]!.actorName} sent you a direct message`, excerpt: 'Are you coming tonight?' });

    // A reply in a thread of the conversation is one notification too (the direct message, not also a reply).
    const answer = await svc.chat.sendMessage(bo, { channelId: dm.id, clientId: randomUUID(), body: 'Yes', threadRootId: sent.message.id });
    expect((await notificationsOf(ada.id)).map((n) => [n.kind, n.ref.messageId])).toEqual([['chat.direct', answer.message.id]]);

    // Muted: nothing more from this conversation, except a mention.
    await svc.notifications.setChannelMuted(bo, { channelId: dm.id, muted: true });
    await svc.chat.sendMessage(ada, { channelId: dm.id, clientId: randomUUID(), body: 'ping' });
    const boName = (await db.prisma.user.findUniqueOrThrow({ where: { id: bo.id }, select: { name: true } })).name;
    const mention = await svc.chat.sendMessage(ada, { channelId: dm.id, clientId: randomUUID(), body: `@[${boName}](${bo.id}) please answer` });
    expect((await notificationsOf(bo.id)).map((n) => [n.kind, n.ref.messageId])).toEqual([
      ['chat.direct', sent.message.id],
      ['chat.mention', mention.message.id],
    ]);

    // Messages in community channels do not make direct-message notifications.
    const general = await db.prisma.chatChannel.findFirstOrThrow({ where: { communityId: c.communityId, kind: 'general' }, select: { id: true } });
    await svc.chat.sendMessage(ada, { channelId: general.id, clientId: randomUUID(), body: 'hello all' });
    expect(await db.prisma.notification.count({ where: { kind: 'chat.direct', userId: { in: [c.admin.id, bo.id] } } })).toBe(1);
  });
});
