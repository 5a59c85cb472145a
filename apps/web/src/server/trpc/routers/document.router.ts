import { z } from 'zod';
import { ZCommentAnchor } from '@p2pvalue/platform';
import { env } from '../../../env';
import { platformServices } from '../../platform';
import { createRealtimeToken } from '../../realtime/realtime-token';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../init';
import {
  ZCommentOutput,
  ZDocumentDetailOutput,
  ZDocumentOutput,
  ZFolderOutput,
  ZRealtimeTokenOutput,
  ZVersionDetailOutput,
  ZVersionOutput,
} from './document.types';

const ok = z.object({ ok: z.literal(true) });
const ZDocumentId = z.object({ documentId: z.uuid() });
const ZLinkKey = z.string().max(100).nullish();

export const documentRouter = createTRPCRouter({
  list: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/documents', tags: ['documents'], summary: "A project's documents and folders, if the caller may read the project", protect: false } })
    .input(z.object({ project: z.uuid(), linkKey: ZLinkKey }))
    .output(z.object({ items: z.array(ZDocumentOutput), folders: z.array(ZFolderOutput) }))
    .query(async ({ ctx, input }) => {
      const { documents, folders } = await platformServices(ctx.db).documents.listDocuments(ctx.viewer, { projectId: input.project, linkKey: input.linkKey ?? null });
      return { items: documents, folders };
    }),

  get: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/documents/{id}', tags: ['documents'], summary: 'A document: metadata and its content as markdown', protect: false } })
    .input(z.object({ id: z.uuid(), linkKey: ZLinkKey }))
    .output(ZDocumentDetailOutput)
    .query(({ ctx, input }) => platformServices(ctx.db).documents.getDocumentOrThrow(ctx.viewer, { documentId: input.id, linkKey: input.linkKey ?? null })),

  realtimeToken: protectedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/realtime/token',
        tags: ['documents'],
        summary: 'A short-lived token for realtime clients: pass it as the Hocuspocus provider `token` at collabUrl',
        protect: true,
      },
    })
    .input(z.void())
    .output(ZRealtimeTokenOutput)
    .query(({ ctx }) => {
      const { token, expiresAt } = createRealtimeToken(ctx.viewer.id);
      const base = new URL(env.PUBLIC_URL);
      const ws = `${base.protocol === 'https:' ? 'wss:' : 'ws:'}//${base.host}`;
      return { token, expiresAt, collabUrl: `${ws}/collab`, socketUrl: base.origin };
    }),

  create: protectedProcedure
    .input(z.object({ projectId: z.uuid(), title: z.string().max(200), folderId: z.uuid().nullish() }))
    .output(ZDocumentOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).documents.createDocument(ctx.viewer, input)),

  rename: protectedProcedure
    .input(ZDocumentId.extend({ title: z.string().max(200) }))
    .output(ZDocumentOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).documents.renameDocument(ctx.viewer, input)),

  move: protectedProcedure
    .input(ZDocumentId.extend({ folderId: z.uuid().nullable() }))
    .output(ZDocumentOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).documents.moveDocument(ctx.viewer, input)),

  delete: protectedProcedure
    .input(ZDocumentId)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await platformServices(ctx.db).documents.deleteDocument(ctx.viewer, input.documentId);
      return { ok: true as const };
    }),

  createFolder: protectedProcedure
    .input(z.object({ projectId: z.uuid(), name: z.string().max(120), parentId: z.uuid().nullish() }))
    .output(ZFolderOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).documents.createFolder(ctx.viewer, input)),

  renameFolder: protectedProcedure
    .input(z.object({ folderId: z.uuid(), name: z.string().max(120) }))
    .output(ZFolderOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).documents.renameFolder(ctx.viewer, input)),

  deleteFolder: protectedProcedure
    .input(z.object({ folderId: z.uuid() }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await platformServices(ctx.db).documents.deleteFolder(ctx.viewer, input.folderId);
      return { ok: true as const };
    }),

  versions: publicProcedure
    .input(ZDocumentId)
    .output(z.array(ZVersionOutput))
    .query(({ ctx, input }) => platformServices(ctx.db).documents.listVersions(ctx.viewer, input)),

  version: publicProcedure
    .input(ZDocumentId.extend({ versionId: z.uuid() }))
    .output(ZVersionDetailOutput)
    .query(async ({ ctx, input }) => {
      const version = await platformServices(ctx.db).documents.getVersion(ctx.viewer, input);
      return { ...version, yState: Buffer.from(version.yState).toString('base64') };
    }),

  createVersion: protectedProcedure
    .input(ZDocumentId.extend({ label: z.string().trim().max(120).nullish() }))
    .output(ZVersionOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).documents.createVersion(ctx.viewer, input)),

  restoreVersion: protectedProcedure
    .input(ZDocumentId.extend({ versionId: z.uuid() }))
    .output(z.object({ before: ZVersionOutput, restored: ZVersionOutput }))
    .mutation(({ ctx, input }) => platformServices(ctx.db).documents.restoreVersion(ctx.viewer, input)),

  comments: publicProcedure
    .input(ZDocumentId.extend({ linkKey: ZLinkKey }))
    .output(z.array(ZCommentOutput))
    .query(({ ctx, input }) => platformServices(ctx.db).documents.listComments(ctx.viewer, input)),

  addComment: protectedProcedure
    .input(
      ZDocumentId.extend({
        body: z.string().max(5_000),
        anchor: ZCommentAnchor.nullish(),
        threadRootId: z.uuid().nullish(),
        mentionedIds: z.array(z.string().max(100)).max(20).default([]),
      }),
    )
    .output(ZCommentOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).documents.addComment(ctx.viewer, input)),

  setCommentResolved: protectedProcedure
    .input(z.object({ commentId: z.uuid(), resolved: z.boolean() }))
    .output(ZCommentOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).documents.setCommentResolved(ctx.viewer, input)),

  mentionCandidates: protectedProcedure
    .input(ZDocumentId.extend({ query: z.string().max(50) }))
    .output(z.array(z.object({ id: z.string(), name: z.string() })))
    .query(({ ctx, input }) => platformServices(ctx.db).documents.mentionCandidates(ctx.viewer, input)),
});
