import { z } from 'zod';
import { ZCreateProjectInput, ZSlug, ZUpdateProjectInput } from '@p2pvalue/platform';
import { platformServices } from '../../platform';
import { communityMemberProcedure, createTRPCRouter, protectedProcedure, publicProcedure } from '../init';
import { ZPersonOutput, ZProjectIdInput, ZProjectOutput } from './project.types';

const ok = z.object({ ok: z.literal(true) });
const ZProjectMemberTarget = z.object({ projectId: z.uuid(), userId: z.string().min(1).max(100) });

export const projectRouter = createTRPCRouter({
  list: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/projects', tags: ['projects'], summary: "A community's projects the caller may see: featured first, then by recent activity", protect: false } })
    .input(z.object({ community: ZSlug, includeArchived: z.stringbool().optional() }))
    .output(z.object({ items: z.array(ZProjectOutput) }))
    .query(async ({ ctx, input }) => ({
      items: await platformServices(ctx.db).projects.listProjects(ctx.viewer, input.community, { includeArchived: input.includeArchived ?? false }),
    })),

  get: publicProcedure
    .input(ZProjectIdInput)
    .output(ZProjectOutput)
    .query(({ ctx, input }) => platformServices(ctx.db).projects.getProjectOrThrow(ctx.viewer, input)),

  bySlug: publicProcedure
    .input(z.object({ community: ZSlug, slug: ZSlug, linkKey: z.string().max(100).nullish() }))
    .output(ZProjectOutput)
    .query(({ ctx, input }) => platformServices(ctx.db).projects.getProjectBySlugOrThrow(ctx.viewer, input)),

  create: communityMemberProcedure
    .input(ZCreateProjectInput.omit({ community: true }))
    .output(ZProjectOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).projects.createProject(ctx.viewer, input)),

  update: protectedProcedure
    .input(ZUpdateProjectInput)
    .output(ZProjectOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).projects.updateProject(ctx.viewer, input)),

  rotateLink: protectedProcedure
    .input(z.object({ projectId: z.uuid() }))
    .output(ZProjectOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).projects.rotateLinkKey(ctx.viewer, input.projectId)),

  setFeatured: protectedProcedure
    .input(z.object({ projectId: z.uuid(), featured: z.boolean() }))
    .output(ZProjectOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).projects.setFeatured(ctx.viewer, input)),

  setArchived: protectedProcedure
    .input(z.object({ projectId: z.uuid(), archived: z.boolean() }))
    .output(ZProjectOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).projects.setArchived(ctx.viewer, input)),

  join: protectedProcedure
    .input(z.object({ projectId: z.uuid() }))
    .output(ZProjectOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).projects.joinProject(ctx.viewer, input.projectId)),

  leave: protectedProcedure
    .input(z.object({ projectId: z.uuid() }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await platformServices(ctx.db).projects.leaveProject(ctx.viewer, input.projectId);
      return { ok: true as const };
    }),

  people: publicProcedure
    .input(ZProjectIdInput)
    .output(z.object({ members: z.array(ZPersonOutput), supporters: z.array(ZPersonOutput) }))
    .query(({ ctx, input }) => platformServices(ctx.db).projects.listMembers(ctx.viewer, input)),

  addMember: protectedProcedure
    .input(ZProjectMemberTarget)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await platformServices(ctx.db).projects.addMember(ctx.viewer, input);
      return { ok: true as const };
    }),

  removeMember: protectedProcedure
    .input(ZProjectMemberTarget)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await platformServices(ctx.db).projects.removeMember(ctx.viewer, input);
      return { ok: true as const };
    }),

  setSupport: protectedProcedure
    .input(z.object({ projectId: z.uuid(), support: z.boolean(), linkKey: z.string().max(100).nullish() }))
    .output(ZProjectOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).projects.setSupport(ctx.viewer, input)),
});
