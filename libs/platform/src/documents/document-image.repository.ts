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

    async findWithContent(documentId: string, id: string): Promise<(DocumentImageRow & { content: Uint8Array }) | null> {
      const row = await db.documentImage.findFirst({ where: { id, documentId }, select: { ...imageSelect, content: true } });
      return row ? { ...row, content: new Uint8Array(row.content) } : null;
    },
  };
}

export type DocumentImageRepository = ReturnType<typeof createDocumentImageRepository>;
