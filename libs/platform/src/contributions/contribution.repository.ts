import type { Prisma, PrismaClient } from '@p2pvalue/db';

export type TContributionKind =
  | 'community.create'
  | 'community.join'
  | 'project.create'
  | 'project.support'
  | 'document.create'
  | 'document.edit'
  | 'document.comment'
  | 'document.version'
  // prioritisation (needs, funding rounds, bounties, thanks)
  | 'need.create'
  | 'need.open'
  | 'need.feature'
  | 'need.funded'
  | 'need.claim'
  | 'need.complete'
  | 'need.verify'
  | 'need.cancel'
  | 'need.comment'
  | 'pledge'
  | 'bounty.attach'
  | 'bounty.paid'
  | 'thanks.give'
  | 'thanks.receive'
  | 'round.open'
  | 'round.close'
  | 'round.grant'
  // chat: a message posted in a community or project channel (direct messages are private and not
  // recorded); deleting it appends a retraction (weight -1) instead of removing the posting
  | 'chat.message'
  | 'chat.message.retract';

/**
 * Kinds the feeds (community activity, profile, project "who did what") leave out: a conversation
 * is already in its channel, and one row per message would push every other kind of work out of a
 * feed of the latest few. They stay in the ledger for counting (community health).
 */
export const UNLISTED_CONTRIBUTION_KINDS = ['chat.message', 'chat.message.retract'] as const;
const listed = { kind: { notIn: [...UNLISTED_CONTRIBUTION_KINDS] } };

export interface ContributionInput {
  userId: string;
  communityId: string;
  projectId: string | null;
  kind: TContributionKind;
  weight?: number;
  ref?: Record<string, unknown>;
  at?: Date;
}

export interface ContributionRow {
  userId: string;
  communityId: string;
  projectId: string | null;
  kind: string;
  weight: number;
  ref: unknown;
  at: Date;
}

type Client = PrismaClient | Prisma.TransactionClient;

const rowSelect = { userId: true, communityId: true, projectId: true, kind: true, weight: true, ref: true, at: true } as const;

/** The append-only contribution ledger: rows are inserted, never updated or deleted. */
export function createContributionRepository(db: PrismaClient) {
  return {
    /** Pass `client` to append inside a caller's transaction. */
    async append(events: ContributionInput[], client: Client = db): Promise<void> {
      if (events.length === 0) return;
      await client.contributionEvent.createMany({
        data: events.map((e) => ({
          userId: e.userId,
          communityId: e.communityId,
          projectId: e.projectId,
          kind: e.kind,
          weight: e.weight ?? 1,
          ref: (e.ref ?? {}) as Prisma.InputJsonValue,
          ...(e.at ? { at: e.at } : {}),
        })),
      });
    },

    listRecent(where: { communityId: string; projectIds?: string[] }, take: number): Promise<ContributionRow[]> {
      return db.contributionEvent.findMany({
        where: { communityId: where.communityId, ...listed, ...(where.projectIds ? { OR: [{ projectId: null }, { projectId: { in: where.projectIds } }] } : {}) },
        orderBy: { at: 'desc' },
        take,
        select: rowSelect,
      });
    },

    /** A member's events, newest first; limited to the given communities when `communityIds` is set. */
    listForUser(userId: string, opts: { communityIds?: string[]; kindPrefix?: string; take: number }): Promise<ContributionRow[]> {
      return db.contributionEvent.findMany({
        where: {
          userId,
          ...(opts.communityIds ? { communityId: { in: opts.communityIds } } : {}),
          kind: { ...listed.kind, ...(opts.kindPrefix ? { startsWith: opts.kindPrefix } : {}) },
        },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        take: opts.take,
        select: rowSelect,
      });
    },

    /** Events of one project, newest first. */
    listForProject(projectId: string, take: number): Promise<ContributionRow[]> {
      return db.contributionEvent.findMany({ where: { projectId, ...listed }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take, select: rowSelect });
    },
  };
}

export type ContributionRepository = ReturnType<typeof createContributionRepository>;
