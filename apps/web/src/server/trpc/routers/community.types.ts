import { z } from 'zod';
import { ZCommunityVisibility, ZMembershipRole, ZMembershipStatus, ZSlug } from '@p2pvalue/platform';

export const ZCommunitySlugInput = z.object({ slug: ZSlug });

const ZMembershipOutput = z.object({ role: ZMembershipRole, status: ZMembershipStatus }).nullable();

export const ZCommunityListItem = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  avatarUrl: z.string().nullable(),
  visibility: ZCommunityVisibility,
  memberCount: z.number().int(),
  projectCount: z.number().int(),
  createdAt: z.date(),
  membership: ZMembershipOutput,
});

export const ZCommunityPermissionsOutput = z.object({
  canViewProfile: z.boolean(),
  canViewContents: z.boolean(),
  isMember: z.boolean(),
  isAdmin: z.boolean(),
  isOwner: z.boolean(),
  canJoin: z.boolean(),
  canRequestToJoin: z.boolean(),
  canCreateProject: z.boolean(),
  canManageMembers: z.boolean(),
  canLeave: z.boolean(),
});

export const ZCommunityOutput = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  avatarUrl: z.string().nullable(),
  visibility: ZCommunityVisibility,
  createdAt: z.date(),
  membership: ZMembershipOutput,
  permissions: ZCommunityPermissionsOutput,
});

export const ZMemberOutput = z.object({
  userId: z.string(),
  name: z.string(),
  /** empty unless the caller administers the community */
  email: z.string(),
  role: ZMembershipRole,
  status: ZMembershipStatus,
  createdAt: z.date(),
});

export const ZInviteOutput = z.object({
  id: z.string(),
  projectId: z.string().nullable(),
  role: ZMembershipRole,
  expiresAt: z.date().nullable(),
  maxUses: z.number().int().nullable(),
  uses: z.number().int(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const ZActivityOutput = z.object({
  userId: z.string(),
  userName: z.string(),
  projectId: z.string().nullable(),
  projectTitle: z.string().nullable(),
  kind: z.string(),
  at: z.date(),
});

export const ZInviteTokenInput = z.object({ token: z.string().min(10).max(200) });
