import { z } from 'zod';
import { createDatasetService, SPDX_LICENCES, type ArchiveViewer, type VersionRow } from '@p2pvalue/directory';
import { hasRole } from '@p2pvalue/platform';
import { createTRPCRouter, publicProcedure, researcherProcedure } from '../init';
import type { Context } from '../context';
import {
  ZCreateDatasetInput,
  ZDatasetIdInput,
  ZDatasetListInput,
  ZDatasetListOutput,
  ZDatasetOutput,
  ZDatasetVersionOutput,
  ZRemoveFileInput,
  ZUpdateDraftInput,
  ZVersionRefInput,
} from './archive.types';

const archiveOf = (ctx: Context) => createDatasetService({ db: ctx.db });
const viewerOf = (ctx: Context): ArchiveViewer | null => (ctx.viewer ? { id: ctx.viewer.id, isStaff: hasRole(ctx.viewer.role, 'staff') } : null);
const actorOf = (ctx: Context) => viewerOf(ctx)!;

/** A version without its owner id (depositors are not exposed by the public API). */
export const toVersionOutput = (version: VersionRow) => ({
  ...version,
  versionId: `${version.conceptId}.v${version.n}`,
  files: version.files.map((file) => ({ ...file, tableSchema: (file.tableSchema ?? null) as never, preview: (file.preview ?? null) as never })),
});

export const archiveRouter = createTRPCRouter({
  list: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/datasets', tags: ['archive'], summary: 'Data sets (latest visible version of each)', protect: false } })
    .input(ZDatasetListInput)
    .output(ZDatasetListOutput)
    .query(async ({ ctx, input }) => {
      const page = input.page ?? 1;
      const pageSize = input.pageSize ?? 20;
      const { total, versions } = await archiveOf(ctx).listDatasets({ viewer: viewerOf(ctx), page, pageSize });
      return { total, page, pageSize, items: versions.map(toVersionOutput) };
    }),

  get: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/datasets/{id}', tags: ['archive'], summary: 'A data set with its versions', protect: false } })
    .input(ZDatasetIdInput)
    .output(ZDatasetOutput)
    .query(async ({ ctx, input }) => {
      const { latest, versions } = await archiveOf(ctx).getDataset(input.id, viewerOf(ctx));
      return {
        id: latest.datasetId,
        conceptId: latest.conceptId,
        latest: toVersionOutput(latest),
        versions: versions.map((version) => ({ n: version.n, status: version.status, title: version.title, publishedAt: version.publishedAt })),
      };
    }),

  version: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/datasets/{id}/versions/{n}', tags: ['archive'], summary: 'One version: metadata, files, Table Schemas', protect: false } })
    .input(ZVersionRefInput)
    .output(ZDatasetVersionOutput)
    .query(async ({ ctx, input }) => toVersionOutput(await archiveOf(ctx).getVersion(input.id, input.n, viewerOf(ctx)))),

  licences: publicProcedure
    .input(z.void())
    .output(z.array(z.object({ id: z.string(), name: z.string() })))
    .query(() => [...SPDX_LICENCES]),

  create: researcherProcedure
    .input(ZCreateDatasetInput)
    .output(ZDatasetVersionOutput)
    .mutation(async ({ ctx, input }) => toVersionOutput(await archiveOf(ctx).createDataset({ actor: actorOf(ctx), metadata: input.metadata, caseIds: input.caseIds }))),

  updateDraft: researcherProcedure
    .input(ZUpdateDraftInput)
    .output(ZDatasetVersionOutput)
    .mutation(async ({ ctx, input }) =>
      toVersionOutput(await archiveOf(ctx).updateDraft({ actor: actorOf(ctx), datasetId: input.id, n: input.n, metadata: input.metadata, caseIds: input.caseIds })),
    ),

  removeFile: researcherProcedure
    .input(ZRemoveFileInput)
    .output(z.object({ removed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await archiveOf(ctx).removeFile({ actor: actorOf(ctx), datasetId: input.id, n: input.n, name: input.name });
      return { removed: true as const };
    }),

  publish: researcherProcedure
    .input(ZVersionRefInput)
    .output(ZDatasetVersionOutput)
    .mutation(async ({ ctx, input }) => toVersionOutput(await archiveOf(ctx).publish({ actor: actorOf(ctx), datasetId: input.id, n: input.n }))),

  createVersion: researcherProcedure
    .input(ZDatasetIdInput)
    .output(ZDatasetVersionOutput)
    .mutation(async ({ ctx, input }) => toVersionOutput(await archiveOf(ctx).createVersion({ actor: actorOf(ctx), datasetId: input.id }))),
});
