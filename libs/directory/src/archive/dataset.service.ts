import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { PrismaClient } from '@p2pvalue/db';
import { AppError } from '@p2pvalue/shared';
import { toBibTeX, toCitationCff, toCslJson, type CitableVersion } from './citation';
import { createDatasetRepository, type DatasetRepository, type VersionMetadata, type VersionRow } from './dataset.repository';
import { isKnownLicence } from './spdx';
import { inferTableSchema } from './table-schema';
import { zipStored } from './zip';

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

export const ZVersionMetadata = z.object({
  title: z.string().trim().min(1, 'A data set needs a title').max(300),
  description: z.string().trim().max(20_000).default(''),
  creators: z
    .array(z.object({ name: z.string().trim().min(1).max(200), affiliation: z.string().trim().max(300).nullish(), orcid: z.string().trim().regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, 'ORCID iD like 0000-0002-1825-0097').nullish() }))
    .max(100)
    .default([]),
  keywords: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  licence: z.string().refine(isKnownLicence, 'Choose a licence from the SPDX list'),
  provenance: z.string().trim().max(20_000).default(''),
});
export type TVersionMetadataInput = z.input<typeof ZVersionMetadata>;

export interface ArchiveViewer {
  id: string;
  isStaff: boolean;
}

const MEDIA_TYPES: Record<string, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  geojson: 'application/geo+json',
  txt: 'text/plain',
  md: 'text/markdown',
  pdf: 'application/pdf',
  zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  nlogo: 'text/plain',
  r: 'text/plain',
  py: 'text/x-python',
  png: 'image/png',
  svg: 'image/svg+xml',
};

const mediaTypeOf = (name: string) => MEDIA_TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

const SAFE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._()+-]{0,199}$/u;

/**
 * The data-set archive (Zenodo/Dataverse model): a concept id for the data set, numbered
 * versions that are drafts until published and frozen afterwards (the database refuses changes
 * to a published version too), files stored once per sha256, Table Schemas for CSV files.
 */
export function createDatasetService(deps: { db: PrismaClient; now?: () => Date; maxFileBytes?: number; publisher?: string }) {
  const repo = createDatasetRepository(deps.db);
  const now = deps.now ?? (() => new Date());
  const maxFileBytes = deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const transaction = <T>(work: (tx: DatasetRepository) => Promise<T>) => deps.db.$transaction((tx) => work(createDatasetRepository(tx)), { timeout: 60_000 });

  const canSee = (version: VersionRow, viewer: ArchiveViewer | null) => version.status === 'published' || (viewer !== null && (viewer.isStaff || viewer.id === version.ownerId));

  async function visibleVersion(datasetId: string, n: number, viewer: ArchiveViewer | null, source: DatasetRepository = repo): Promise<VersionRow> {
    const version = await source.findVersion(datasetId, n).catch(() => null);
    if (!version || !canSee(version, viewer)) throw new AppError('NOT_FOUND', 'No such data set version.');
    return version;
  }

  async function editableDraft(datasetId: string, n: number, actor: ArchiveViewer, source: DatasetRepository = repo): Promise<VersionRow> {
    const version = await visibleVersion(datasetId, n, actor, source);
    if (!actor.isStaff && actor.id !== version.ownerId) throw new AppError('FORBIDDEN', 'Only the depositor or staff can change this data set.');
    if (version.status !== 'draft') throw new AppError('CONFLICT', 'This version is published and cannot change; create a new version.');
    return version;
  }

  async function checkedCaseIds(caseIds: number[]): Promise<number[]> {
    const unique = [...new Set(caseIds)];
    const found = await repo.existingCaseIds(unique);
    if (found.length !== unique.length) throw new AppError('BAD_REQUEST', 'Some related cases do not exist.');
    return unique;
  }

  function citable(version: VersionRow, baseUrl: string): CitableVersion {
    return { ...version, url: `${baseUrl.replace(/\/$/, '')}/archive/${version.datasetId}/v/${version.n}`, publisher: deps.publisher ?? 'P2Pvalue' };
  }

  return {
    async createDataset(input: { actor: ArchiveViewer; metadata: TVersionMetadataInput; caseIds?: number[] }): Promise<VersionRow> {
      const metadata: VersionMetadata = ZVersionMetadata.parse(input.metadata);
      const caseIds = await checkedCaseIds(input.caseIds ?? []);
      // Short, readable and unguessable; the version id is `${conceptId}.v${n}`.
      const conceptId = `p2pv-ds-${randomBytes(5).toString('hex')}`;
      return transaction(async (tx) => {
        const created = await tx.createDataset({ conceptId, ownerId: input.actor.id, metadata });
        if (caseIds.length > 0) await tx.updateMetadata(created.id, metadata, caseIds);
        return (await tx.findVersion(created.datasetId, 1))!;
      });
    },

    async listDatasets(input: { viewer: ArchiveViewer | null; page: number; pageSize: number }) {
      return repo.listLatest({ viewerId: input.viewer?.id ?? null, isStaff: input.viewer?.isStaff ?? false, take: input.pageSize, skip: (input.page - 1) * input.pageSize });
    },

    /** A data set with the versions the viewer may see, newest first. */
    async getDataset(datasetId: string, viewer: ArchiveViewer | null): Promise<{ latest: VersionRow; versions: VersionRow[] }> {
      const versions = (await repo.listVersions(datasetId).catch(() => [])).filter((version) => canSee(version, viewer));
      if (versions.length === 0) throw new AppError('NOT_FOUND', 'No such data set.');
      return { latest: versions[0]!, versions };
    },

    getVersion: (datasetId: string, n: number, viewer: ArchiveViewer | null) => visibleVersion(datasetId, n, viewer),

    async updateDraft(input: { actor: ArchiveViewer; datasetId: string; n: number; metadata: TVersionMetadataInput; caseIds: number[] }): Promise<VersionRow> {
      const metadata: VersionMetadata = ZVersionMetadata.parse(input.metadata);
      const caseIds = await checkedCaseIds(input.caseIds);
      const version = await editableDraft(input.datasetId, input.n, input.actor);
      await repo.updateMetadata(version.id, metadata, caseIds);
      return (await repo.findVersion(input.datasetId, input.n))!;
    },

    async addFile(input: { actor: ArchiveViewer; datasetId: string; n: number; name: string; content: Uint8Array }) {
      const name = input.name.normalize('NFC').trim();
      if (!SAFE_NAME.test(name) || name.includes('..')) throw new AppError('BAD_REQUEST', 'Use a plain file name (letters, digits, spaces, . _ - ( ) +).');
      if (input.content.byteLength === 0) throw new AppError('BAD_REQUEST', 'The file is empty.');
      if (input.content.byteLength > maxFileBytes) throw new AppError('PAYLOAD_TOO_LARGE', `Files can be at most ${Math.round(maxFileBytes / 1024 / 1024)} MB.`);
      const version = await editableDraft(input.datasetId, input.n, input.actor);
      const mediaType = mediaTypeOf(name);
      const table = mediaType === 'text/csv' ? inferTableSchema(input.content) : null;
      const sha256 = createHash('sha256').update(input.content).digest('hex');
      return repo.putFile(version.id, { name, sha256, size: input.content.byteLength, mediaType, content: input.content, tableSchema: table?.schema ?? null, preview: table ? { rows: table.rows } : null });
    },

    async removeFile(input: { actor: ArchiveViewer; datasetId: string; n: number; name: string }): Promise<void> {
      const version = await editableDraft(input.datasetId, input.n, input.actor);
      if (!(await repo.deleteFile(version.id, input.name))) throw new AppError('NOT_FOUND', 'No such file in this version.');
    },

    /** Freezes a draft: from now on its metadata and files never change. */
    async publish(input: { actor: ArchiveViewer; datasetId: string; n: number }): Promise<VersionRow> {
      return transaction(async (tx) => {
        await tx.lockDataset(input.datasetId);
        const version = await editableDraft(input.datasetId, input.n, input.actor, tx);
        if (version.files.length === 0) throw new AppError('BAD_REQUEST', 'Add at least one file before publishing.');
        if (version.creators.length === 0) throw new AppError('BAD_REQUEST', 'Name at least one creator before publishing.');
        await tx.publish(version.id, now());
        return (await tx.findVersion(input.datasetId, input.n))!;
      });
    },

    /** Starts version n+1 as a draft copied from the latest version, which must be published. */
    async createVersion(input: { actor: ArchiveViewer; datasetId: string }): Promise<VersionRow> {
      return transaction(async (tx) => {
        if (!(await tx.lockDataset(input.datasetId))) throw new AppError('NOT_FOUND', 'No such data set.');
        const [latest] = await tx.listVersions(input.datasetId);
        if (!latest || (!input.actor.isStaff && input.actor.id !== latest.ownerId)) throw new AppError('FORBIDDEN', 'Only the depositor or staff can add versions.');
        if (latest.status === 'draft') throw new AppError('CONFLICT', `Version ${latest.n} is still a draft: publish or edit it.`);
        await tx.createDraftFrom(latest);
        return (await tx.findVersion(input.datasetId, latest.n + 1))!;
      });
    },

    async getFile(input: { viewer: ArchiveViewer | null; datasetId: string; n: number; name: string }) {
      const version = await visibleVersion(input.datasetId, input.n, input.viewer);
      const found = await repo.fileContent(version.id, input.name);
      if (!found) throw new AppError('NOT_FOUND', 'No such file in this version.');
      return found;
    },

    /** The version as a Frictionless Data Package: datapackage.json + the files, zipped. */
    async dataPackage(input: { viewer: ArchiveViewer | null; datasetId: string; n: number; baseUrl: string }): Promise<{ fileName: string; zip: Uint8Array }> {
      const version = await visibleVersion(input.datasetId, input.n, input.viewer);
      const files = await Promise.all(version.files.map((file) => repo.fileContent(version.id, file.name)));
      const descriptor = {
        profile: 'data-package',
        name: `${version.conceptId}-v${version.n}`,
        id: `${version.conceptId}.v${version.n}`,
        title: version.title,
        description: version.description || undefined,
        version: String(version.n),
        created: (version.publishedAt ?? version.createdAt).toISOString(),
        homepage: citable(version, input.baseUrl).url,
        licenses: [{ name: version.licence, path: `https://spdx.org/licenses/${version.licence}.html` }],
        contributors: version.creators.map((creator) => ({ title: creator.name, role: 'author', ...(creator.affiliation ? { organization: creator.affiliation } : {}) })),
        keywords: version.keywords,
        resources: version.files.map((file) => ({
          name: file.name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-'),
          path: `data/${file.name}`,
          mediatype: file.mediaType,
          bytes: file.size,
          hash: `sha256:${file.sha256}`,
          ...(file.tableSchema ? { profile: 'tabular-data-resource', format: 'csv', encoding: 'utf-8', schema: file.tableSchema } : {}),
        })),
      };
      const at = version.publishedAt ?? version.updatedAt;
      const zip = zipStored([
        { name: 'datapackage.json', content: new TextEncoder().encode(`${JSON.stringify(descriptor, null, 2)}\n`), modified: at },
        ...files.flatMap((found) => (found ? [{ name: `data/${found.file.name}`, content: found.content, modified: at }] : [])),
      ]);
      return { fileName: `${version.conceptId}-v${version.n}.zip`, zip };
    },

    async citation(input: { viewer: ArchiveViewer | null; datasetId: string; n: number; format: 'bibtex' | 'csl-json' | 'cff'; baseUrl: string }): Promise<{ mediaType: string; fileName: string; text: string }> {
      const version = await visibleVersion(input.datasetId, input.n, input.viewer);
      const data = citable(version, input.baseUrl);
      const base = `${version.conceptId}-v${version.n}`;
      if (input.format === 'bibtex') return { mediaType: 'application/x-bibtex', fileName: `${base}.bib`, text: toBibTeX(data) };
      if (input.format === 'csl-json') return { mediaType: 'application/vnd.citationstyles.csl+json', fileName: `${base}.json`, text: `${JSON.stringify(toCslJson(data), null, 2)}\n` };
      return { mediaType: 'application/x-yaml', fileName: 'CITATION.cff', text: toCitationCff(data) };
    },
  };
}

export type DatasetService = ReturnType<typeof createDatasetService>;
