import type { PrismaClient } from '@p2pvalue/db';

export interface ChatAttachmentRecord {
  id: string;
  channelId: string;
  uploadedById: string;
  messageId: string | null;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

const attachmentSelect = {
  id: true,
  channelId: true,
  uploadedById: true,
  messageId: true,
  name: true,
  mediaType: true,
  size: true,
  sha256: true,
  createdAt: true,
} as const;

/** Files shared in chat: bodies once per sha256 (chat_blob, like the archive's), one row per upload. */
export function createChatAttachmentRepository(db: PrismaClient) {
  return {
    async put(input: { channelId: string; uploadedById: string; name: string; mediaType: string; sha256: string; content: Uint8Array }): Promise<ChatAttachmentRecord> {
      const { content, sha256 } = input;
      return db.$transaction(async (tx) => {
        await tx.chatBlob.upsert({
          where: { sha256 },
          create: { sha256, size: content.byteLength, content: content as Uint8Array<ArrayBuffer> },
          update: {},
          select: { sha256: true },
        });
        return tx.chatAttachment.create({
          data: { channelId: input.channelId, uploadedById: input.uploadedById, name: input.name, mediaType: input.mediaType, size: content.byteLength, sha256 },
          select: attachmentSelect,
        });
      });
    },

    /** Uploads by a member since a moment: how many and how many bytes (the rate limit; kept in PostgreSQL so it holds across web processes). */
    async uploadsSince(userId: string, since: Date): Promise<{ count: number; bytes: number }> {
      const agg = await db.chatAttachment.aggregate({ where: { uploadedById: userId, createdAt: { gte: since } }, _count: { _all: true }, _sum: { size: true } });
      return { count: agg._count._all, bytes: agg._sum.size ?? 0 };
    },

    /**
     * Removes the member's uploads never sent with a message since before a moment, and the stored
     * bodies nothing refers to any more (a blob shared with another upload stays).
     */
    async pruneUnsent(userId: string, before: Date): Promise<number> {
      const removed = await db.$queryRaw<{ sha256: string }[]>`
        DELETE FROM "chat_attachment" WHERE "uploadedById" = ${userId} AND "messageId" IS NULL AND "createdAt" < (${before.toISOString()}::timestamptz AT TIME ZONE 'UTC')
        RETURNING "sha256"`;
      if (removed.length === 0) return 0;
      await db.$executeRaw`
        DELETE FROM "chat_blob" b WHERE b."sha256" = ANY(${[...new Set(removed.map((r) => r.sha256))]}::text[])
          AND NOT EXISTS (SELECT 1 FROM "chat_attachment" a WHERE a."sha256" = b."sha256")`;
      return removed.length;
    },

    /**
     * The maintenance sweep: up to `limit` uploads of anyone never sent with a message since before
     * a moment, and then the bodies nothing refers to any more. Rows a sender is claiming right now
     * are skipped (locked) or kept (claimed by the time the delete looks again).
     */
    async pruneAbandoned(before: Date, limit: number): Promise<{ attachments: number; blobs: number }> {
      const removed = await db.$queryRaw<{ sha256: string }[]>`
        DELETE FROM "chat_attachment" a
         WHERE a."messageId" IS NULL AND a."id" IN (
           SELECT "id" FROM "chat_attachment"
            WHERE "messageId" IS NULL AND "createdAt" < (${before.toISOString()}::timestamptz AT TIME ZONE 'UTC')
            ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING a."sha256"`;
      if (removed.length === 0) return { attachments: 0, blobs: 0 };
      const blobs = await db.$executeRaw`
        DELETE FROM "chat_blob" b WHERE b."sha256" = ANY(${[...new Set(removed.map((r) => r.sha256))]}::text[])
          AND NOT EXISTS (SELECT 1 FROM "chat_attachment" a WHERE a."sha256" = b."sha256")`;
      return { attachments: removed.length, blobs };
    },

    async findMany(ids: string[]): Promise<ChatAttachmentRecord[]> {
      if (ids.length === 0) return [];
      return db.chatAttachment.findMany({ where: { id: { in: ids } }, select: attachmentSelect });
    },

    async find(id: string): Promise<ChatAttachmentRecord | null> {
      return db.chatAttachment.findUnique({ where: { id }, select: attachmentSelect });
    },

    async content(sha256: string): Promise<Uint8Array | null> {
      const blob = await db.chatBlob.findUnique({ where: { sha256 }, select: { content: true } });
      return blob ? new Uint8Array(blob.content) : null;
    },
  };
}

export type ChatAttachmentRepository = ReturnType<typeof createChatAttachmentRepository>;
