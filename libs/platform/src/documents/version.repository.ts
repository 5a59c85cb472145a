import type { PrismaClient } from '@p2pvalue/db';

export interface VersionSummary {
  id: string;
  documentId: string;
  authorIds: string[];
  label: string | null;
  reason: string;
  createdById: string | null;
  createdAt: Date;
}

const versionSelect = { id: true, documentId: true, authorIds: true, label: true, reason: true, createdById: true, createdAt: true } as const;

export function createVersionRepository(db: PrismaClient) {
  return {
    create(input: { documentId: string; yState: Uint8Array; markdown: string; authorIds: string[]; label: string | null; reason: string; createdById: string | null; at?: Date }): Promise<VersionSummary> {
      const { yState, at, ...rest } = input;
      return db.documentVersion.create({ data: { ...rest, yState: Buffer.from(yState), ...(at ? { createdAt: at } : {}) }, select: versionSelect });
    },

    list(documentId: string, take = 100): Promise<VersionSummary[]> {
      return db.documentVersion.findMany({ where: { documentId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take, select: versionSelect });
    },

    async latest(documentId: string): Promise<VersionSummary | null> {
      return db.documentVersion.findFirst({ where: { documentId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: versionSelect });
    },

    async findWithState(documentId: string, id: string): Promise<(VersionSummary & { yState: Uint8Array; markdown: string }) | null> {
      const row = await db.documentVersion.findFirst({ where: { id, documentId }, select: { ...versionSelect, yState: true, markdown: true } });
      return row ? { ...row, yState: new Uint8Array(row.yState) } : null;
    },
  };
}

export type VersionRepository = ReturnType<typeof createVersionRepository>;
