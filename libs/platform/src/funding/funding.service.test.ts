import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { isAppError } from '@p2pvalue/shared';
import type { AccessActor } from '../access/access.policy';
import { createPlatformServices, type PlatformServices } from '../platform-services';
import { fundingFixtures, noLiveDocuments } from './testing/funding-fixtures';

let db: TestDatabase;
let svc: PlatformServices;
let now = new Date('2026-12-07T10:00:00Z');
const { community, openNeed } = fundingFixtures('fund', () => ({ prisma: db.prisma, svc }));

/** Everything a pledge can change, to show that refused pledges change nothing. */
async function fundingState(roundId: string) {
  const [balances, pledges, ledger, needs, contributions] = await Promise.all([
    db.prisma.fundingBalance.findMany({ where: { roundId }, orderBy: { userId: 'asc' }, select: { userId: true, granted: true, spent: true } }),
    db.prisma.pledge.findMany({ where: { roundId }, orderBy: [{ needId: 'asc' }, { userId: 'asc' }], select: { needId: true, userId: true, amount: true } }),
    db.prisma.pledgeEvent.count({ where: { roundId } }),
    db.prisma.need.findMany({ orderBy: { id: 'asc' }, select: { id: true, pledged: true, status: true } }),
    db.prisma.contributionEvent.count(),
  ]);
  return { balances, pledges, ledger, needs, contributions };
}

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return isAppError(error) ? { code: error.code, reason: error.details?.reason, message: error.userMessage } : { code: 'NOT_APP_ERROR', reason: undefined, message: String(error) };
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  db = await createTestDatabase();
  svc = createPlatformServices({ db: db.prisma, live: noLiveDocuments, clock: () => now });
});
afterAll(async () => {
  await db.drop();
});

describe('pledges under concurrency', () => {
  it('50 parallel pledges beyond budgets and goals never overspend a balance or overfund a need', async () => {
    const c = await community(5);
    const needIds: string[] = [];
    for (let i = 0; i < 5; i += 1) needIds.push(await openNeed(c, { title: `Need ${i}`, goal: 12 }));
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Rush', closesAt: new Date(now.getTime() + 86_400_000), budgetPerMember: 20 });

    // Each member asks for 4 or 6 credits on each of the five needs, twice: up to 30 per member
    // (budget 20) and up to 30 per need (goal 12).
    const attempts = c.people.flatMap((member, m) => needIds.flatMap((needId, n) => [4, 6].map((amount) => ({ member, needId, amount: (m + n) % 2 === 0 ? amount : 10 - amount }))));
    expect(attempts).toHaveLength(50);
    const outcomes = await Promise.allSettled(attempts.map((a) => svc.rounds.pledge(a.member, { roundId: round.id, needId: a.needId, amount: a.amount })));

    const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason as unknown);
    expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) {
      expect(isAppError(error)).toBe(true);
      if (!isAppError(error)) continue;
      expect(error.code).toBe('CONFLICT');
      expect(['INSUFFICIENT_BALANCE', 'OVER_GOAL']).toContain(error.details?.reason);
      expect(error.userMessage).toMatch(/credits|fully funded/);
    }

    const state = await fundingState(round.id);
    for (const b of state.balances) {
      expect(b.spent).toBeGreaterThanOrEqual(0);
      expect(b.spent).toBeLessThanOrEqual(b.granted);
      expect(b.spent).toBe(state.pledges.filter((p) => p.userId === b.userId).reduce((a, p) => a + p.amount, 0));
    }
    for (const needId of needIds) {
      const need = state.needs.find((n) => n.id === needId)!;
      const pledged = state.pledges.filter((p) => p.needId === needId).reduce((a, p) => a + p.amount, 0);
      expect(need.pledged).toBe(pledged);
      expect(need.pledged).toBeLessThanOrEqual(12);
      expect(need.status).toBe(need.pledged === 12 ? 'funded' : 'open');
    }
    // The ledger replays to the current pledges.
    const ledger = await db.prisma.pledgeEvent.findMany({ where: { roundId: round.id }, select: { needId: true, userId: true, delta: true } });
    for (const p of state.pledges) expect(ledger.filter((e) => e.needId === p.needId && e.userId === p.userId).reduce((a, e) => a + e.delta, 0)).toBe(p.amount);
  });

  it('one member racing for their last credits on one need with a stretch goal stays within both', async () => {
    const c = await community(1);
    const member = c.people[0]!;
    const needs = [await openNeed(c, { title: 'Big', goal: 30, stretchGoal: 40 }), await openNeed(c, { title: 'Small', goal: 5 })];
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Stretch', closesAt: new Date(now.getTime() + 86_400_000), budgetPerMember: 35, allowStretch: true });
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => svc.rounds.pledge(member, { roundId: round.id, needId: needs[i % 2]!, amount: 1 + (i % 7) * 5 })));
    expect(outcomes.some((o) => o.status === 'rejected')).toBe(true);
    const state = await fundingState(round.id);
    expect(state.balances[0]!.spent).toBeLessThanOrEqual(35);
    const big = state.needs.find((n) => n.id === needs[0])!;
    const small = state.needs.find((n) => n.id === needs[1])!;
    expect(big.pledged).toBeLessThanOrEqual(40);
    expect(small.pledged).toBeLessThanOrEqual(5);
    expect(big.pledged + small.pledged).toBe(state.balances[0]!.spent);
  });
});

describe('closing while pledges are in flight', () => {
  it('freezes exactly what was committed: the results match the ledger and later pledges are refused', async () => {
    const c = await community(4);
    const needIds = [await openNeed(c, { title: 'Race one', goal: 40 }), await openNeed(c, { title: 'Race two', goal: 40 })];
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Racing close', closesAt: new Date(now.getTime() + 86_400_000), budgetPerMember: 30 });
    const pledges = c.people.flatMap((member, m) => needIds.flatMap((needId, n) => [1, 2, 3].map((k) => () => svc.rounds.pledge(member, { roundId: round.id, needId, amount: k + m + n }))));
    const outcomes = await Promise.allSettled([...pledges.slice(0, 12).map((p) => p()), svc.rounds.closeRound(c.admin, round.id), ...pledges.slice(12).map((p) => p())]);
    const closed = outcomes[12]!;
    expect(closed.status).toBe('fulfilled');
    for (const o of outcomes) {
      if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: expect.stringMatching(/CONFLICT|BAD_REQUEST/) });
    }
    const results = (await svc.rounds.getRoundOrThrow(c.admin, round.id)).results!;
    const ledger = await db.prisma.pledgeEvent.findMany({ where: { roundId: round.id }, select: { needId: true, delta: true } });
    const pledgedPerNeed = (needId: string) => ledger.filter((e) => e.needId === needId).reduce((a, e) => a + e.delta, 0);
    for (const entry of results.needs) expect(entry.pledged).toBe(pledgedPerNeed(entry.needId));
    expect(results.totals.pledged).toBe(ledger.reduce((a, e) => a + e.delta, 0));
    expect(await errorOf(svc.rounds.pledge(c.people[0]!, { roundId: round.id, needId: needIds[0]!, amount: 1 }))).toMatchObject({ reason: 'ROUND_CLOSED' });
  });
});

describe('bad pledges are refused with typed errors and change nothing', () => {
  it('refuses negative, zero, fractional, over-cap, unknown, foreign, non-member and after-close pledges', async () => {
    const c = await community(2);
    const other = await community(1);
    const [ana, ben] = c.people as [AccessActor, AccessActor];
    const needId = await openNeed(c, { title: 'Paint the wall', goal: 50 });
    const proposed = (await svc.needs.createNeed(c.admin, { projectId: c.projectId, title: 'Not yet open', goal: 10, effortHours: 1 })).id;
    const foreignNeed = await openNeed(other, { title: 'Elsewhere', goal: 10 });
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Round R', closesAt: new Date(now.getTime() + 3_600_000), budgetPerMember: 30, memberCapPerNeed: 10 });
    await svc.rounds.pledge(ana, { roundId: round.id, needId, amount: 5 });
    const before = await fundingState(round.id);

    const cases: [string, () => Promise<unknown>, { code: string; reason?: string }][] = [
      ['negative', () => svc.rounds.pledge(ben, { roundId: round.id, needId, amount: -3 }), { code: 'BAD_REQUEST', reason: 'NOT_WHOLE_CREDITS' }],
      ['zero', () => svc.rounds.pledge(ben, { roundId: round.id, needId, amount: 0 }), { code: 'BAD_REQUEST', reason: 'NOT_WHOLE_CREDITS' }],
      ['fractional', () => svc.rounds.pledge(ben, { roundId: round.id, needId, amount: 2.5 }), { code: 'BAD_REQUEST', reason: 'NOT_WHOLE_CREDITS' }],
      ['over the cap', () => svc.rounds.pledge(ben, { roundId: round.id, needId, amount: 11 }), { code: 'BAD_REQUEST', reason: 'OVER_MEMBER_CAP' }],
      ['unknown need', () => svc.rounds.pledge(ben, { roundId: round.id, needId: randomUUID(), amount: 1 }), { code: 'NOT_FOUND' }],
      ['unknown round', () => svc.rounds.pledge(ben, { roundId: randomUUID(), needId, amount: 1 }), { code: 'NOT_FOUND' }],
      ['need of another community', () => svc.rounds.pledge(ben, { roundId: round.id, needId: foreignNeed, amount: 1 }), { code: 'BAD_REQUEST', reason: 'NEED_NOT_IN_ROUND' }],
      ['need not open', () => svc.rounds.pledge(ben, { roundId: round.id, needId: proposed, amount: 1 }), { code: 'CONFLICT', reason: 'NEED_NOT_OPEN' }],
      ['outsider', () => svc.rounds.pledge(other.people[0]!, { roundId: round.id, needId, amount: 1 }), { code: 'FORBIDDEN' }],
      ['withdraw without a pledge', () => svc.rounds.withdraw(ben, { roundId: round.id, needId }), { code: 'NOT_FOUND', reason: 'NOT_PLEDGED' }],
    ];
    for (const [label, attempt, expected] of cases) {
      const error = await errorOf(attempt());
      expect({ label, code: error.code, reason: error.reason }).toEqual({ label, code: expected.code, reason: expected.reason });
      expect(error.message.length).toBeGreaterThan(5);
    }
    expect(await fundingState(round.id)).toEqual(before);

    // After the window ends, and after the round is closed, nothing moves either.
    now = new Date(now.getTime() + 2 * 3_600_000);
    expect(await errorOf(svc.rounds.pledge(ana, { roundId: round.id, needId, amount: 6 }))).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_CLOSED' });
    await svc.rounds.closeRound(c.admin, round.id);
    const closed = await fundingState(round.id);
    expect(await errorOf(svc.rounds.pledge(ana, { roundId: round.id, needId, amount: 6 }))).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_CLOSED' });
    expect(await errorOf(svc.rounds.withdraw(ana, { roundId: round.id, needId }))).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_CLOSED' });
    expect(await fundingState(round.id)).toEqual(closed);
    expect(await errorOf(svc.rounds.closeRound(c.admin, round.id))).toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps one open round per community and lets only admins open and close', async () => {
    const c = await community(1);
    const closesAt = new Date(now.getTime() + 86_400_000);
    expect(await errorOf(svc.rounds.openRound(c.people[0]!, { community: c.slug, title: 'Mine', closesAt, budgetPerMember: 10 }))).toMatchObject({ code: 'FORBIDDEN' });
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'First', closesAt, budgetPerMember: 10 });
    expect(await errorOf(svc.rounds.openRound(c.admin, { community: c.slug, title: 'Second', closesAt, budgetPerMember: 10 }))).toMatchObject({ code: 'CONFLICT' });
    expect(await errorOf(svc.rounds.closeRound(c.people[0]!, round.id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.prisma.fundingBalance.count({ where: { roundId: round.id } })).toBe(2);
  });

  it('the database refuses what the services never do (CHECK constraints, append-only ledger)', async () => {
    const c = await community(1);
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Checks', closesAt: new Date(now.getTime() + 86_400_000), budgetPerMember: 10 });
    await expect(db.prisma.fundingBalance.update({ where: { roundId_userId: { roundId: round.id, userId: c.admin.id } }, data: { spent: 11 } })).rejects.toThrow();
    await expect(db.prisma.fundingBalance.update({ where: { roundId_userId: { roundId: round.id, userId: c.admin.id } }, data: { spent: -1 } })).rejects.toThrow();
    const needId = await openNeed(c, { title: 'Guarded', goal: 5 });
    await svc.rounds.pledge(c.people[0]!, { roundId: round.id, needId, amount: 2 });
    await expect(db.prisma.pledge.updateMany({ where: { needId }, data: { amount: 0 } })).rejects.toThrow();
    await expect(db.prisma.pledgeEvent.deleteMany({ where: { needId } })).rejects.toThrow(/append-only/);
  });
});

describe('need lifecycle, points, bounties and thanks', () => {
  it('funds, claims, completes and verifies a need; pays points and bounties; records every step', async () => {
    const c = await community(3);
    const [ana, ben, cai] = c.people as [AccessActor, AccessActor, AccessActor];
    const need = await svc.needs.createNeed(ana, { projectId: c.projectId, title: 'Translate the guide', goal: 10, effortHours: 3, skills: ['Catalan', 'catalan'] });
    expect(need).toMatchObject({ status: 'proposed', skills: ['catalan'], permissions: { canOpen: false, canEdit: true } });
    expect(await errorOf(svc.needs.act(ana, { needId: need.id, action: 'open' }))).toMatchObject({ code: 'FORBIDDEN' });
    await svc.needs.act(c.admin, { needId: need.id, action: 'open' });
    await svc.needs.setFeatured(c.admin, { needId: need.id, featured: true });
    expect((await svc.needs.listFeatured(ana, c.slug)).map((n) => n.id)).toEqual([need.id]);

    // Ben earns points elsewhere first, so he can put up a bounty.
    await db.prisma.pointsEntry.create({ data: { userId: ben.id, communityId: c.communityId, delta: 30, reason: 'seed' } });
    expect(await errorOf(svc.needs.attachBounty(ben, { needId: need.id, points: 31 }))).toMatchObject({ code: 'CONFLICT', reason: 'INSUFFICIENT_POINTS' });
    await svc.needs.attachBounty(ben, { needId: need.id, points: 20 });

    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Autumn', closesAt: new Date(now.getTime() + 86_400_000), budgetPerMember: 8 });
    expect(await errorOf(svc.needs.act(ben, { needId: need.id, action: 'claim' }))).toMatchObject({ code: 'CONFLICT' });
    await svc.rounds.pledge(ana, { roundId: round.id, needId: need.id, amount: 6 });
    const funded = await svc.rounds.pledge(ben, { roundId: round.id, needId: need.id, amount: 4 });
    expect(funded).toMatchObject({ needPledged: 10, needStatus: 'funded', balance: 4 });

    // Withdrawing below the goal unfunds it again; pledging back funds it.
    expect(await svc.rounds.withdraw(ben, { roundId: round.id, needId: need.id })).toMatchObject({ needStatus: 'open', balance: 8 });
    await svc.rounds.pledge(ben, { roundId: round.id, needId: need.id, amount: 4 });

    const claimed = await svc.needs.act(cai, { needId: need.id, action: 'claim' });
    expect(claimed).toMatchObject({ status: 'in_progress', featured: false, assignees: [{ userId: cai.id }] });
    expect(await errorOf(svc.rounds.withdraw(ana, { roundId: round.id, needId: need.id }))).toMatchObject({ code: 'CONFLICT', reason: 'NEED_NOT_OPEN' });
    expect(await errorOf(svc.needs.act(ana, { needId: need.id, action: 'complete' }))).toMatchObject({ code: 'FORBIDDEN' });
    await svc.needs.act(cai, { needId: need.id, action: 'complete' });
    expect(await errorOf(svc.needs.act(cai, { needId: need.id, action: 'verify' }))).toMatchObject({ code: 'FORBIDDEN' });
    const verified = await svc.needs.act(ana, { needId: need.id, action: 'verify', note: 'Checked every page' });
    expect(verified.status).toBe('verified');
    expect(verified.bounties).toEqual([{ userName: expect.any(String), points: 20, paid: true }]);
    expect(verified.transitions.map((t) => `${t.from ?? '-'}>${t.to}`)).toEqual([
      '->proposed',
      'proposed>open',
      'open>funded',
      'funded>open',
      'open>funded',
      'funded>in_progress',
      'in_progress>done',
      'done>verified',
    ]);

    await svc.recognition.thank(ana, { community: c.slug, toUserId: cai.id, note: 'Lovely translation', needId: need.id });
    expect(await errorOf(svc.recognition.thank(ana, { community: c.slug, toUserId: ana.id, note: 'Me' }))).toMatchObject({ code: 'BAD_REQUEST' });

    const profile = await svc.recognition.profile(ben, cai.id);
    expect(profile).toMatchObject({ points: 3 * 10 + 20, pointsEarned: 50, thanksReceived: [{ note: 'Lovely translation', needTitle: 'Translate the guide' }] });
    // 50 points + one thanks (5) + one verified need (20), all today.
    expect(profile.reputation.score).toBe(75);
    expect(profile.contributions.map((e) => e.kind).sort()).toEqual(['bounty.paid', 'need.claim', 'need.complete', 'thanks.receive']);
    expect((await svc.recognition.profile(ben, ben.id)).points).toBe(10);

    const kinds = (await db.prisma.contributionEvent.findMany({ where: { communityId: c.communityId }, select: { kind: true } })).map((e) => e.kind);
    for (const kind of ['need.create', 'need.open', 'need.feature', 'bounty.attach', 'round.open', 'pledge', 'need.funded', 'need.claim', 'need.complete', 'need.verify', 'bounty.paid', 'thanks.give', 'thanks.receive']) {
      expect(kinds).toContain(kind);
    }
    expect(kinds.filter((k) => k === 'pledge')).toHaveLength(4);
  });

  it('cancelling a need gives pledges and bounties back', async () => {
    const c = await community(1);
    const ana = c.people[0]!;
    const needId = await openNeed(c, { title: 'Maybe later', goal: 10 });
    await db.prisma.pointsEntry.create({ data: { userId: ana.id, communityId: c.communityId, delta: 5, reason: 'seed' } });
    await svc.needs.attachBounty(ana, { needId, points: 5 });
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Round R', closesAt: new Date(now.getTime() + 86_400_000), budgetPerMember: 8 });
    await svc.rounds.pledge(ana, { roundId: round.id, needId, amount: 7 });
    const cancelled = await svc.needs.act(c.admin, { needId, action: 'cancel' });
    expect(cancelled).toMatchObject({ status: 'cancelled', pledged: 0, bountyTotal: 0 });
    expect((await svc.rounds.getRoundOrThrow(ana, round.id)).me).toMatchObject({ balance: 8, pledges: [] });
    expect((await svc.recognition.profile(ana, ana.id)).points).toBe(5);
  });
});

describe('editing needs', () => {
  it('lets participants edit until funded, never below what is pledged', async () => {
    const c = await community(1);
    const ana = c.people[0]!;
    const outsider = (await community(1)).people[0]!;
    const needId = await openNeed(c, { title: 'Print flyers', goal: 10 });
    const round = await svc.rounds.openRound(c.admin, { community: c.slug, title: 'Edit round', closesAt: new Date(now.getTime() + 86_400_000), budgetPerMember: 10 });
    await svc.rounds.pledge(ana, { roundId: round.id, needId, amount: 6 });
    expect(await errorOf(svc.needs.updateNeed(outsider, { needId, title: 'Hijacked' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf(svc.needs.updateNeed(ana, { needId, goal: 5 }))).toMatchObject({ code: 'CONFLICT' });
    expect(await errorOf(svc.needs.updateNeed(ana, { needId, stretchGoal: 8 }))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await svc.needs.updateNeed(ana, { needId, goal: 7, description: 'Two hundred, A5' })).toMatchObject({ goal: 7, description: 'Two hundred, A5', pledged: 6 });
    await svc.rounds.pledge(ana, { roundId: round.id, needId, amount: 7 });
    expect(await errorOf(svc.needs.updateNeed(ana, { needId, title: 'Too late' }))).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('quadratic rounds', () => {
  it('freezes results at close: matching by linear QF with the cap, redistributed, in whole credits', async () => {
    const c = await community(2);
    const [ana, ben] = c.people as [AccessActor, AccessActor];
    const x = await openNeed(c, { title: 'Need X', goal: 100 });
    const y = await openNeed(c, { title: 'Need Y', goal: 20 });
    const z = await openNeed(c, { title: 'Need Z', goal: 60 });
    const round = await svc.rounds.openRound(c.admin, {
      community: c.slug,
      title: 'QF round',
      closesAt: new Date(now.getTime() + 86_400_000),
      budgetPerMember: 20,
      mechanism: 'quadratic',
      matchingPool: 140,
      capRatio: 0.5,
    });
    for (const [who, need, amount] of [
      [ana, x, 4],
      [ben, x, 4],
      [ana, y, 1],
      [ben, y, 1],
      [ana, z, 1],
      [ben, z, 4],
    ] as const) {
      await svc.rounds.pledge(who, { roundId: round.id, needId: need, amount });
    }
    // Quadratic rounds fund at close, not when pledges reach the goal.
    expect((await svc.needs.getNeedOrThrow(ana, y)).status).toBe('open');
    const closed = await svc.rounds.closeRound(c.admin, round.id);
    // Weights (Σ√c)² − Σc: X 8, Y 2, Z 4 → 80, 20, 40; cap 70 cuts X by 10, shared 2:4 → Y 23⅓, Z 46⅔ → 23, 47.
    expect(closed.results?.needs.map((n) => [n.title, n.pledged, n.matched, n.funded])).toEqual([
      ['Need Y', 2, 23, true],
      ['Need Z', 5, 47, false],
      ['Need X', 8, 70, false],
    ]);
    expect(closed.results?.totals).toEqual({ pledged: 15, matched: 140, unallocated: 0, pledgers: 2, funded: 1, unfunded: 2 });
    const after = await db.prisma.need.findMany({ where: { id: { in: [x, y, z] } }, orderBy: { title: 'asc' }, select: { title: true, status: true, pledged: true } });
    expect(after).toEqual([
      { title: 'Need X', status: 'open', pledged: 0 },
      { title: 'Need Y', status: 'funded', pledged: 25 },
      { title: 'Need Z', status: 'open', pledged: 0 },
    ]);
    const ledger = await svc.rounds.ledger(ana, round.id);
    expect(ledger).toHaveLength(6);
    expect(ledger.map((e) => e.needTitle)).toEqual(['Need X', 'Need X', 'Need Y', 'Need Y', 'Need Z', 'Need Z']);
  });
});
