import type { Prisma, PrismaClient } from '@p2pvalue/db';

type Db = PrismaClient | Prisma.TransactionClient;

export interface Creator {
  name: string;
  affiliation?: string | null;
  orcid?: string | null;
}

export interface VersionMetadata {
  title: string;
  description: string;
  creators: Creator[];
  keywords: string[];
  licence: string;
  provenance: string;
}

export interface FileRow {
  id: string;
  name: string;
  size: number;
  sha256: string;
  mediaType: string;
  tableSchema: unknown;
  preview: unknown;
  createdAt: Date;
}

export interface VersionRow extends VersionMetadata {
  id: string;
  datasetId: string;
  conceptId: string;
  ownerId: string;
  n: number;
  status: 'draft' | 'published';
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  files: FileRow[];
  caseIds: number[];
}

const fileSelect = { id: true, name: true, size: true, sha256: true, mediaType: true, tableSchema: true, preview: true, createdAt: true } satisfies Prisma.DatasetFileSelect;

const versionSelect = {
  id: true,
  datasetId: true,
  n: true,
  status: true,
  title: true,
  description: true,
  creators: true,
  keywords: true,
  licence: true,
  provenance: true,
  createdAt: true,
  updatedAt: true,
  publishedAt: true,
  dataset: { select: { conceptId: true, ownerId: true } },
  files: { select: fileSelect, orderBy: { name: 'asc' } },
  cases: { select: { caseId: true }, orderBy: { caseId: 'asc' } },
} satisfies Prisma.DatasetVersionSelect;

function toVersion(row: Prisma.DatasetVersionGetPayload<{ select: typeof versionSelect }>): VersionRow {
  const { dataset, cases, creators, ...rest } = row;
  return { ...rest, conceptId: dataset.conceptId, ownerId: dataset.ownerId, creators: creators as unknown as Creator[], caseIds: cases.map((link) => link.caseId) };
}

// Picks the metadata fields explicitly: callers may pass a whole VersionRow.
const metadataData = (metadata: VersionMetadata) => ({
  title: metadata.title,
  description: metadata.description,
  creators: metadata.creators as unknown as Prisma.InputJsonValue,
  keywords: metadata.keywords,
  licence: metadata.licence,
  provenance: metadata.provenance,
});

/** Data sets, their versions and files (bodies stored once per sha256 in dataset_blob). */
export function createDatasetRepository(db: Db) {
  return {
    async createDataset(input: { conceptId: string; ownerId: string; metadata: VersionMetadata }): Promise<VersionRow> {
      const dataset = await db.dataset.create({
        data: { conceptId: input.conceptId, ownerId: input.ownerId, versions: { create: { n: 1, ...metadataData(input.metadata) } } },
        select: { id: true },
      });
      return (await this.findVersion(dataset.id, 1))!;
    },

    async findVersion(datasetId: string, n: number): Promise<VersionRow | null> {
      const row = await db.datasetVersion.findUnique({ where: { datasetId_n: { datasetId, n } }, select: versionSelect });
      return row ? toVersion(row) : null;
    },

    async listVersions(datasetId: string): Promise<VersionRow[]> {
      const rows = await db.datasetVersion.findMany({ where: { datasetId }, select: versionSelect, orderBy: { n: 'desc' } });
      return rows.map(toVersion);
    },

    /** The latest version of each data set that `viewerId` may see (published, or own drafts). */
    async listLatest(input: { viewerId: string | null; isStaff: boolean; take: number; skip: number }): Promise<{ total: number; versions: VersionRow[] }> {
      const visible: Prisma.DatasetVersionWhereInput = input.isStaff ? {} : input.viewerId ? { OR: [{ status: 'published' }, { dataset: { ownerId: input.viewerId } }] } : { status: 'published' };
      const latest = await db.datasetVersion.groupBy({ by: ['datasetId'], where: visible, _max: { n: true } });
      const keys = latest.filter((row) => row._max.n !== null).map((row) => ({ datasetId: row.datasetId, n: row._max.n! }));
      const rows = keys.length === 0 ? [] : await db.datasetVersion.findMany({ where: { OR: keys }, select: versionSelect, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], take: input.take, skip: input.skip });
      return { total: keys.length, versions: rows.map(toVersion) };
    },

    async updateMetadata(versionId: string, metadata: VersionMetadata, caseIds: number[]): Promise<void> {
      await db.datasetVersion.update({ where: { id: versionId }, data: metadataData(metadata), select: { id: true } });
      await db.datasetCase.deleteMany({ where: { versionId } });
      if (caseIds.length > 0) await db.datasetCase.createMany({ data: caseIds.map((caseId) => ({ versionId, caseId })), skipDuplicates: true });
    },

    async existingCaseIds(ids: number[]): Promise<number[]> {
      const rows = await db.case.findMany({ where: { id: { in: ids } }, select: { id: true } });
      return rows.map((row) => row.id);
    },

    async putFile(versionId: string, file: { name: string; sha256: string; size: number; mediaType: string; content: Uint8Array; tableSchema: unknown; preview: unknown }): Promise<FileRow> {
      await db.datasetBlob.upsert({ where: { sha256: file.sha256 }, create: { sha256: file.sha256, size: file.size, content: file.content as Uint8Array<ArrayBuffer> }, update: {}, select: { sha256: true } });
      await db.datasetFile.deleteMany({ where: { versionId, name: file.name } });
      return db.datasetFile.create({
        data: {
          versionId,
          name: file.name,
          size: file.size,
          sha256: file.sha256,
          mediaType: file.mediaType,
          tableSchema: (file.tableSchema ?? undefined) as Prisma.InputJsonValue | undefined,
          preview: (file.preview ?? undefined) as Prisma.InputJsonValue | undefined,
        },
        select: fileSelect,
      });
    },

    async deleteFile(versionId: string, name: string): Promise<boolean> {
      const { count } = await db.datasetFile.deleteMany({ where: { versionId, name } });
      return count > 0;
    },

    async fileContent(versionId: string, name: string): Promise<{ file: FileRow; content: Uint8Array } | null> {
      const row = await db.datasetFile.findUnique({ where: { versionId_name: { versionId, name } }, select: { ...fileSelect, blob: { select: { content: true } } } });
      if (!row) return null;
      const { blob, ...file } = row;
      return { file, content: blob.content };
    },

    async publish(versionId: string, at: Date): Promise<void> {
      await db.datasetVersion.update({ where: { id: versionId }, data: { status: 'published', publishedAt: at }, select: { id: true } });
    },

    /** A new draft n+1 with the metadata, files and case links of `from` (file bodies are shared). */
    async createDraftFrom(from: VersionRow): Promise<void> {
      await db.datasetVersion.create({
        data: {
          datasetId: from.datasetId,
          n: from.n + 1,
          ...metadataData(from),
          files: { create: from.files.map((file) => ({ name: file.name, size: file.size, sha256: file.sha256, mediaType: file.mediaType, tableSchema: (file.tableSchema ?? undefined) as Prisma.InputJsonValue | undefined, preview: (file.preview ?? undefined) as Prisma.InputJsonValue | undefined })) },
          cases: { create: from.caseIds.map((caseId) => ({ caseId })) },
        },
        select: { id: true },
      });
    },

    /** Serialises version changes of one data set (publish / new draft) inside a transaction. */
    async lockDataset(datasetId: string): Promise<boolean> {
      const rows = await db.$queryRaw<{ id: string }[]>`SELECT id FROM dataset WHERE id = ${datasetId} FOR UPDATE`;
      return rows.length === 1;
    },
  };
}

export type DatasetRepository = ReturnType<typeof createDatasetRepository>;
