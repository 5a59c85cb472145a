import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the seed script lives with the other demo seeds in scripts/
import { describeFundingDemo, seedFundingDemo } from '../../../../scripts/funding-demo-seed';
import { progressBand } from './direct';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  // The demo community's shape: the three demo accounts, members of it and of its handbook project.
  const people = ['staff', 'researcher', 'member'] as const;
  for (const who of people) await db.prisma.user.create({ data: { id: `demo-${who}`, email: `${who}@example.org`, name: `Demo ${who}`, role: who } });
  const community = await db.prisma.community.create({
    data: { slug: 'p2pvalue-demo', name: 'P2Pvalue demo', createdById: 'demo-staff', memberships: { create: people.map((who) => ({ userId: `demo-${who}`, role: who === 'staff' ? 'owner' : 'member' })) } },
    select: { id: true },
  });
  await db.prisma.project.create({
    data: { communityId: community.id, slug: 'commons-handbook', title: 'Commons handbook', linkKey: 'demo-link-key', createdById: 'demo-staff', members: { create: people.map((who) => ({ userId: `demo-${who}` })) } },
  });
});
afterAll(async () => {
  await db.drop();
});

describe('funding demo seed', () => {
  it('opens a round in the demo community with needs at every progress band, once', async () => {
    const report = await seedFundingDemo(db.prisma);
    expect(report).toEqual({ status: 'created', needs: 6, pledges: 6 });
    expect(describeFundingDemo(report)).toContain('6 need(s)');

    const round = await db.prisma.fundingRound.findFirstOrThrow({ where: { community: { slug: 'p2pvalue-demo' } }, select: { status: true, budgetPerMember: true } });
    expect(round).toEqual({ status: 'open', budgetPerMember: 100 });
    const needs = await db.prisma.need.findMany({ select: { title: true, status: true, goal: true, pledged: true, featured: true } });
    const funded = needs.filter((n) => n.status === 'funded');
    expect(funded).toHaveLength(1);
    const open = needs.filter((n) => n.status === 'open');
    const bands = new Set(open.map((n) => progressBand(n.pledged / n.goal)));
    expect(bands).toEqual(new Set(['low', 'middle', 'high']));
    expect(open.some((n) => n.pledged / n.goal >= 0.75)).toBe(true);
    expect(needs.filter((n) => n.featured)).toHaveLength(1);
    expect(needs.filter((n) => n.status === 'proposed')).toHaveLength(1);
    // Balances and the ledger agree with the pledges (the services wrote them).
    const spent = await db.prisma.fundingBalance.aggregate({ _sum: { spent: true } });
    const pledged = await db.prisma.pledge.aggregate({ _sum: { amount: true } });
    expect(spent._sum.spent).toBe(pledged._sum.amount);
    expect(await db.prisma.pledgeEvent.count()).toBe(6);
    // Nobody is left an unread notification by the seed: the round's opening is in their centre, read.
    expect(await db.prisma.notification.count({ where: { readAt: null } })).toBe(0);
    expect(await db.prisma.notification.count({ where: { kind: 'round.opened' } })).toBe(2);

    expect(await seedFundingDemo(db.prisma)).toEqual({ status: 'present', needs: 0, pledges: 0 });
    expect(await db.prisma.need.count()).toBe(6);
    expect(await db.prisma.pledge.count()).toBe(6);
  });
});
