import { z } from 'zod';
import { ZShareMode } from '@p2pvalue/platform';

export const ZProjectPermissionsOutput = z.object({
  access: z.enum(['none', 'read', 'write']),
  listed: z.boolean(),
  canEditDetails: z.boolean(),
  canManageMembers: z.boolean(),
  canFeature: z.boolean(),
  canArchive: z.boolean(),
  canSupport: z.boolean(),
  canComment: z.boolean(),
});

export const ZProjectOutput = z.object({
  id: z.string(),
  communityId: z.string(),
  communitySlug: z.string(),
  communityName: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  imageUrl: z.string().nullable(),
  shareMode: ZShareMode,
  /** the share-link key, for those who manage the project */
  linkKey: z.string().nullable(),
  featured: z.boolean(),
  archived: z.boolean(),
  lastActivityAt: z.date(),
  createdAt: z.date(),
  supporterCount: z.number().int(),
  memberCount: z.number().int(),
  isMember: z.boolean(),
  isSupporter: z.boolean(),
  permissions: ZProjectPermissionsOutput,
});

export const ZProjectIdInput = z.object({ projectId: z.uuid(), linkKey: z.string().max(100).nullish() });

export const ZPersonOutput = z.object({ userId: z.string(), name: z.string() });
