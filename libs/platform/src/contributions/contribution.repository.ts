import type { Prisma, PrismaClient } from '@p2pvalue/db';

export type TContributionKind =
  | 'community.create'
  | 'community.join'
  | 'project.create'
  | 'project.support'
  | 'document.create'
  | 'document.edit'
  | 'document.comment'
  | 'document.version';

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

/** The append-only contribution ledger: rows are inserted, never updated or deleted. */
export function createContributionRepository(db: PrismaClient) {
  return {
    async append(events: ContributionInput[]): Promise<void> {
      if (events.length === 0) return;
      await db.contributionEvent.createMany({
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
        where: { communityId: where.communityId, ...(where.projectIds ? { OR: [{ projectId: null }, { projectId: { in: where.projectIds } }] } : {}) },
        orderBy: { at: 'desc' },
        take,
        select: { userId: true, communityId: true, projectId: true, kind: true, weight: true, ref: true, at: true },
      });
    },
  };
}

export type ContributionRepository = ReturnType<typeof createContributionRepository>;
