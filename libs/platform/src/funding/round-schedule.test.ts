import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { describeNotification } from '../notifications/notification-text';
import { createPlatformServices, type PlatformServices } from '../platform-services';
import { fundingFixtures, noLiveDocuments } from './testing/funding-fixtures';

let db: TestDatabase;
let svc: PlatformServices;
const now = new Date('2026-12-07T10:00:00Z');
const { community, openNeed } = fundingFixtures('sched', () => ({ prisma: db.prisma, svc }));

beforeAll(async () => {
  db = await createTestDatabase();
  svc = createPlatformServices({ db: db.prisma, live: noLiveDocuments, clock: () => now });
});
afterAll(async () => {
  await db.drop();
});

const HOUR = 3_600_000;
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);

describe('scheduled funding rounds', () => {
  it('waits scheduled (no budgets, no pledges) and opens itself at opensAt, granting every active member the budget', async () => {
    const c = await community(2);
    const need = await openNeed(c, { title: 'Paint the hall', goal: 30 });
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Next month', opensAt: at(2), closesAt: at(26), budgetPerMember: 25 });
    expect(round).toMatchObject({ status: 'scheduled', accepting: false, canCancel: true, canClose: false, opensAt: at(2), totals: { pledged: 0, pledgers: 0 } });
    expect(await db.prisma.fundingBalance.count({ where: { roundId: round.id } })).toBe(0);

    const listed = await svc.rounds.listRounds(c.admin, c.slug);
    expect(listed).toMatchObject({ current: null, upcoming: { id: round.id, status: 'scheduled' }, canOpen: false });

    // Pledges before the opening are refused with a typed reason and change nothing.
    await expect(svc.rounds.pledge(c.people[0]!, { roundId: round.id, needId: need, amount: 5 })).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'ROUND_CLOSED' } });
    expect(await db.prisma.pledge.count({ where: { roundId: round.id } })).toBe(0);

    // Not yet: one millisecond early nothing opens.
    expect(await svc.rounds.openDue(new Date(at(2).getTime() - 1))).toEqual({ opened: [], waiting: [] });
    expect(await svc.rounds.openDue(at(2))).toEqual({ opened: [round.id], waiting: [] });
    // Running again (an overlapping worker) changes nothing.
    expect(await svc.rounds.openDue(at(2))).toEqual({ opened: [], waiting: [] });

    const balances = await db.prisma.fundingBalance.findMany({ where: { roundId: round.id }, select: { userId: true, granted: true, spent: true }, orderBy: { userId: 'asc' } });
    expect(balances).toEqual([c.admin, ...c.people].map((p) => ({ userId: p.id, granted: 25, spent: 0 })).sort((a, b) => (a.userId < b.userId ? -1 : 1)));
    expect(await db.prisma.fundingRound.findUniqueOrThrow({ where: { id: round.id }, select: { status: true } })).toEqual({ status: 'open' });

    const later = createPlatformServices({ db: db.prisma, live: noLiveDocuments, clock: () => at(3) });
    expect(await later.rounds.pledge(c.people[0]!, { roundId: round.id, needId: need, amount: 5 })).toMatchObject({ balance: 20, needPledged: 5 });
    const view = await later.rounds.getRoundOrThrow(c.people[1]!, round.id);
    expect(view).toMatchObject({ status: 'open', accepting: true, canCancel: false, totals: { pledged: 5, pledgers: 1, needsPledged: 1, funded: 0 }, me: { granted: 25, balance: 25 } });
  });

  it('follows the open round: it must open after it closes and opens in the run that closes it', async () => {
    const c = await community(1);
    const current = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Current', closesAt: at(5), budgetPerMember: 10 });
    await expect(svc.rounds.openRound(c.admin, { community: c.slug, title: 'Too early', opensAt: at(4), closesAt: at(30), budgetPerMember: 10 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const next = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Next', opensAt: at(5), closesAt: at(30), budgetPerMember: 10 });
    // One scheduled round at a time.
    await expect(svc.rounds.openRound(c.admin, { community: c.slug, title: 'Another', opensAt: at(40), closesAt: at(60), budgetPerMember: 10 })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Opening one now is still refused while a round is open.
    await expect(svc.rounds.openRound(c.admin, { community: c.slug, title: 'Now', closesAt: at(60), budgetPerMember: 10 })).rejects.toMatchObject({ code: 'CONFLICT' });

    // If the open round somehow overran (its window moved), the scheduled one waits for it.
    await db.prisma.fundingRound.update({ where: { id: current.id }, data: { closesAt: at(6) } });
    expect(await svc.rounds.closeDue(at(5))).toEqual({ closed: [], skipped: [] });
    expect(await svc.rounds.openDue(at(5))).toEqual({ opened: [], waiting: [next.id] });
    expect(await db.prisma.fundingRound.findUniqueOrThrow({ where: { id: next.id }, select: { status: true } })).toEqual({ status: 'scheduled' });

    // The worker's order: close what is due, then open what is due.
    expect((await svc.rounds.closeDue(at(6))).closed).toEqual([current.id]);
    expect(await svc.rounds.openDue(at(6))).toEqual({ opened: [next.id], waiting: [] });
    expect((await svc.rounds.listRounds(c.admin, c.slug)).current?.id).toBe(next.id);
  });

  it('lets admins cancel a round before it opens, and nobody else', async () => {
    const c = await community(1);
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Maybe', opensAt: at(10), closesAt: at(20), budgetPerMember: 10 });
    await expect(svc.rounds.openRound(c.people[0]!, { community: c.slug, title: 'Mine', opensAt: at(10), closesAt: at(20), budgetPerMember: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(svc.rounds.cancelScheduled(c.people[0]!, round.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await svc.rounds.cancelScheduled(c.admin, round.id)).toEqual({ id: round.id });
    expect(await db.prisma.fundingRound.count({ where: { id: round.id } })).toBe(0);

    const open = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Open now', closesAt: at(20), budgetPerMember: 10 });
    await expect(svc.rounds.cancelScheduled(c.admin, open.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    // Bad windows are refused.
    await expect(svc.rounds.openRound(c.admin, { community: c.slug, title: 'Backwards', opensAt: at(30), closesAt: at(25), budgetPerMember: 10 })).rejects.toThrow();
  });

  it('tells every member once, when the scheduler opens the round, how many credits they have', async () => {
    const c = await community(2);
    const requester = await fundingFixtures('sched-req', () => ({ prisma: db.prisma, svc })).user('Requester');
    await db.prisma.membership.create({ data: { communityId: c.communityId, userId: requester.id, status: 'requested' } });
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Spring', opensAt: at(2), closesAt: at(26), budgetPerMember: 25 });
    const opened = async () =>
      (await db.prisma.notification.findMany({ where: { kind: 'round.opened' }, select: { userId: true, ref: true } })).filter((n) => (n.ref as { roundId?: string }).roundId === round.id);
    expect(await opened()).toEqual([]);

    // Overlapping workers and a retry: still one notification per member.
    await Promise.all([svc.rounds.openDue(at(2)), svc.rounds.openDue(at(2))]);
    await svc.rounds.openDue(at(3));
    const rows = await opened();
    expect(rows.map((r) => r.userId).sort()).toEqual([c.admin, ...c.people].map((p) => p.id).sort());
    const ref = rows[0]!.ref as Record<string, unknown>;
    expect(ref).toMatchObject({ roundTitle: 'Spring', credits: 25, communitySlug: c.slug, url: `/communities/${c.slug}/funding/${round.id}` });
    expect(describeNotification('round.opened', ref, null)).toEqual({ text: 'Funding round “Spring” is open: you have 25 credits', href: `/communities/${c.slug}/funding/${round.id}`, excerpt: null });
    // The member sees it in the centre and in the digest.
    const centre = await svc.notifications.list(c.people[0]!);
    expect(centre.items.map((i) => i.text)).toContain('Funding round “Spring” is open: you have 25 credits');
    expect((await svc.notifications.digest(c.people[0]!)).groups.map((g) => g.label)).toContain('Funding rounds opened');
  });

  it('tells every other active member once when an admin opens a round at once', async () => {
    const c = await community(2);
    const requester = await fundingFixtures('now-req', () => ({ prisma: db.prisma, svc })).user('Requester');
    await db.prisma.membership.create({ data: { communityId: c.communityId, userId: requester.id, status: 'requested' } });
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Right now', closesAt: at(24), budgetPerMember: 15 });
    const opened = async () =>
      (await db.prisma.notification.findMany({ where: { kind: 'round.opened' }, select: { userId: true, ref: true } })).filter((n) => (n.ref as { roundId?: string }).roundId === round.id);

    const rows = await opened();
    // The active members, not the admin who opened it nor someone who only asked to join.
    expect(rows.map((r) => r.userId).sort()).toEqual(c.people.map((p) => p.id).sort());
    const ref = rows[0]!.ref as Record<string, unknown>;
    expect(ref).toMatchObject({ roundTitle: 'Right now', credits: 15, actorId: c.admin.id, url: `/communities/${c.slug}/funding/${round.id}` });
    expect(describeNotification('round.opened', ref, 'Ada').text).toBe('Funding round “Right now” is open: you have 15 credits');

    // A second "open now" (a double click) and the scheduler's run write no more.
    await expect(svc.rounds.openRound(c.admin, { community: c.slug, title: 'Right now', closesAt: at(24), budgetPerMember: 15 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await svc.rounds.openDue(at(1));
    expect((await opened()).length).toBe(c.people.length);
    expect((await svc.notifications.list(c.people[0]!)).items.map((i) => i.text)).toContain('Funding round “Right now” is open: you have 15 credits');
  });
});
