import { Prisma, type PrismaClient } from '@p2pvalue/db';
import type { ContributionTally, HealthLedger, MembershipFlowEvent, NeedFlowEvent } from './health.types';
import type { SyntheticHistory } from './synthetic-history';

const INSERT_CHUNK = 5_000;

/**
 * Ledger kinds that are not a member's own contribution: joining is membership flow, supporting
 * a project is the model's consumption ("like"), thanks received are someone else's act, and a
 * chat message's retraction only cancels its posting (see `contributionTallies`).
 */
export const NON_CONTRIBUTION_KINDS = ['community.join', 'project.support', 'thanks.receive', 'chat.message.retract'] as const;

export interface SyntheticCounts {
  contributions: number;
  memberships: number;
}

/** Reads the community-health inputs (docs/health.md gives each query's meaning). */
export function createHealthRepository(db: PrismaClient) {
  return {
    /**
     * Contributions per person and week, from the ledger only: rows of contributing kinds, where a
     * chat message later deleted (a `chat.message.retract` row names it) does not count.
     */
    async contributionTallies(communityId: string): Promise<ContributionTally[]> {
      const excluded = Prisma.join(NON_CONTRIBUTION_KINDS.map((k) => Prisma.sql`${k}`));
      const rows = await db.$queryRaw<{ userId: string; week: string; count: number }[]>`
        SELECT e."userId", to_char(date_trunc('week', e."at"), 'YYYY-MM-DD') AS "week", count(*)::int AS "count"
          FROM "contribution_event" e
         WHERE e."communityId" = ${communityId} AND e."kind" NOT IN (${excluded})
           AND NOT (e."kind" = 'chat.message' AND EXISTS (
             SELECT 1 FROM "contribution_event" r
              WHERE r."communityId" = e."communityId" AND r."userId" = e."userId" AND r."kind" = 'chat.message.retract'
                AND r."ref"->>'messageId' = e."ref"->>'messageId'))
         GROUP BY 1, 2`;
      return rows.map((r) => ({ userId: r.userId, week: r.week, count: Number(r.count) }));
    },

    async membershipEvents(communityId: string): Promise<MembershipFlowEvent[]> {
      return db.membershipEvent.findMany({ where: { communityId }, orderBy: [{ at: 'asc' }, { id: 'asc' }], select: { userId: true, kind: true, at: true } });
    },

    async needTransitions(communityId: string): Promise<NeedFlowEvent[]> {
      const rows = await db.needTransition.findMany({
        where: { need: { communityId }, to: { in: ['open', 'funded', 'done'] } },
        select: { to: true, at: true },
      });
      return rows.map((r) => ({ to: r.to as NeedFlowEvent['to'], at: r.at }));
    },

    /** Credits currently pledged to each need that ever received a pledge. */
    async pledgesPerNeed(communityId: string): Promise<number[]> {
      const rows = await db.$queryRaw<{ pledged: number }[]>`
        SELECT COALESCE((SELECT sum(p."amount") FROM "pledge" p WHERE p."needId" = n."id"), 0)::int AS "pledged"
          FROM "need" n
         WHERE n."communityId" = ${communityId}
           AND EXISTS (SELECT 1 FROM "pledge_event" e WHERE e."needId" = n."id")`;
      return rows.map((r) => Number(r.pledged));
    },

    /** How much of the community's history was generated (the demo's synthetic history). */
    async syntheticCounts(communityId: string): Promise<SyntheticCounts> {
      const [contributions, memberships] = await Promise.all([
        db.contributionEvent.count({ where: { communityId, ref: { path: ['synthetic'], equals: true } } }),
        db.membershipEvent.count({ where: { communityId, synthetic: true } }),
      ]);
      return { contributions, memberships };
    },

    /**
     * Writes a generated history, marked synthetic, unless the community already has one: under a
     * transaction-scoped advisory lock, so concurrent seeds write it once. Returns whether it wrote.
     */
    async appendSyntheticHistory(communityId: string, history: SyntheticHistory, ref: Record<string, string | number | boolean>): Promise<boolean> {
      return db.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`synthetic-history:${communityId}`}))`;
          if ((await tx.membershipEvent.count({ where: { communityId, synthetic: true } })) > 0) return false;
          await tx.membershipEvent.createMany({ data: history.memberships.map((m) => ({ communityId, userId: m.userId, kind: m.kind, at: m.at, synthetic: true })) });
          const marked = { ...ref, synthetic: true };
          for (let i = 0; i < history.contributions.length; i += INSERT_CHUNK) {
            await tx.contributionEvent.createMany({
              data: history.contributions.slice(i, i + INSERT_CHUNK).map((c) => ({ communityId, userId: c.userId, projectId: null, kind: c.kind, weight: 1, ref: marked, at: c.at })),
            });
          }
          return true;
        },
        { timeout: 120_000 },
      );
    },

    async ledger(communityId: string): Promise<HealthLedger> {
      const [contributions, memberships, needTransitions, pledgesPerNeed] = await Promise.all([
        this.contributionTallies(communityId),
        this.membershipEvents(communityId),
        this.needTransitions(communityId),
        this.pledgesPerNeed(communityId),
      ]);
      return { contributions, memberships, needTransitions, pledgesPerNeed };
    },
  };
}

export type HealthRepository = ReturnType<typeof createHealthRepository>;
