import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { createHealthRepository, type HealthRepository } from './health.repository';
import { seedSyntheticHistory } from './synthetic-history-seed';

let db: TestDatabase;
let repo: HealthRepository;

beforeAll(async () => {
  db = await createTestDatabase();
  repo = createHealthRepository(db.prisma);
});
afterAll(async () => {
  await db.drop();
});

async function community() {
  const slug = `h-${randomUUID().slice(0, 8)}`;
  return db.prisma.community.create({ data: { slug, name: slug, createdById: 'owner' }, select: { id: true, slug: true } });
}

const at = (iso: string) => new Date(`${iso}Z`);

describe('health repository', () => {
  it('tallies contributions per person and week from the ledger alone: contributing kinds, chat messages not retracted', async () => {
    const c = await community();
    await db.prisma.contributionEvent.createMany({
      data: [
        { userId: 'a', communityId: c.id, kind: 'document.edit', at: at('2026-01-05T10:00:00') },
        { userId: 'a', communityId: c.id, kind: 'need.create', at: at('2026-01-11T23:00:00') },
        { userId: 'a', communityId: c.id, kind: 'pledge', at: at('2026-01-12T00:00:00') },
        { userId: 'a', communityId: c.id, kind: 'community.join', at: at('2026-01-05T10:00:00') },
        { userId: 'b', communityId: c.id, kind: 'project.support', at: at('2026-01-05T10:00:00') },
        { userId: 'b', communityId: c.id, kind: 'thanks.receive', at: at('2026-01-05T10:00:00') },
      ],
    });
    // Chat as the ledger holds it: a message, and one deleted later (its retraction cancels it)
    // whose retraction falls in another week; the same message id of another member is not cancelled.
    await db.prisma.contributionEvent.createMany({
      data: [
        { userId: 'b', communityId: c.id, kind: 'chat.message', ref: { messageId: 'm1' }, at: at('2026-01-06T08:00:00') },
        { userId: 'b', communityId: c.id, kind: 'chat.message', ref: { messageId: 'm2' }, at: at('2026-01-06T08:00:00') },
        { userId: 'b', communityId: c.id, kind: 'chat.message.retract', weight: -1, ref: { messageId: 'm2' }, at: at('2026-01-20T09:00:00') },
        { userId: 'a', communityId: c.id, kind: 'chat.message.retract', weight: -1, ref: { messageId: 'm1' }, at: at('2026-01-20T09:00:00') },
      ],
    });
    // Chat tables are not read: a message row without a ledger row does not count.
    const general = await db.prisma.chatChannel.findFirstOrThrow({ where: { communityId: c.id, kind: 'general' }, select: { id: true } });
    await db.prisma.chatMessage.create({ data: { channelId: general.id, authorId: 'b', clientId: randomUUID(), body: 'hi', createdAt: at('2026-01-06T08:00:00') } });
    const tallies = (await repo.contributionTallies(c.id)).sort((x, y) => `${x.userId}${x.week}`.localeCompare(`${y.userId}${y.week}`));
    expect(tallies).toEqual([
      { userId: 'a', week: '2026-01-05', count: 2 },
      { userId: 'a', week: '2026-01-12', count: 1 },
      { userId: 'b', week: '2026-01-05', count: 1 },
    ]);
  });

  it('records joins and leaves through the membership triggers, not requests', async () => {
    const c = await community();
    await db.prisma.membership.create({ data: { communityId: c.id, userId: 'a', createdAt: at('2025-03-03T09:00:00') } });
    await db.prisma.membership.create({ data: { communityId: c.id, userId: 'b', status: 'requested' } });
    expect(await repo.membershipEvents(c.id)).toEqual([{ userId: 'a', kind: 'join', at: at('2025-03-03T09:00:00') }]);
    await db.prisma.membership.update({ where: { communityId_userId: { communityId: c.id, userId: 'b' } }, data: { status: 'active' } });
    await db.prisma.membership.delete({ where: { communityId_userId: { communityId: c.id, userId: 'a' } } });
    await db.prisma.membership.delete({ where: { communityId_userId: { communityId: c.id, userId: 'b' } } });
    const events = await repo.membershipEvents(c.id);
    expect(events.map((e) => `${e.userId} ${e.kind}`)).toEqual(['a join', 'b join', 'a leave', 'b leave']);
  });

  it('reads need transitions and the credits pledged per need that took part in funding', async () => {
    const c = await community();
    const project = await db.prisma.project.create({ data: { communityId: c.id, slug: 'p', title: 'P', linkKey: randomUUID(), createdById: 'owner' }, select: { id: true } });
    const need = (title: string) =>
      db.prisma.need.create({ data: { projectId: project.id, communityId: c.id, title, effortHours: 1, goal: 100, status: 'open', createdById: 'owner' }, select: { id: true } });
    const [n1, n2] = [await need('one'), await need('two'), await need('three')];
    await db.prisma.needTransition.createMany({
      data: [
        { needId: n1.id, from: 'proposed', to: 'open', at: at('2026-01-05T10:00:00') },
        { needId: n1.id, from: 'open', to: 'funded', at: at('2026-01-06T10:00:00') },
        { needId: n2.id, from: 'proposed', to: 'open', at: at('2026-01-07T10:00:00') },
        { needId: n2.id, from: 'open', to: 'cancelled', at: at('2026-01-08T10:00:00') },
      ],
    });
    expect((await repo.needTransitions(c.id)).map((t) => t.to).sort()).toEqual(['funded', 'open', 'open']);
    const round = await db.prisma.fundingRound.create({
      data: { communityId: c.id, title: 'R', opensAt: at('2026-01-01T00:00:00'), closesAt: at('2026-02-01T00:00:00'), budgetPerMember: 100, createdById: 'owner' },
      select: { id: true },
    });
    await db.prisma.pledge.createMany({
      data: [
        { roundId: round.id, needId: n1.id, userId: 'a', amount: 30 },
        { roundId: round.id, needId: n1.id, userId: 'b', amount: 20 },
      ],
    });
    await db.prisma.pledgeEvent.createMany({
      data: [
        { roundId: round.id, needId: n1.id, userId: 'a', delta: 30, amountAfter: 30 },
        { roundId: round.id, needId: n1.id, userId: 'b', delta: 20, amountAfter: 20 },
        // n2 had a pledge that was withdrawn: it took part, with 0 now
        { roundId: round.id, needId: n2.id, userId: 'a', delta: 5, amountAfter: 5 },
        { roundId: round.id, needId: n2.id, userId: 'a', delta: -5, amountAfter: 0 },
      ],
    });
    // n3 never received a pledge, so it is not one of the needs that took part
    expect((await repo.pledgesPerNeed(c.id)).sort((x, y) => x - y)).toEqual([0, 50]);
  });

  it('seeds a synthetic history once, marked synthetic', async () => {
    const c = await community();
    const opts = { communityId: c.id, seed: 5, weeks: 12, now: at('2026-12-07T12:00:00') };
    const first = await seedSyntheticHistory(repo, opts);
    expect(first.status).toBe('created');
    expect(first.contributions).toBeGreaterThan(0);
    expect(await repo.syntheticCounts(c.id)).toEqual({ contributions: first.contributions, memberships: first.memberships });
    const [again, concurrent] = await Promise.all([seedSyntheticHistory(repo, opts), seedSyntheticHistory(repo, opts)]);
    expect([again.status, concurrent.status]).toEqual(['present', 'present']);
    expect(await repo.syntheticCounts(c.id)).toEqual({ contributions: first.contributions, memberships: first.memberships });
    // a fresh community racing two seeds still gets one history
    const d = await community();
    const both = await Promise.all([seedSyntheticHistory(repo, { ...opts, communityId: d.id }), seedSyntheticHistory(repo, { ...opts, communityId: d.id })]);
    expect(both.map((r) => r.status).sort()).toEqual(['created', 'present']);
    expect((await repo.syntheticCounts(d.id)).memberships).toBe(first.memberships);
    const ledger = await repo.ledger(d.id);
    expect(ledger.contributions.reduce((s, t) => s + t.count, 0)).toBe(first.contributions);
  });
});
