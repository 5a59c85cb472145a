import type { Prisma, PrismaClient } from '@p2pvalue/db';

export interface CommentAnchor {
  /** base64 of Y.encodeRelativePosition for the start and end of the commented range */
  anchor: string;
  head: string;
  quote: string;
}

export interface CommentRow {
  id: string;
  documentId: string;
  threadRootId: string | null;
  authorId: string;
  authorName: string;
  body: string;
  anchor: CommentAnchor | null;
  mentionedIds: string[];
  resolvedAt: Date | null;
  createdAt: Date;
}

const commentSelect = { id: true, documentId: true, threadRootId: true, authorId: true, body: true, anchor: true, mentionedIds: true, resolvedAt: true, createdAt: true } as const;

export function createCommentRepository(db: PrismaClient) {
  async function withNames<T extends { authorId: string; anchor: unknown }>(rows: T[]): Promise<(Omit<T, 'anchor'> & { authorName: string; anchor: CommentAnchor | null })[]> {
    const users = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.authorId))] } }, select: { id: true, name: true } });
    const names = new Map(users.map((u) => [u.id, u.name]));
    return rows.map((r) => ({ ...r, anchor: (r.anchor as CommentAnchor | null) ?? null, authorName: names.get(r.authorId) ?? 'Unknown' }));
  }

  return {
    async list(documentId: string): Promise<CommentRow[]> {
      const rows = await db.comment.findMany({ where: { documentId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: commentSelect });
      return withNames(rows);
    },

    async findById(id: string): Promise<CommentRow | null> {
      const row = await db.comment.findUnique({ where: { id }, select: commentSelect });
      return row ? ((await withNames([row]))[0] ?? null) : null;
    },

    async create(input: { documentId: string; threadRootId: string | null; authorId: string; body: string; anchor: CommentAnchor | null; mentionedIds: string[] }): Promise<CommentRow> {
      const row = await db.comment.create({
        data: { ...input, anchor: input.anchor ? (input.anchor as unknown as Prisma.InputJsonValue) : undefined },
        select: commentSelect,
      });
      return (await withNames([row]))[0]!;
    },

    async setResolved(id: string, resolved: { at: Date; by: string } | null): Promise<void> {
      await db.comment.update({ where: { id }, data: resolved ? { resolvedAt: resolved.at, resolvedById: resolved.by } : { resolvedAt: null, resolvedById: null } });
    },
  };
}

export type CommentRepository = ReturnType<typeof createCommentRepository>;
