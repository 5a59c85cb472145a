import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { fundingFixtures, noLiveDocuments } from '../funding/testing/funding-fixtures';
import { createHealthRepository } from '../health/health.repository';
import { weekKey } from '../health/health-week';
import { createPlatformServices, type PlatformServices } from '../platform-services';

let db: TestDatabase;
let svc: PlatformServices;
let now = new Date('2026-12-07T10:00:00Z');
const { community } = fundingFixtures('chat-ledger', () => ({ prisma: db.prisma, svc }));

beforeAll(async () => {
  db = await createTestDatabase();
  svc = createPlatformServices({ db: db.prisma, live: noLiveDocuments, clock: () => now });
});
afterAll(async () => {
  await db.drop();
});

async function ledgerOf(communityId: string) {
  const rows = await db.prisma.contributionEvent.findMany({
    where: { communityId, kind: { startsWith: 'chat.' } },
    orderBy: { id: 'asc' },
    select: { userId: true, projectId: true, kind: true, weight: true, ref: true, at: true },
  });
  return rows.map((r) => ({ ...r, ref: r.ref as Record<string, unknown> }));
}

const channelOf = (communityId: string, kind: 'general' | 'project') =>
  db.prisma.chatChannel.findFirstOrThrow({ where: { communityId, kind }, select: { id: true, projectId: true } });

describe('chat messages in the contribution ledger', () => {
  it('records a posted message once (a resend of its client id adds nothing), not its edits, and with its project', async () => {
    const c = await community(1);
    const [member] = c.people as [(typeof c.people)[number]];
    const general = await channelOf(c.communityId, 'general');
    const project = await channelOf(c.communityId, 'project');
    const clientId = randomUUID();

    const first = await svc.chat.sendMessage(member, { channelId: general.id, clientId, body: 'hello' });
    const again = await svc.chat.sendMessage(member, { channelId: general.id, clientId, body: 'hello' });
    expect([first.created, again.created]).toEqual([true, false]);
    await svc.chat.editMessage(member, { messageId: first.message.id, body: 'hello, all' });
    const reply = await svc.chat.sendMessage(c.admin, { channelId: general.id, clientId: randomUUID(), body: 'hi', threadRootId: first.message.id });
    const inProject = await svc.chat.sendMessage(member, { channelId: project.id, clientId: randomUUID(), body: 'on it' });

    expect(await ledgerOf(c.communityId)).toEqual([
      { userId: member.id, projectId: null, kind: 'chat.message', weight: 1, ref: { messageId: first.message.id, channelId: general.id, clientId }, at: now },
      {
        userId: c.admin.id,
        projectId: null,
        kind: 'chat.message',
        weight: 1,
        ref: { messageId: reply.message.id, channelId: general.id, clientId: reply.message.clientId, threadRootId: first.message.id },
        at: now,
      },
      { userId: member.id, projectId: c.projectId, kind: 'chat.message', weight: 1, ref: expect.objectContaining({ messageId: inProject.message.id }), at: now },
    ]);
    // The feeds leave chat out (the conversation is in its channel); the ledger keeps it.
    expect((await svc.recognition.profile(member, member.id)).contributions.map((e) => e.kind)).not.toContain('chat.message');
  });

  it('records concurrent resends of one client id once', async () => {
    const c = await community(1);
    const [member] = c.people as [(typeof c.people)[number]];
    const general = await channelOf(c.communityId, 'general');
    const clientId = randomUUID();
    const sends = await Promise.all(Array.from({ length: 8 }, () => svc.chat.sendMessage(member, { channelId: general.id, clientId, body: 'once' })));
    expect(sends.filter((s) => s.created)).toHaveLength(1);
    expect(await ledgerOf(c.communityId)).toHaveLength(1);
  });

  it('does not record direct messages', async () => {
    const c = await community(1);
    const [member] = c.people as [(typeof c.people)[number]];
    const dm = await svc.chat.openDirectChannel(member, { communityId: c.communityId, userId: c.admin.id });
    await svc.chat.sendMessage(member, { channelId: dm.id, clientId: randomUUID(), body: 'just between us' });
    expect(await db.prisma.contributionEvent.count({ where: { kind: { startsWith: 'chat.' }, userId: member.id } })).toBe(0);
  });

  it('appends one retraction when a message is deleted, and health stops counting it from the ledger alone', async () => {
    const c = await community(1);
    const [member] = c.people as [(typeof c.people)[number]];
    const general = await channelOf(c.communityId, 'general');
    const health = createHealthRepository(db.prisma);
    const kept = await svc.chat.sendMessage(member, { channelId: general.id, clientId: randomUUID(), body: 'stays' });
    const gone = await svc.chat.sendMessage(member, { channelId: general.id, clientId: randomUUID(), body: 'oops' });
    const week = weekKey(now);
    expect(await health.contributionTallies(c.communityId)).toEqual([{ userId: member.id, week, count: 2 }]);

    const deletedAt = new Date(now.getTime() + 60_000);
    now = deletedAt;
    // The author and a moderator delete it at the same time: one retraction.
    await Promise.all([svc.chat.deleteMessage(member, { messageId: gone.message.id }), svc.chat.deleteMessage(c.admin, { messageId: gone.message.id })]);
    await svc.chat.deleteMessage(member, { messageId: gone.message.id });

    const ledger = await ledgerOf(c.communityId);
    expect(ledger.map((r) => [r.kind, r.weight, r.ref.messageId])).toEqual([
      ['chat.message', 1, kept.message.id],
      ['chat.message', 1, gone.message.id],
      ['chat.message.retract', -1, gone.message.id],
    ]);
    expect(ledger[2]).toMatchObject({ userId: member.id, at: deletedAt });
    expect(await health.contributionTallies(c.communityId)).toEqual([{ userId: member.id, week, count: 1 }]);

    // Health reads only the ledger: chat rows without ledger rows are invisible to it.
    await db.prisma.chatMessage.create({ data: { channelId: general.id, authorId: member.id, clientId: randomUUID(), body: 'written around the service' } });
    expect(await health.contributionTallies(c.communityId)).toEqual([{ userId: member.id, week, count: 1 }]);
  });

  it('backfills the messages posted before the ledger recorded chat (migration), once', async () => {
    const c = await community(1);
    const [member] = c.people as [(typeof c.people)[number]];
    const general = await channelOf(c.communityId, 'general');
    const project = await channelOf(c.communityId, 'project');
    const dm = await svc.chat.openDirectChannel(member, { communityId: c.communityId, userId: c.admin.id });
    const recorded = await svc.chat.sendMessage(member, { channelId: general.id, clientId: randomUUID(), body: 'already in the ledger' });
    const old = new Date('2026-06-01T12:00:00Z');
    const message = (channelId: string, extra: { deletedAt?: Date } = {}) =>
      db.prisma.chatMessage.create({ data: { channelId, authorId: member.id, clientId: randomUUID(), body: 'before', createdAt: old, ...extra }, select: { id: true } });
    const [inGeneral, inProject] = [await message(general.id), await message(project.id)];
    await message(general.id, { deletedAt: old });
    await message(dm.id);

    const sql = readFileSync(new URL('../../../db/prisma/migrations/20261207150000_chat_message_contributions/migration.sql', import.meta.url), 'utf8');
    await db.prisma.$executeRawUnsafe(sql);
    await db.prisma.$executeRawUnsafe(sql);

    const ledger = await ledgerOf(c.communityId);
    expect(ledger.map((r) => [r.ref.messageId, r.projectId, r.at])).toEqual([
      [recorded.message.id, null, now],
      [inGeneral.id, null, old],
      [inProject.id, c.projectId, old],
    ]);
  });
});
