import type { PrismaClient } from '@p2pvalue/db';

export interface DocumentImageRow {
  id: string;
  documentId: string;
  sha256: string;
  mediaType: string;
  size: number;
  createdAt: Date;
}

const imageSelect = { id: true, documentId: true, sha256: true, mediaType: true, size: true, createdAt: true } as const;

/** Images uploaded into documents; bodies stored once per document and sha256. */
export function createDocumentImageRepository(db: PrismaClient) {
  return {
    /** Stores the image unless the document already holds the same bytes; returns the stored row either way. */
    put(input: { documentId: string; sha256: string; mediaType: string; content: Uint8Array; uploadedById: string }): Promise<DocumentImageRow> {
      const { documentId, sha256, mediaType, content, uploadedById } = input;
      return db.documentImage.upsert({
        where: { documentId_sha256: { documentId, sha256 } },
        create: { documentId, sha256, mediaType, size: content.byteLength, content: content as Uint8Array<ArrayBuffer>, uploadedById },
        update: {},
        select: imageSelect,
      });
    },

    /**
     * Counts one upload attempt by `userId` in a fixed window (shared by every web process: the
     * counter is a row of the app's `rate_limit` table, updated atomically). Returns the attempts
     * in the current window, this one included, and when that window started.
     */
    async countUploadAttempt(userId: string, now: Date, windowMs: number): Promise<{ count: number; windowStart: Date }> {
      const key = `p2pv:document-image-upload:${userId}`;
      const at = BigInt(now.getTime());
      const expired = at - BigInt(windowMs);
      const [row] = await db.$queryRaw<{ count: number; lastRequest: bigint }[]>`
        INSERT INTO rate_limit (id, key, count, "lastRequest") VALUES (gen_random_uuid()::text, ${key}, 1, ${at})
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN rate_limit."lastRequest" <= ${expired} THEN 1 ELSE rate_limit.count + 1 END,
          "lastRequest" = CASE WHEN rate_limit."lastRequest" <= ${expired} THEN ${at} ELSE rate_limit."lastRequest" END
        RETURNING count, "lastRequest"`;
      return { count: Number(row!.count), windowStart: new Date(Number(row!.lastRequest)) };
    },

    /**
     * The maintenance sweep: deletes up to `limit` images uploaded before a moment that their
     * document does not use — not in its current state (the Yjs bytes hold the image's URL, which
     * contains its id), not in its markdown, not in any of its saved versions (a restore brings them
     * back) and not pasted into any other document. Returns how many went.
     */
    async pruneUnreferenced(before: Date, limit: number): Promise<number> {
      return db.$executeRaw`
        DELETE FROM "document_image" i
         WHERE i."id" IN (
           SELECT c."id" FROM "document_image" c JOIN "document" d ON d."id" = c."documentId"
            WHERE c."createdAt" < (${before.toISOString()}::timestamptz AT TIME ZONE 'UTC')
              AND position(convert_to(c."id", 'UTF8') in coalesce(d."yState", ''::bytea)) = 0
              AND NOT EXISTS (SELECT 1 FROM "document_version" v WHERE v."documentId" = c."documentId"
                                 AND (strpos(v."markdown", c."id") > 0 OR position(convert_to(c."id", 'UTF8') in v."yState") > 0))
              AND NOT EXISTS (SELECT 1 FROM "document" o WHERE strpos(o."markdown", c."id") > 0)
            ORDER BY c."createdAt" LIMIT ${limit} FOR UPDATE OF c SKIP LOCKED)`;
    },

    async findWithContent(documentId: string, id: string): Promise<(DocumentImageRow & { content: Uint8Array }) | null> {
      const row = await db.documentImage.findFirst({ where: { id, documentId }, select: { ...imageSelect, content: true } });
      return row ? { ...row, content: new Uint8Array(row.content) } : null;
    },
  };
}

export type DocumentImageRepository = ReturnType<typeof createDocumentImageRepository>;
