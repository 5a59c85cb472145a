import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { describeNotification } from '../notifications/notification-text';
import { createPlatformServices, type PlatformServices } from '../platform-services';
import { fundingFixtures, noLiveDocuments, type FundingCommunity } from './testing/funding-fixtures';

let db: TestDatabase;
let svc: PlatformServices;
const now = new Date('2026-12-07T10:00:00Z');
const { community, openNeed, user } = fundingFixtures('notify', () => ({ prisma: db.prisma, svc }));

beforeAll(async () => {
  db = await createTestDatabase();
  svc = createPlatformServices({ db: db.prisma, live: noLiveDocuments, clock: () => now });
});
afterAll(async () => {
  await db.drop();
});

const inADay = new Date(now.getTime() + 86_400_000);

async function notificationsOf(userId: string) {
  const rows = await db.prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' }, select: { kind: true, ref: true } });
  return rows.map((r) => ({ kind: r.kind, ref: r.ref as Record<string, unknown> }));
}

/** A need proposed by `proposer` (a participant), opened by the admin. */
async function proposedBy(c: FundingCommunity, proposer: FundingCommunity['admin'], title: string, goal: number) {
  const need = await svc.needs.createNeed(proposer, { projectId: c.projectId, title, goal, effortHours: 2 });
  await svc.needs.act(c.admin, { needId: need.id, action: 'open' });
  return need.id;
}

describe('funding notifications', () => {
  it('tells the proposer and the assignees when a need is funded, and the proposer when it is claimed', async () => {
    const c = await community(3);
    const [proposer, pledger, bystander] = c.people as [FundingCommunity['admin'], FundingCommunity['admin'], FundingCommunity['admin']];
    const need = await proposedBy(c, proposer, 'New gutters', 10);
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Winter', closesAt: inADay, budgetPerMember: 20 });

    await svc.rounds.pledge(pledger, { roundId: round.id, needId: need, amount: 4 });
    expect((await notificationsOf(proposer.id)).filter((n) => n.kind === 'need.funded')).toEqual([]);
    await svc.rounds.pledge(pledger, { roundId: round.id, needId: need, amount: 10 });

    const funded = (await notificationsOf(proposer.id)).filter((n) => n.kind === 'need.funded');
    expect(funded).toEqual([{ kind: 'need.funded', ref: expect.objectContaining({ needId: need, needTitle: 'New gutters', actorId: pledger.id, roundTitle: 'Winter', url: `/communities/${c.slug}/needs/${need}` }) }]);
    expect(describeNotification('need.funded', funded[0]!.ref, null)).toEqual({ text: '“New gutters” is funded in Winter', href: `/communities/${c.slug}/needs/${need}`, excerpt: null });
    // The member whose pledge did it is not told about their own act.
    expect((await notificationsOf(pledger.id)).filter((n) => n.kind === 'need.funded')).toEqual([]);
    // The bystander heard only that the round opened.
    expect((await notificationsOf(bystander.id)).map((n) => n.kind)).toEqual(['round.opened']);

    // A funded need is claimed: the proposer hears who took it on.
    const other = pledger;
    await svc.needs.act(other, { needId: need, action: 'claim' });
    const claimed = (await notificationsOf(proposer.id)).filter((n) => n.kind === 'need.claimed');
    expect(claimed.at(-1)).toEqual({ kind: 'need.claimed', ref: expect.objectContaining({ needId: need, actorId: other.id }) });
    expect(describeNotification('need.claimed', claimed.at(-1)!.ref, 'Pat').text).toBe('Pat took on “New gutters”');
    // The proposer joining the work on their own need is not news to them.
    const before = (await notificationsOf(proposer.id)).length;
    await svc.needs.act(proposer, { needId: need, action: 'claim' });
    expect((await svc.needs.getNeedOrThrow(proposer, need)).assignees.map((a) => a.userId).sort()).toEqual([other.id, proposer.id].sort());
    expect((await notificationsOf(proposer.id)).length).toBe(before);
  });

  it('tells everyone concerned when a quadratic round funds a need at its close (as the system)', async () => {
    const c = await community(2);
    const [proposer, pledger] = c.people as [FundingCommunity['admin'], FundingCommunity['admin']];
    const need = await proposedBy(c, proposer, 'Solar panel', 8);
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Matching', closesAt: inADay, budgetPerMember: 10, mechanism: 'quadratic', matchingPool: 10 });
    await svc.rounds.pledge(pledger, { roundId: round.id, needId: need, amount: 3 });
    const fundedOf = async (userId: string) => (await notificationsOf(userId)).filter((n) => n.kind === 'need.funded');
    expect(await fundedOf(proposer.id)).toEqual([]);
    await svc.rounds.closeDue(new Date(inADay.getTime() + 1));
    const rows = await fundedOf(proposer.id);
    expect(rows).toEqual([{ kind: 'need.funded', ref: expect.objectContaining({ needId: need, roundTitle: 'Matching' }) }]);
    expect(rows[0]!.ref.actorId).toBeUndefined();
  });

  it('tells a thanked member who thanked them and why, in the same transaction as the thanks', async () => {
    const c = await community(2);
    const [a, b] = c.people as [FundingCommunity['admin'], FundingCommunity['admin']];
    const need = await openNeed(c, { title: 'Fix the door', goal: 5 });
    const { id } = await svc.recognition.thank(a, { community: c.slug, toUserId: b.id, note: 'The door closes again', needId: need });
    const rows = await notificationsOf(b.id);
    expect(rows).toEqual([
      {
        kind: 'thanks.received',
        ref: expect.objectContaining({ thanksId: id, actorId: a.id, excerpt: 'The door closes again', needTitle: 'Fix the door', url: `/communities/${c.slug}/members/${b.id}` }),
      },
    ]);
    expect(describeNotification('thanks.received', rows[0]!.ref, 'Ana')).toMatchObject({ text: 'Ana thanked you for “Fix the door”', excerpt: 'The door closes again' });

    // A refused thanks stores nothing.
    const stranger = await user('Stranger');
    await expect(svc.recognition.thank(a, { community: c.slug, toUserId: stranger.id, note: 'Hi' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await notificationsOf(stranger.id)).toEqual([]);
  });
});

describe('needs made from a document selection or a chat message', () => {
  it('stores the source, links back to it for readers, and refuses sources from elsewhere', async () => {
    const c = await community(1);
    const other = await community(1);
    const [member] = c.people as [FundingCommunity['admin']];
    const doc = await db.prisma.document.create({ data: { projectId: c.projectId, title: 'Roadmap', createdById: c.admin.id }, select: { id: true } });
    const fromDoc = await svc.needs.createNeed(member, { projectId: c.projectId, title: 'Write the roadmap intro', goal: 5, effortHours: 1, source: { kind: 'document', documentId: doc.id, quote: 'We need an intro' } });
    expect(fromDoc).toMatchObject({
      source: 'document',
      sourceRef: doc.id,
      sourceQuote: 'We need an intro',
      sourceLink: { href: `/communities/${c.slug}/projects/work/documents/${doc.id}`, label: 'Roadmap' },
    });

    const general = await db.prisma.chatChannel.findFirstOrThrow({ where: { communityId: c.communityId, kind: 'general' }, select: { id: true, name: true } });
    const message = await db.prisma.chatMessage.create({ data: { channelId: general.id, authorId: c.admin.id, clientId: randomUUID(), body: 'Who can fix the wifi?' }, select: { id: true } });
    const fromChat = await svc.needs.createNeed(member, { projectId: c.projectId, title: 'Fix the wifi', goal: 5, effortHours: 1, source: { kind: 'chat', messageId: message.id, quote: 'Who can fix the wifi?' } });
    expect(fromChat).toMatchObject({
      source: 'chat',
      sourceRef: message.id,
      sourceLink: { href: `/communities/${c.slug}/chat/${general.id}?message=${message.id}`, label: `#${general.name}` },
    });
    // Readers without a membership see the quote but get no link into the chat.
    expect((await svc.needs.getNeedOrThrow(null, fromChat.id)).sourceLink).toBeNull();

    // A document of another project, a message of another community, a direct message: refused, nothing stored.
    const foreignDoc = await db.prisma.document.create({ data: { projectId: other.projectId, title: 'Theirs', createdById: other.admin.id }, select: { id: true } });
    const foreignChannel = await db.prisma.chatChannel.findFirstOrThrow({ where: { communityId: other.communityId, kind: 'general' }, select: { id: true } });
    const foreignMessage = await db.prisma.chatMessage.create({ data: { channelId: foreignChannel.id, authorId: other.admin.id, clientId: randomUUID(), body: 'Secret' }, select: { id: true } });
    const direct = await db.prisma.chatChannel.create({
      data: { kind: 'direct', name: 'dm', directKey: [c.admin.id, member.id].sort().join(':'), members: { create: [{ userId: c.admin.id }, { userId: member.id }] } },
      select: { id: true },
    });
    const dm = await db.prisma.chatMessage.create({ data: { channelId: direct.id, authorId: c.admin.id, clientId: randomUUID(), body: 'Private' }, select: { id: true } });
    const count = await db.prisma.need.count();
    const base = { projectId: c.projectId, title: 'Sneaky', goal: 5, effortHours: 1 };
    await expect(svc.needs.createNeed(member, { ...base, source: { kind: 'document', documentId: foreignDoc.id, quote: 'x' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(svc.needs.createNeed(member, { ...base, source: { kind: 'chat', messageId: foreignMessage.id, quote: 'x' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(svc.needs.createNeed(member, { ...base, source: { kind: 'chat', messageId: dm.id, quote: 'x' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(svc.needs.createNeed(member, { ...base, source: { kind: 'chat', messageId: randomUUID(), quote: 'x' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await db.prisma.need.count()).toBe(count);
  });
});
