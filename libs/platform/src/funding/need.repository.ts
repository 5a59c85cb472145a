import type { Prisma, PrismaClient } from '@p2pvalue/db';
import type { TNeedStatus } from './need-lifecycle';

export type Tx = Prisma.TransactionClient;
type Client = PrismaClient | Tx;

export type TNeedSource = 'manual' | 'document' | 'chat';

export interface NeedRow {
  id: string;
  projectId: string;
  communityId: string;
  title: string;
  description: string;
  skills: string[];
  effortHours: number;
  goal: number;
  stretchGoal: number | null;
  dueDate: Date | null;
  status: TNeedStatus;
  featured: boolean;
  pledged: number;
  bountyTotal: number;
  source: TNeedSource;
  sourceRef: string | null;
  sourceQuote: string | null;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
}

const needSelect = {
  id: true,
  projectId: true,
  communityId: true,
  title: true,
  description: true,
  skills: true,
  effortHours: true,
  goal: true,
  stretchGoal: true,
  dueDate: true,
  status: true,
  featured: true,
  pledged: true,
  bountyTotal: true,
  source: true,
  sourceRef: true,
  sourceQuote: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
} as const;

export interface NeedListRow extends NeedRow {
  supporters: number;
  assigneeIds: string[];
}

export interface TransitionRow {
  id: bigint;
  /** null: the system (a round that closed by itself). */
  actorId: string | null;
  from: TNeedStatus | null;
  to: TNeedStatus;
  note: string | null;
  at: Date;
}

/**
 * Needs and what hangs on them (assignees, transitions, comments, checklist, bounties), thanks and
 * the points ledger. Writes that must be atomic take the caller's transaction (`tx`); `lockNeed`
 * takes the need's row lock (SELECT … FOR UPDATE) and returns the row as committed now.
 */
export function createNeedRepository(db: PrismaClient) {
  async function withCounts(rows: (NeedRow & { assignees: { userId: string }[]; _count: { pledges: number } })[]): Promise<NeedListRow[]> {
    return rows.map(({ assignees, _count, ...row }) => ({ ...row, supporters: _count.pledges, assigneeIds: assignees.map((a) => a.userId) }));
  }
  const listSelect = { ...needSelect, assignees: { select: { userId: true }, orderBy: { createdAt: 'asc' } }, _count: { select: { pledges: true } } } as const;

  return {
    transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return db.$transaction(fn, { timeout: 20_000, maxWait: 20_000 });
    },

    findById(id: string, client: Client = db): Promise<NeedRow | null> {
      return client.need.findUnique({ where: { id }, select: needSelect });
    },

    async lockNeed(tx: Tx, id: string): Promise<NeedRow | null> {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "need" WHERE "id" = ${id} FOR UPDATE`;
      return locked.length === 0 ? null : tx.need.findUnique({ where: { id }, select: needSelect });
    },

    async listForProject(projectId: string): Promise<NeedListRow[]> {
      return withCounts(await db.need.findMany({ where: { projectId }, orderBy: [{ createdAt: 'desc' }], select: listSelect }));
    },

    async listFeatured(communityId: string, projectIds: string[], take: number): Promise<NeedListRow[]> {
      return withCounts(
        await db.need.findMany({
          where: { communityId, projectId: { in: projectIds }, featured: true, status: { notIn: ['verified', 'cancelled'] } },
          orderBy: [{ updatedAt: 'desc' }],
          take,
          select: listSelect,
        }),
      );
    },

    /** Needs of the community open for funding (or funded, for stretch pledges), in the given projects. */
    async listFundable(communityId: string, projectIds: string[]): Promise<NeedListRow[]> {
      return withCounts(await db.need.findMany({ where: { communityId, projectId: { in: projectIds }, status: { in: ['open', 'funded'] } }, select: listSelect }));
    },

    create(tx: Tx, data: Omit<NeedRow, 'id' | 'status' | 'featured' | 'pledged' | 'bountyTotal' | 'createdAt' | 'updatedAt'>): Promise<NeedRow> {
      return tx.need.create({ data, select: needSelect });
    },

    update(tx: Client, id: string, data: Prisma.NeedUpdateInput): Promise<NeedRow> {
      return tx.need.update({ where: { id }, data, select: needSelect });
    },

    async recordTransition(tx: Tx, input: { needId: string; actorId: string | null; from: TNeedStatus | null; to: TNeedStatus; note?: string | null; at: Date }): Promise<void> {
      await tx.needTransition.create({ data: { ...input, note: input.note ?? null }, select: { id: true } });
    },

    listTransitions(needId: string): Promise<TransitionRow[]> {
      return db.needTransition.findMany({ where: { needId }, orderBy: [{ at: 'asc' }, { id: 'asc' }], select: { id: true, actorId: true, from: true, to: true, note: true, at: true } });
    },

    async assigneeIds(needId: string, client: Client = db): Promise<string[]> {
      return (await client.needAssignee.findMany({ where: { needId }, orderBy: { createdAt: 'asc' }, select: { userId: true } })).map((a) => a.userId);
    },

    async addAssignee(tx: Tx, needId: string, userId: string): Promise<void> {
      await tx.needAssignee.create({ data: { needId, userId }, select: { needId: true } });
    },

    async removeAssignee(tx: Tx, needId: string, userId: string): Promise<void> {
      await tx.needAssignee.deleteMany({ where: { needId, userId } });
    },

    listComments(needId: string) {
      return db.needComment.findMany({ where: { needId }, orderBy: { createdAt: 'asc' }, select: { id: true, authorId: true, body: true, createdAt: true } });
    },

    addComment(tx: Tx, input: { needId: string; authorId: string; body: string; createdAt: Date }) {
      return tx.needComment.create({ data: input, select: { id: true, authorId: true, body: true, createdAt: true } });
    },

    listChecklist(needId: string) {
      return db.needChecklistItem.findMany({ where: { needId }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select: { id: true, text: true, position: true, doneAt: true, doneById: true } });
    },

    findChecklistItem(id: string) {
      return db.needChecklistItem.findUnique({ where: { id }, select: { id: true, needId: true } });
    },

    async addChecklistItem(input: { needId: string; text: string; createdById: string }): Promise<void> {
      const last = await db.needChecklistItem.aggregate({ where: { needId: input.needId }, _max: { position: true } });
      await db.needChecklistItem.create({ data: { ...input, position: (last._max.position ?? -1) + 1 }, select: { id: true } });
    },

    async setChecklistItemDone(id: string, done: { at: Date; by: string } | null): Promise<void> {
      await db.needChecklistItem.update({ where: { id }, data: done ? { doneAt: done.at, doneById: done.by } : { doneAt: null, doneById: null }, select: { id: true } });
    },

    listBounties(needId: string, client: Client = db) {
      return client.bounty.findMany({ where: { needId }, orderBy: { createdAt: 'asc' }, select: { id: true, userId: true, points: true, paidAt: true, createdAt: true } });
    },

    async addBounty(tx: Tx, input: { needId: string; userId: string; points: number; createdAt: Date }): Promise<void> {
      await tx.bounty.create({ data: input, select: { id: true } });
    },

    async markBountiesPaid(tx: Tx, needId: string, at: Date): Promise<void> {
      await tx.bounty.updateMany({ where: { needId, paidAt: null }, data: { paidAt: at } });
    },

    /** Serialises point spending of one member (bounties) so their balance never goes below 0. */
    async lockPoints(tx: Tx, userId: string): Promise<void> {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'points:' + userId}))`;
    },

    async pointsBalance(userId: string, client: Client = db): Promise<number> {
      return (await client.pointsEntry.aggregate({ where: { userId }, _sum: { delta: true } }))._sum.delta ?? 0;
    },

    async addPoints(tx: Tx, entries: { userId: string; communityId: string; delta: number; reason: string; needId: string | null; at: Date }[]): Promise<void> {
      const rows = entries.filter((e) => e.delta !== 0);
      if (rows.length > 0) await tx.pointsEntry.createMany({ data: rows });
    },

    listPoints(userId: string, take: number) {
      return db.pointsEntry.findMany({ where: { userId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take, select: { delta: true, reason: true, needId: true, communityId: true, at: true } });
    },

    /** Earned points (positive entries), for reputation. */
    listPointsEarned(userId: string) {
      return db.pointsEntry.findMany({ where: { userId, delta: { gt: 0 } }, select: { delta: true, at: true } });
    },

    /** Needs this member worked on that were verified, with when. */
    async verifiedWork(userId: string): Promise<{ needId: string; at: Date }[]> {
      const rows = await db.needTransition.findMany({ where: { to: 'verified', need: { assignees: { some: { userId } } } }, select: { needId: true, at: true } });
      return rows;
    },

    async addThanks(tx: Tx, input: { communityId: string; fromId: string; toId: string; needId: string | null; note: string; createdAt: Date }) {
      return tx.thanks.create({ data: input, select: { id: true, createdAt: true } });
    },

    listThanksTo(userId: string, take: number) {
      return db.thanks.findMany({ where: { toId: userId }, orderBy: { createdAt: 'desc' }, take, select: { id: true, fromId: true, toId: true, needId: true, note: true, communityId: true, createdAt: true } });
    },

    countThanksFrom(userId: string) {
      return db.thanks.count({ where: { fromId: userId } });
    },

    /** Where a need created from a document selection or a chat message comes from (project / community). */
    async documentProjectId(documentId: string): Promise<string | null> {
      return (await db.document.findUnique({ where: { id: documentId }, select: { projectId: true } }))?.projectId ?? null;
    },

    async chatMessagePlace(messageId: string): Promise<{ channelId: string; channelName: string; communityId: string | null; projectId: string | null } | null> {
      const row = await db.chatMessage.findUnique({
        where: { id: messageId },
        select: { deletedAt: true, channel: { select: { id: true, name: true, communityId: true, projectId: true } } },
      });
      return row && !row.deletedAt ? { channelId: row.channel.id, channelName: row.channel.name, communityId: row.channel.communityId, projectId: row.channel.projectId } : null;
    },

    /** The title of a document (to name the place a need was made from), or null if it is gone. */
    async documentTitle(documentId: string): Promise<string | null> {
      return (await db.document.findUnique({ where: { id: documentId }, select: { title: true } }))?.title ?? null;
    },

    async namesOf(ids: string[]): Promise<Map<string, string>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
      return new Map(users.map((u) => [u.id, u.name]));
    },

    async titlesOf(ids: string[]): Promise<Map<string, { title: string; projectId: string }>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await db.need.findMany({ where: { id: { in: unique } }, select: { id: true, title: true, projectId: true } });
      return new Map(rows.map((r) => [r.id, { title: r.title, projectId: r.projectId }]));
    },
  };
}

export type NeedRepository = ReturnType<typeof createNeedRepository>;
