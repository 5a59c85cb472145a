import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { createPlatformServices, type PlatformServices } from '../platform-services';
import { fundingFixtures, noLiveDocuments, type FundingCommunity } from './testing/funding-fixtures';

let db: TestDatabase;
let svc: PlatformServices;
const now = new Date('2026-12-07T10:00:00Z');
const { community, openNeed, user } = fundingFixtures('earned', () => ({ prisma: db.prisma, svc }));

beforeAll(async () => {
  db = await createTestDatabase();
  svc = createPlatformServices({ db: db.prisma, live: noLiveDocuments, clock: () => now });
});
afterAll(async () => {
  await db.drop();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(now.getTime() + ms);
type Person = FundingCommunity['admin'];

/** A hand-made points ledger: (who, points, when) in a community; negative points are spending. */
async function points(communityId: string, rows: [Person, number, Date][]) {
  await db.prisma.pointsEntry.createMany({
    data: rows.map(([p, delta, when]) => ({ userId: p.id, communityId, delta, reason: delta > 0 ? 'need.verified' : 'bounty.attach', needId: null, at: when })),
  });
}

async function pastRound(c: FundingCommunity, opensAt: Date) {
  await db.prisma.fundingRound.create({
    data: { communityId: c.communityId, title: 'Earlier', opensAt, closesAt: new Date(opensAt.getTime() + DAY), budgetPerMember: 10, status: 'closed', createdById: c.admin.id },
  });
}

async function join(c: FundingCommunity, p: Person) {
  await db.prisma.membership.create({ data: { communityId: c.communityId, userId: p.id } });
}

const earned = { base: 2, rate: 0.5, cap: 20 };

describe('earned budgets', () => {
  it('grants base + rate × points earned since the previous round opened, capped, and tells each member why', async () => {
    const c = await community(3);
    const [a, b, capped] = c.people as [Person, Person, Person];
    const previous = at(-10 * DAY);
    await pastRound(c, previous);
    const elsewhere = await community(0);
    await points(c.communityId, [
      [a, 10, previous], // at the window's start: counts
      [a, 2, at(-DAY)],
      [a, -5, at(-DAY)], // spent on a bounty: does not lower it
      [a, 100, new Date(previous.getTime() - 1)], // before the window
      [a, 7, now], // at the opening: the window has ended
      [capped, 40, at(-HOUR)],
    ]);
    await points(elsewhere.communityId, [[a, 50, at(-DAY)]]);

    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Earned', closesAt: at(DAY), budgetPerMember: 0, budgetMode: 'earned', earned });
    expect(round).toMatchObject({
      budgetMode: 'earned',
      budgetPerMember: 2,
      earned: { base: 2, rate: 0.5, cap: 20, windowDays: null, windowStart: previous, windowEnd: now, formula: 'credits = min(20, 2 + 0.5 × points earned since the previous round), whole credits rounded down' },
      me: { granted: 2, budgetWhy: '2 credits: 2 base + 0 for 0 points since the last round' },
    });

    const balances = await db.prisma.fundingBalance.findMany({ where: { roundId: round.id }, select: { userId: true, granted: true, earnedPoints: true } });
    const byUser = new Map(balances.map((x) => [x.userId, x]));
    expect(byUser.get(a.id)).toMatchObject({ granted: 8, earnedPoints: 12 });
    expect(byUser.get(b.id)).toMatchObject({ granted: 2, earnedPoints: 0 });
    expect(byUser.get(capped.id)).toMatchObject({ granted: 20, earnedPoints: 40 });

    expect((await svc.rounds.getRoundOrThrow(a, round.id)).me).toMatchObject({ granted: 8, balance: 8, budgetWhy: '8 credits: 2 base + 6 for 12 points since the last round' });
    expect((await svc.rounds.getRoundOrThrow(capped, round.id)).me).toMatchObject({ granted: 20, budgetWhy: '20 credits: 2 base + 18 for 40 points since the last round (capped at 20)' });

    // Each member is told their own budget.
    const told = await db.prisma.notification.findMany({ where: { kind: 'round.opened', userId: { in: [a.id, b.id] } }, select: { userId: true, ref: true } });
    expect(Object.fromEntries(told.map((n) => [n.userId, (n.ref as { credits: number }).credits]))).toEqual({ [a.id]: 8, [b.id]: 2 });

    // The budget is spendable, and admin grants add on top, explained as such.
    const need = await openNeed(c, { title: 'Tools', goal: 50 });
    await expect(svc.rounds.pledge(b, { roundId: round.id, needId: need, amount: 3 })).rejects.toMatchObject({ details: { reason: 'INSUFFICIENT_BALANCE' } });
    expect(await svc.rounds.pledge(a, { roundId: round.id, needId: need, amount: 8 })).toMatchObject({ balance: 0 });
    await svc.rounds.grantCredits(c.admin, { roundId: round.id, userId: b.id, credits: 3 });
    expect((await svc.rounds.getRoundOrThrow(b, round.id)).me).toMatchObject({ granted: 5, budgetWhy: '5 credits: 2 base + 0 for 0 points since the last round + 3 granted by admins' });
  });

  it('counts a member who joined mid-window by the points they earned, and one who joins after the opening by the same window', async () => {
    const c = await community(0);
    const previous = at(-10 * DAY);
    await pastRound(c, previous);
    const midWindow = await user('Mid');
    await join(c, midWindow);
    await points(c.communityId, [[midWindow, 4, at(-2 * DAY)]]);
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Earned', closesAt: at(DAY), budgetPerMember: 0, budgetMode: 'earned', earned });
    expect((await svc.rounds.getRoundOrThrow(midWindow, round.id)).me).toMatchObject({ granted: 4, budgetWhy: '4 credits: 2 base + 2 for 4 points since the last round' });

    const late = await user('Late');
    await points(c.communityId, [
      [late, 6, at(-DAY)],
      [late, 30, at(HOUR)], // after the opening: not in this round's window
    ]);
    await join(c, late);
    const need = await openNeed(c, { title: 'Paint', goal: 50 });
    expect((await svc.rounds.getRoundOrThrow(late, round.id)).me).toMatchObject({ granted: 5, budgetWhy: '5 credits: 2 base + 3 for 6 points since the last round' });
    expect(await svc.rounds.pledge(late, { roundId: round.id, needId: need, amount: 5 })).toMatchObject({ balance: 0 });
    expect(await db.prisma.fundingBalance.findUniqueOrThrow({ where: { roundId_userId: { roundId: round.id, userId: late.id } }, select: { granted: true, earnedPoints: true } })).toEqual({
      granted: 5,
      earnedPoints: 6,
    });
  });

  it('counts every point ever in a community’s first round', async () => {
    const c = await community(1);
    const [a] = c.people as [Person];
    await points(c.communityId, [[a, 4, at(-400 * DAY)]]);
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'First', closesAt: at(DAY), budgetPerMember: 0, budgetMode: 'earned', earned });
    expect(round.earned).toMatchObject({ windowStart: null, windowEnd: now });
    expect((await svc.rounds.getRoundOrThrow(a, round.id)).me).toMatchObject({ granted: 4, budgetWhy: '4 credits: 2 base + 2 for 4 points so far' });
  });

  it('computes a scheduled round’s budgets when the worker opens it, over the last N days up to the scheduled opening', async () => {
    const c = await community(1);
    const [a] = c.people as [Person];
    const opensAt = at(2 * HOUR);
    const round = await svc.rounds.openRound(c.admin, {
      community: c.slug,
      title: 'Scheduled',
      opensAt,
      closesAt: at(DAY),
      budgetPerMember: 0,
      budgetMode: 'earned',
      earned: { base: 1, rate: 1, cap: 100, window: { kind: 'lastDays', days: 7 } },
    });
    expect(round).toMatchObject({ status: 'scheduled', earned: { windowDays: 7, windowStart: null, windowEnd: null }, me: { granted: 0, budgetWhy: null } });
    const start = new Date(opensAt.getTime() - 7 * DAY);
    await points(c.communityId, [
      [a, 3, start], // at the window's start: counts
      [a, 50, new Date(start.getTime() - 1)],
      [a, 2, at(HOUR)], // after scheduling, before the opening: counts
      [a, 9, opensAt], // at the opening: does not
      [a, 9, at(3 * HOUR)], // the worker runs late: still does not
    ]);
    expect(await svc.rounds.openDue(at(3 * HOUR))).toEqual({ opened: [round.id], waiting: [] });
    const view = await createPlatformServices({ db: db.prisma, live: noLiveDocuments, clock: () => at(4 * HOUR) }).rounds.getRoundOrThrow(a, round.id);
    expect(view).toMatchObject({ status: 'open', earned: { windowStart: start, windowEnd: opensAt }, me: { granted: 6, budgetWhy: '6 credits: 1 base + 5 for 5 points in the last 7 days' } });
  });

  it('refuses unsound rules with typed errors and creates nothing', async () => {
    const c = await community(1);
    const open = (extra: Record<string, unknown>) => svc.rounds.openRound(c.admin, { community: c.slug, title: 'Bad', closesAt: at(DAY), budgetPerMember: 5, ...extra });
    const refused = (reason: string) => ({ code: 'BAD_REQUEST', details: { reason } });
    await expect(open({ budgetMode: 'earned', earned: { ...earned, rate: -1 } })).rejects.toMatchObject(refused('RATE_NEGATIVE'));
    await expect(open({ budgetMode: 'earned', earned: { ...earned, cap: 1 } })).rejects.toMatchObject(refused('CAP_BELOW_BASE'));
    await expect(open({ budgetMode: 'earned', earned: { ...earned, base: -2 } })).rejects.toMatchObject(refused('BASE_INVALID'));
    await expect(open({ budgetMode: 'earned', earned: { ...earned, rate: 0.125 } })).rejects.toMatchObject(refused('RATE_TOO_PRECISE'));
    await expect(open({ budgetMode: 'earned', earned: { ...earned, window: { kind: 'lastDays', days: 0 } } })).rejects.toMatchObject(refused('WINDOW_INVALID'));
    await expect(open({ budgetMode: 'earned' })).rejects.toMatchObject(refused('EARNED_RULE_MISSING'));
    await expect(open({ earned })).rejects.toMatchObject(refused('EARNED_RULE_UNEXPECTED'));
    expect(await db.prisma.fundingRound.count({ where: { communityId: c.communityId } })).toBe(0);
    // Members may not open rounds, earned or not.
    await expect(svc.rounds.openRound(c.people[0]!, { community: c.slug, title: 'Mine', closesAt: at(DAY), budgetPerMember: 0, budgetMode: 'earned', earned })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
