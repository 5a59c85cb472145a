import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { createPlatformServices, type PlatformServices } from '../platform-services';
import { fundingFixtures, noLiveDocuments } from './testing/funding-fixtures';

let db: TestDatabase;
let svc: PlatformServices;
let now = new Date('2026-12-07T10:00:00Z');
const { community, openNeed } = fundingFixtures('auto', () => ({ prisma: db.prisma, svc }));

beforeAll(async () => {
  db = await createTestDatabase();
  svc = createPlatformServices({ db: db.prisma, live: noLiveDocuments, clock: () => now });
});
afterAll(async () => {
  await db.drop();
});

const HOUR = 3_600_000;

/** A quadratic round with two needs: "Popular" (three supporters) and "Niche" (one), closing in an hour. */
async function quadraticRound(title: string) {
  const c = await community(3);
  const popular = await openNeed(c, { title: 'Popular', goal: 20 });
  const niche = await openNeed(c, { title: 'Niche', goal: 50 });
  const round = await svc.rounds.openRound(c.admin, { community: c.slug, title, closesAt: new Date(now.getTime() + HOUR), budgetPerMember: 10, mechanism: 'quadratic', matchingPool: 10 });
  for (const p of c.people) await svc.rounds.pledge(p, { roundId: round.id, needId: popular, amount: 4 });
  await svc.rounds.pledge(c.people[0]!, { roundId: round.id, needId: niche, amount: 5 });
  return { c, round, popular, niche };
}

describe('rounds close by themselves at closesAt', () => {
  it('closes a due round as the system with frozen results and leaves a round still in its window open', async () => {
    const due = await quadraticRound('Due');
    const later = await quadraticRound('Later');
    // The later round closes two hours after the first.
    await db.prisma.fundingRound.update({ where: { id: later.round.id }, data: { closesAt: new Date(now.getTime() + 2 * HOUR) } });
    const contributionsBefore = await db.prisma.contributionEvent.count();

    // Just before the window ends nothing closes.
    expect(await svc.rounds.closeDue(new Date(now.getTime() + HOUR - 1))).toEqual({ closed: [], skipped: [] });
    const at = new Date(now.getTime() + HOUR);
    expect(await svc.rounds.closeDue(at)).toEqual({ closed: [due.round.id], skipped: [] });

    const row = await db.prisma.fundingRound.findUniqueOrThrow({ where: { id: due.round.id } });
    expect(row).toMatchObject({ status: 'closed', closedById: null, closedAt: at });
    const view = await svc.rounds.getRoundOrThrow(due.c.admin, due.round.id);
    expect(view.accepting).toBe(false);
    expect(view.results?.totals).toMatchObject({ pledged: 17, matched: 10, unallocated: 0, pledgers: 3, funded: 1, unfunded: 1 });
    const popular = view.results?.needs.find((n) => n.needId === due.popular);
    const niche = view.results?.needs.find((n) => n.needId === due.niche);
    expect(popular).toMatchObject({ rank: 1, pledged: 12, supporters: 3, funded: true });
    expect(niche).toMatchObject({ rank: 2, pledged: 5, supporters: 1, funded: false });
    // Quadratic matching favours the need with more supporters.
    expect(popular!.matched).toBeGreaterThan(niche!.matched);
    expect(popular!.matched + niche!.matched).toBe(10);

    // The same close path: the funded need moved with a system transition; the unfunded one starts over.
    const needs = await db.prisma.need.findMany({ where: { id: { in: [due.popular, due.niche] } }, select: { id: true, status: true, pledged: true } });
    expect(needs.find((n) => n.id === due.popular)).toEqual({ id: due.popular, status: 'funded', pledged: 12 + popular!.matched });
    expect(needs.find((n) => n.id === due.niche)).toEqual({ id: due.niche, status: 'open', pledged: 0 });
    const transition = await db.prisma.needTransition.findFirstOrThrow({ where: { needId: due.popular, to: 'funded' } });
    expect(transition.actorId).toBeNull();
    const detail = await svc.needs.getNeedOrThrow(due.c.admin, due.popular);
    expect(detail.transitions.at(-1)).toMatchObject({ actorName: 'System', to: 'funded' });
    // Nobody contributed to a system close: no contribution events are attributed to anyone.
    expect(await db.prisma.contributionEvent.count()).toBe(contributionsBefore);

    // Pledges are refused afterwards, and running again changes nothing.
    now = new Date(at.getTime() + 1);
    await expect(svc.rounds.pledge(due.c.people[1]!, { roundId: due.round.id, needId: due.niche, amount: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await svc.rounds.closeDue(at)).toEqual({ closed: [], skipped: [] });
    expect((await db.prisma.fundingRound.findUniqueOrThrow({ where: { id: due.round.id } })).results).toEqual(row.results);

    // The later round is untouched and still takes pledges.
    const laterRow = await db.prisma.fundingRound.findUniqueOrThrow({ where: { id: later.round.id } });
    expect(laterRow).toMatchObject({ status: 'open', closedAt: null, results: null });
    await svc.rounds.pledge(later.c.people[1]!, { roundId: later.round.id, needId: later.niche, amount: 1 });
    now = new Date(now.getTime() - HOUR - 1);
  });

  it('two concurrent runs (and an admin close) close each due round exactly once', async () => {
    const a = await quadraticRound('Race A');
    const b = await quadraticRound('Race B');
    const at = new Date(now.getTime() + HOUR);
    const [first, second, admin] = await Promise.allSettled([svc.rounds.closeDue(at), svc.rounds.closeDue(at), svc.rounds.closeRound(a.c.admin, a.round.id)]);
    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('fulfilled');
    const runs = [first, second].map((r) => (r as PromiseFulfilledResult<{ closed: string[]; skipped: string[] }>).value);
    const closedBySystem = runs.flatMap((r) => r.closed);
    // Each round is closed once in all: by one of the runs, or (round A) by its admin.
    expect(new Set(closedBySystem).size).toBe(closedBySystem.length);
    expect(closedBySystem).toContain(b.round.id);
    const adminClosedA = admin.status === 'fulfilled';
    expect(closedBySystem.includes(a.round.id)).toBe(!adminClosedA);
    if (!adminClosedA) expect((admin as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });

    const rows = await db.prisma.fundingRound.findMany({ where: { id: { in: [a.round.id, b.round.id] } }, select: { id: true, status: true, closedById: true } });
    expect(rows.find((r) => r.id === a.round.id)).toEqual({ id: a.round.id, status: 'closed', closedById: adminClosedA ? a.c.admin.id : null });
    expect(rows.find((r) => r.id === b.round.id)).toEqual({ id: b.round.id, status: 'closed', closedById: null });
    // The funded need of each round was moved (and matched) once, not twice.
    for (const r of [a, b]) {
      expect(await db.prisma.needTransition.count({ where: { needId: r.popular, to: 'funded' } })).toBe(1);
      const need = await db.prisma.need.findUniqueOrThrow({ where: { id: r.popular }, select: { pledged: true } });
      const results = (await db.prisma.fundingRound.findUniqueOrThrow({ where: { id: r.round.id } })).results as { needs: { needId: string; matched: number }[] };
      expect(need.pledged).toBe(12 + results.needs.find((n) => n.needId === r.popular)!.matched);
    }
  });
});
