import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { describeNotification } from '../notifications/notification-text';
import { createPlatformServices, type PlatformServices } from '../platform-services';
import { fundingFixtures, noLiveDocuments, type FundingCommunity } from './testing/funding-fixtures';

let db: TestDatabase;
let svc: PlatformServices;
const now = new Date('2026-12-07T10:00:00Z');
const { community, openNeed, user } = fundingFixtures('grant', () => ({ prisma: db.prisma, svc }));

beforeAll(async () => {
  db = await createTestDatabase();
  svc = createPlatformServices({ db: db.prisma, live: noLiveDocuments, clock: () => now });
});
afterAll(async () => {
  await db.drop();
});

const inADay = new Date(now.getTime() + 86_400_000);
type Person = FundingCommunity['admin'];

describe('credits granted by admins', () => {
  it('adds to one member’s budget in an open round, recorded and told to them', async () => {
    const c = await community(2);
    const [member, other] = c.people as [Person, Person];
    const need = await openNeed(c, { title: 'Roof repair', goal: 50 });
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Autumn', closesAt: inADay, budgetPerMember: 10 });

    await expect(svc.rounds.pledge(member, { roundId: round.id, needId: need, amount: 15 })).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'INSUFFICIENT_BALANCE' } });
    expect(await svc.rounds.grantCredits(c.admin, { roundId: round.id, userId: member.id, credits: 8 })).toEqual({ userId: member.id, granted: 18, spent: 0, balance: 18 });
    expect(await svc.rounds.pledge(member, { roundId: round.id, needId: need, amount: 15 })).toMatchObject({ balance: 3 });
    expect((await svc.rounds.getRoundOrThrow(member, round.id)).me).toMatchObject({ granted: 18, spent: 15, balance: 3 });
    // Nobody else's budget moved.
    expect((await svc.rounds.getRoundOrThrow(other, round.id)).me).toMatchObject({ granted: 10, balance: 10 });

    const event = await db.prisma.contributionEvent.findFirstOrThrow({ where: { kind: 'round.grant' }, select: { userId: true, ref: true } });
    expect(event).toEqual({ userId: c.admin.id, ref: { roundId: round.id, toId: member.id, credits: 8 } });
    const told = await db.prisma.notification.findMany({ where: { kind: 'round.granted' }, select: { userId: true, ref: true } });
    expect(told.map((n) => n.userId)).toEqual([member.id]);
    expect(describeNotification('round.granted', told[0]!.ref as Record<string, unknown>, 'Ada')).toEqual({
      text: 'Ada granted you 8 credits in “Autumn”',
      href: `/communities/${c.slug}/funding/${round.id}`,
      excerpt: null,
    });
  });

  it('gives a member who joined after the opening their budget plus the grant', async () => {
    const c = await community(0);
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Late', closesAt: inADay, budgetPerMember: 10 });
    const late = await user('Late joiner');
    await db.prisma.membership.create({ data: { communityId: c.communityId, userId: late.id } });
    expect(await svc.rounds.grantCredits(c.admin, { roundId: round.id, userId: late.id, credits: 5 })).toMatchObject({ granted: 15, balance: 15 });
  });

  it('refuses non-admins, strangers, bad amounts and closed rounds, changing nothing', async () => {
    const c = await community(1);
    const [member] = c.people as [Person];
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Strict', closesAt: inADay, budgetPerMember: 10 });
    const stranger = await user('Stranger');
    const balances = () => db.prisma.fundingBalance.findMany({ where: { roundId: round.id }, orderBy: { userId: 'asc' }, select: { userId: true, granted: true } });
    const before = await balances();

    await expect(svc.rounds.grantCredits(member, { roundId: round.id, userId: member.id, credits: 5 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(svc.rounds.grantCredits(c.admin, { roundId: round.id, userId: stranger.id, credits: 5 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    for (const credits of [0, -3, 2.5]) await expect(svc.rounds.grantCredits(c.admin, { roundId: round.id, userId: member.id, credits })).rejects.toThrow();
    await expect(svc.rounds.grantCredits(c.admin, { roundId: round.id, userId: member.id, credits: 1_000_000 })).resolves.toMatchObject({ granted: 1_000_010 });
    await db.prisma.fundingBalance.update({ where: { roundId_userId: { roundId: round.id, userId: member.id } }, data: { granted: 99_999_999 } });
    await expect(svc.rounds.grantCredits(c.admin, { roundId: round.id, userId: member.id, credits: 2 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await db.prisma.fundingBalance.update({ where: { roundId_userId: { roundId: round.id, userId: member.id } }, data: { granted: 10 } });
    expect(await balances()).toEqual(before);

    await svc.rounds.closeRound(c.admin, round.id);
    await expect(svc.rounds.grantCredits(c.admin, { roundId: round.id, userId: member.id, credits: 5 })).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'ROUND_CLOSED' } });
    expect(await balances()).toEqual(before);
    expect(await db.prisma.notification.count({ where: { kind: 'round.granted', userId: member.id } })).toBe(1);
  });
});
