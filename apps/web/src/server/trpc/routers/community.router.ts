import { z } from 'zod';
import { ZCreateCommunityInput, ZCreateInviteInput, ZMembershipRole, ZSlug, ZUpdateCommunityInput } from '@p2pvalue/platform';
import { platformServices } from '../../platform';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../init';
import {
  ZActivityOutput,
  ZCommunityListItem,
  ZCommunityOutput,
  ZCommunitySlugInput,
  ZInviteOutput,
  ZInviteTokenInput,
  ZMemberOutput,
} from './community.types';

const ZMemberTarget = z.object({ slug: ZSlug, userId: z.string().min(1).max(100) });
const ok = z.object({ ok: z.literal(true) });

export const communityRouter = createTRPCRouter({
  list: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/communities', tags: ['communities'], summary: 'Communities the caller may see (public ones and their own)', protect: false } })
    .input(z.void())
    .output(z.object({ items: z.array(ZCommunityListItem) }))
    .query(async ({ ctx }) => ({ items: await platformServices(ctx.db).communities.listCommunities(ctx.viewer) })),

  get: publicProcedure
    .input(ZCommunitySlugInput)
    .output(ZCommunityOutput)
    .query(({ ctx, input }) => platformServices(ctx.db).communities.getCommunityOrThrow(ctx.viewer, input.slug)),

  create: protectedProcedure
    .input(ZCreateCommunityInput)
    .output(ZCommunityOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).communities.createCommunity(ctx.viewer, input)),

  update: protectedProcedure
    .input(ZUpdateCommunityInput)
    .output(ZCommunityOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).communities.updateCommunity(ctx.viewer, input)),

  join: protectedProcedure
    .input(ZCommunitySlugInput)
    .output(ZCommunityOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).communities.joinCommunity(ctx.viewer, input.slug)),

  /** Leaving, or withdrawing a request to join. */
  leave: protectedProcedure
    .input(z.object({ community: ZSlug }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await platformServices(ctx.db).communities.leaveCommunity(ctx.viewer, input.community);
      return { ok: true as const };
    }),

  members: publicProcedure
    .input(ZCommunitySlugInput)
    .output(z.object({ members: z.array(ZMemberOutput), requests: z.array(ZMemberOutput) }))
    .query(({ ctx, input }) => platformServices(ctx.db).communities.listMembers(ctx.viewer, input.slug)),

  decideRequest: protectedProcedure
    .input(ZMemberTarget.extend({ approve: z.boolean() }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await platformServices(ctx.db).communities.decideJoinRequest(ctx.viewer, input);
      return { ok: true as const };
    }),

  setMemberRole: protectedProcedure
    .input(ZMemberTarget.extend({ role: ZMembershipRole }))
    .output(z.object({ userId: z.string(), role: ZMembershipRole }))
    .mutation(async ({ ctx, input }) => {
      const m = await platformServices(ctx.db).communities.setMemberRole(ctx.viewer, input);
      return { userId: m.userId, role: m.role };
    }),

  removeMember: protectedProcedure
    .input(ZMemberTarget)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await platformServices(ctx.db).communities.removeMember(ctx.viewer, input);
      return { ok: true as const };
    }),

  createInvite: protectedProcedure
    .input(ZCreateInviteInput)
    .output(z.object({ invite: ZInviteOutput, token: z.string() }))
    .mutation(({ ctx, input }) => platformServices(ctx.db).communities.createInvite(ctx.viewer, input)),

  listInvites: protectedProcedure
    .input(ZCommunitySlugInput)
    .output(z.array(ZInviteOutput))
    .query(({ ctx, input }) => platformServices(ctx.db).communities.listInvites(ctx.viewer, input.slug)),

  revokeInvite: protectedProcedure
    .input(z.object({ slug: ZSlug, inviteId: z.uuid() }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await platformServices(ctx.db).communities.revokeInvite(ctx.viewer, input);
      return { ok: true as const };
    }),

  previewInvite: publicProcedure
    .input(ZInviteTokenInput)
    .output(z.object({ community: z.object({ slug: z.string(), name: z.string(), description: z.string() }), valid: z.boolean(), reason: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const preview = await platformServices(ctx.db).communities.previewInvite(input.token);
      return { ...preview, community: { slug: preview.community.slug, name: preview.community.name, description: preview.community.description } };
    }),

  acceptInvite: protectedProcedure
    .input(ZInviteTokenInput)
    .output(ZCommunityOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).communities.acceptInvite(ctx.viewer, input.token)),

  activity: publicProcedure
    .input(ZCommunitySlugInput)
    .output(z.array(ZActivityOutput))
    .query(({ ctx, input }) => platformServices(ctx.db).communities.recentActivity(ctx.viewer, input.slug)),
});
