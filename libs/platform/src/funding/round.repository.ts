import type { Prisma, PrismaClient } from '@p2pvalue/db';
import type { Tx } from './need.repository';

type Client = PrismaClient | Tx;

export type TFundingMechanism = 'direct' | 'quadratic';
export type TRoundStatus = 'scheduled' | 'open' | 'closed';
export type TBudgetMode = 'equal' | 'earned';

export interface RoundRow {
  id: string;
  communityId: string;
  title: string;
  opensAt: Date;
  closesAt: Date;
  budgetPerMember: number;
  budgetMode: TBudgetMode;
  /** Earned rounds: the `EarnedRule` (see earned-budget.ts). */
  earnedRule: unknown;
  memberCapPerNeed: number | null;
  minimumGoal: number;
  allowStretch: boolean;
  mechanism: TFundingMechanism;
  matchingPool: number;
  capRatio: number | null;
  status: TRoundStatus;
  results: unknown;
  createdById: string;
  closedById: string | null;
  closedAt: Date | null;
  createdAt: Date;
}

const roundSelect = {
  id: true,
  communityId: true,
  title: true,
  opensAt: true,
  closesAt: true,
  budgetPerMember: true,
  budgetMode: true,
  earnedRule: true,
  memberCapPerNeed: true,
  minimumGoal: true,
  allowStretch: true,
  mechanism: true,
  matchingPool: true,
  capRatio: true,
  status: true,
  results: true,
  createdById: true,
  closedById: true,
  closedAt: true,
  createdAt: true,
} as const;

export interface BalanceRow {
  granted: number;
  spent: number;
}

export interface EarnedGrant {
  userId: string;
  granted: number;
  earnedPoints: number;
}

export interface PledgeEventRow {
  id: bigint;
  needId: string;
  userId: string;
  delta: number;
  amountAfter: number;
  at: Date;
}

/** Funding rounds, member balances, pledges and the append-only pledge ledger. */
export function createRoundRepository(db: PrismaClient) {
  return {
    findById(id: string, client: Client = db): Promise<RoundRow | null> {
      return client.fundingRound.findUnique({ where: { id }, select: roundSelect });
    },

    findOpen(communityId: string): Promise<RoundRow | null> {
      return db.fundingRound.findFirst({ where: { communityId, status: 'open' }, select: roundSelect });
    },

    /** Ids of open rounds whose window has ended (`closesAt <= now`), oldest first. */
    async listDueIds(now: Date, take: number): Promise<string[]> {
      const rows = await db.fundingRound.findMany({ where: { status: 'open', closesAt: { lte: now } }, orderBy: [{ closesAt: 'asc' }, { id: 'asc' }], take, select: { id: true } });
      return rows.map((r) => r.id);
    },

    findScheduled(communityId: string, client: Client = db): Promise<RoundRow | null> {
      return client.fundingRound.findFirst({ where: { communityId, status: 'scheduled' }, orderBy: [{ opensAt: 'asc' }], select: roundSelect });
    },

    /** Ids of scheduled rounds whose opening time has come (`opensAt <= now`), oldest first. */
    async listOpeningIds(now: Date, take: number): Promise<string[]> {
      const rows = await db.fundingRound.findMany({ where: { status: 'scheduled', opensAt: { lte: now } }, orderBy: [{ opensAt: 'asc' }, { id: 'asc' }], take, select: { id: true } });
      return rows.map((r) => r.id);
    },

    /**
     * Serialises the creation of a community's rounds (open now or scheduled) until the transaction
     * ends, so two admins cannot both schedule one.
     */
    async lockCommunityRounds(tx: Tx, communityId: string): Promise<void> {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'funding_round:' + communityId}))`;
    },

    async markOpen(tx: Tx, id: string): Promise<RoundRow> {
      return tx.fundingRound.update({ where: { id }, data: { status: 'open' }, select: roundSelect });
    },

    /** Removes a scheduled round (it has no balances, pledges or ledger yet). */
    async deleteScheduled(tx: Tx, id: string): Promise<boolean> {
      const { count } = await tx.fundingRound.deleteMany({ where: { id, status: 'scheduled' } });
      return count === 1;
    },

    /** Live totals of a round: credits pledged now, members who pledged, needs with pledges. */
    async liveTotals(roundId: string): Promise<{ pledged: number; pledgers: number; needs: number }> {
      const rows = await db.$queryRaw<{ pledged: bigint | null; pledgers: bigint; needs: bigint }[]>`
        SELECT COALESCE(SUM("amount"), 0) AS "pledged", COUNT(DISTINCT "userId") AS "pledgers", COUNT(DISTINCT "needId") AS "needs"
        FROM "pledge" WHERE "roundId" = ${roundId}`;
      const row = rows[0];
      return { pledged: Number(row?.pledged ?? 0), pledgers: Number(row?.pledgers ?? 0), needs: Number(row?.needs ?? 0) };
    },

    listForCommunity(communityId: string, take: number): Promise<RoundRow[]> {
      return db.fundingRound.findMany({ where: { communityId }, orderBy: [{ createdAt: 'desc' }], take, select: roundSelect });
    },

    /**
     * Locks the round row: `share` for pledges (many at once), `update` for closing, which waits
     * for pledges in flight and makes later ones see the round closed.
     */
    async lockRound(tx: Tx, id: string, mode: 'share' | 'update'): Promise<RoundRow | null> {
      const locked =
        mode === 'share'
          ? await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "funding_round" WHERE "id" = ${id} FOR SHARE`
          : await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "funding_round" WHERE "id" = ${id} FOR UPDATE`;
      return locked.length === 0 ? null : tx.fundingRound.findUnique({ where: { id }, select: roundSelect });
    },

    create(tx: Tx, data: Omit<RoundRow, 'id' | 'status' | 'results' | 'closedById' | 'closedAt' | 'createdAt' | 'earnedRule'> & { status?: 'scheduled' | 'open'; earnedRule: Prisma.InputJsonValue | null }): Promise<RoundRow> {
      const { earnedRule, ...rest } = data;
      return tx.fundingRound.create({ data: { ...rest, ...(earnedRule === null ? {} : { earnedRule }) }, select: roundSelect });
    },

    /** Stores the earned rule with its window resolved at the opening. */
    async setEarnedRule(tx: Tx, id: string, earnedRule: Prisma.InputJsonValue): Promise<void> {
      await tx.fundingRound.update({ where: { id }, data: { earnedRule }, select: { id: true } });
    },

    /** When the community's latest round before `before` opened (other than `exceptId`); scheduled rounds have not opened. */
    async previousOpening(tx: Client, communityId: string, before: Date, exceptId: string | null): Promise<Date | null> {
      const row = await tx.fundingRound.findFirst({
        where: { communityId, status: { not: 'scheduled' }, opensAt: { lt: before }, ...(exceptId ? { id: { not: exceptId } } : {}) },
        orderBy: [{ opensAt: 'desc' }],
        select: { opensAt: true },
      });
      return row?.opensAt ?? null;
    },

    /** Points each member earned in the community with `start ≤ at < end` (positive entries only: spending does not lower it). */
    async pointsEarnedIn(communityId: string, userIds: string[], start: Date | null, end: Date, client: Client = db): Promise<Map<string, number>> {
      if (userIds.length === 0) return new Map();
      const rows = await client.pointsEntry.groupBy({
        by: ['userId'],
        where: { communityId, userId: { in: userIds }, delta: { gt: 0 }, at: { ...(start ? { gte: start } : {}), lt: end } },
        _sum: { delta: true },
      });
      return new Map(rows.map((r) => [r.userId, r._sum.delta ?? 0]));
    },

    async grantEarnedBudgets(tx: Tx, roundId: string, grants: EarnedGrant[]): Promise<void> {
      if (grants.length > 0) await tx.fundingBalance.createMany({ data: grants.map((g) => ({ roundId, ...g })), skipDuplicates: true });
    },

    /** The member's balance row when it exists (inside the caller's transaction). */
    hasBalance(tx: Tx, roundId: string, userId: string): Promise<{ granted: number } | null> {
      return tx.fundingBalance.findUnique({ where: { roundId_userId: { roundId, userId } }, select: { granted: true } });
    },

    async grantBudgets(tx: Tx, roundId: string, userIds: string[], granted: number): Promise<void> {
      if (userIds.length > 0) await tx.fundingBalance.createMany({ data: userIds.map((userId) => ({ roundId, userId, granted })), skipDuplicates: true });
    },

    /**
     * The member's balance row, created with the round's budget when missing (members who joined
     * after the round opened), locked FOR UPDATE until the transaction ends.
     */
    async lockBalance(tx: Tx, roundId: string, userId: string, budget: number, earnedPoints: number | null = null): Promise<BalanceRow> {
      await tx.$executeRaw`INSERT INTO "funding_balance" ("roundId", "userId", "granted", "earnedPoints") VALUES (${roundId}, ${userId}, ${budget}, ${earnedPoints}) ON CONFLICT DO NOTHING`;
      const rows = await tx.$queryRaw<BalanceRow[]>`SELECT "granted", "spent" FROM "funding_balance" WHERE "roundId" = ${roundId} AND "userId" = ${userId} FOR UPDATE`;
      const row = rows[0];
      if (!row) throw new Error('balance row vanished');
      return { granted: Number(row.granted), spent: Number(row.spent) };
    },

    findBalance(roundId: string, userId: string): Promise<(BalanceRow & { earnedPoints: number | null }) | null> {
      return db.fundingBalance.findUnique({ where: { roundId_userId: { roundId, userId } }, select: { granted: true, spent: true, earnedPoints: true } });
    },

    async addGranted(tx: Tx, roundId: string, userId: string, delta: number): Promise<void> {
      await tx.fundingBalance.update({ where: { roundId_userId: { roundId, userId } }, data: { granted: { increment: delta } }, select: { roundId: true } });
    },

    async addSpent(tx: Tx, roundId: string, userId: string, delta: number): Promise<void> {
      await tx.fundingBalance.update({ where: { roundId_userId: { roundId, userId } }, data: { spent: { increment: delta } }, select: { roundId: true } });
    },

    async currentPledge(tx: Client, roundId: string, needId: string, userId: string): Promise<number> {
      const row = await tx.pledge.findUnique({ where: { roundId_needId_userId: { roundId, needId, userId } }, select: { amount: true } });
      return row?.amount ?? 0;
    },

    /** Sets the member's pledge (deleting it at 0) and appends the change to the ledger. */
    async setPledge(tx: Tx, input: { roundId: string; needId: string; userId: string; amount: number; delta: number; at: Date }): Promise<void> {
      const key = { roundId_needId_userId: { roundId: input.roundId, needId: input.needId, userId: input.userId } };
      if (input.amount === 0) await tx.pledge.delete({ where: key, select: { amount: true } });
      else {
        await tx.pledge.upsert({
          where: key,
          create: { roundId: input.roundId, needId: input.needId, userId: input.userId, amount: input.amount },
          update: { amount: input.amount },
          select: { amount: true },
        });
      }
      await tx.pledgeEvent.create({
        data: { roundId: input.roundId, needId: input.needId, userId: input.userId, delta: input.delta, amountAfter: input.amount, at: input.at },
        select: { id: true },
      });
    },

    listPledges(roundId: string, client: Client = db): Promise<{ needId: string; userId: string; amount: number }[]> {
      return client.pledge.findMany({ where: { roundId }, orderBy: [{ needId: 'asc' }, { userId: 'asc' }], select: { needId: true, userId: true, amount: true } });
    },

    listMemberPledges(roundId: string, userId: string): Promise<{ needId: string; amount: number }[]> {
      return db.pledge.findMany({ where: { roundId, userId }, select: { needId: true, amount: true } });
    },

    listLedger(roundId: string, take: number): Promise<PledgeEventRow[]> {
      return db.pledgeEvent.findMany({ where: { roundId }, orderBy: [{ id: 'asc' }], take, select: { id: true, needId: true, userId: true, delta: true, amountAfter: true, at: true } });
    },

    async close(tx: Tx, id: string, input: { closedById: string | null; closedAt: Date; results: Prisma.InputJsonValue }): Promise<RoundRow> {
      return tx.fundingRound.update({ where: { id }, data: { status: 'closed', ...input }, select: roundSelect });
    },
  };
}

export type RoundRepository = ReturnType<typeof createRoundRepository>;
