import { z } from 'zod';
import {
  ZBountyInput,
  ZChecklistAddInput,
  ZChecklistToggleInput,
  ZCreateNeedInput,
  ZNeedActionInput,
  ZNeedCommentInput,
  ZNeedFeatureInput,
  ZSlug,
  ZUpdateNeedInput,
} from '@p2pvalue/platform';
import { platformServices } from '../../platform';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../init';
import { ZFeaturedNeedOutput, ZNeedListOutput, ZNeedOutput } from './funding.types';

const ZNeedId = z.object({ needId: z.uuid() });

export const needRouter = createTRPCRouter({
  list: publicProcedure
    .input(z.object({ projectId: z.uuid() }))
    .output(ZNeedListOutput)
    .query(({ ctx, input }) => platformServices(ctx.db).needs.listProjectNeeds(ctx.viewer, input.projectId)),

  /** REST: the same list for scripts (`GET /api/v1/projects/{id}/needs`). */
  needsOfProject: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/projects/{id}/needs',
        tags: ['funding'],
        summary: "A project's needs the caller may see: those being funded ranked (featured, almost there, support), then in progress, then done",
        protect: false,
      },
    })
    .input(z.object({ id: z.uuid() }))
    .output(ZNeedListOutput)
    .query(({ ctx, input }) => platformServices(ctx.db).needs.listProjectNeeds(ctx.viewer, input.id)),

  /** REST: one need with its funding, lifecycle, comments and checklist (`GET /api/v1/needs/{id}`). */
  needById: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/needs/{id}', tags: ['funding'], summary: 'A need: funding, lifecycle with every transition, assignees, comments, checklist, bounties', protect: false } })
    .input(z.object({ id: z.uuid() }))
    .output(ZNeedOutput)
    .query(({ ctx, input }) => platformServices(ctx.db).needs.getNeedOrThrow(ctx.viewer, input.id)),

  featured: publicProcedure
    .input(z.object({ community: ZSlug }))
    .output(z.array(ZFeaturedNeedOutput))
    .query(({ ctx, input }) => platformServices(ctx.db).needs.listFeatured(ctx.viewer, input.community)),

  get: publicProcedure
    .input(ZNeedId)
    .output(ZNeedOutput)
    .query(({ ctx, input }) => platformServices(ctx.db).needs.getNeedOrThrow(ctx.viewer, input.needId)),

  create: protectedProcedure
    .input(ZCreateNeedInput)
    .output(ZNeedOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).needs.createNeed(ctx.viewer, input)),

  update: protectedProcedure
    .input(ZUpdateNeedInput)
    .output(ZNeedOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).needs.updateNeed(ctx.viewer, input)),

  act: protectedProcedure
    .input(ZNeedActionInput)
    .output(ZNeedOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).needs.act(ctx.viewer, input)),

  setFeatured: protectedProcedure
    .input(ZNeedFeatureInput)
    .output(ZNeedOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).needs.setFeatured(ctx.viewer, input)),

  comment: protectedProcedure
    .input(ZNeedCommentInput)
    .output(ZNeedOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).needs.addComment(ctx.viewer, input)),

  addChecklistItem: protectedProcedure
    .input(ZChecklistAddInput)
    .output(ZNeedOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).needs.addChecklistItem(ctx.viewer, input)),

  setChecklistItemDone: protectedProcedure
    .input(ZChecklistToggleInput)
    .output(ZNeedOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).needs.setChecklistItemDone(ctx.viewer, input)),

  attachBounty: protectedProcedure
    .input(ZBountyInput)
    .output(ZNeedOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).needs.attachBounty(ctx.viewer, input)),
});
