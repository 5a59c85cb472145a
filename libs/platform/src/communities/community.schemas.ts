import { z } from 'zod';

export const ZSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'At least 3 characters')
  .max(48, 'At most 48 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and single hyphens');

/** Images are links (uploads arrive with the file store); only http(s) URLs render. */
export const ZImageUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => /^https?:\/\//i.test(v) || v.startsWith('/'), 'An http(s) address');

export const ZCommunityVisibility = z.enum(['public', 'private']);
export const ZMembershipRole = z.enum(['owner', 'admin', 'member']);
export const ZMembershipStatus = z.enum(['active', 'requested']);

export const ZCreateCommunityInput = z.object({
  slug: ZSlug,
  name: z.string().trim().min(2, 'At least 2 characters').max(80, 'At most 80 characters'),
  description: z.string().trim().max(2000).default(''),
  avatarUrl: ZImageUrl.nullish(),
  visibility: ZCommunityVisibility.default('public'),
});
export type TCreateCommunityInput = z.input<typeof ZCreateCommunityInput>;

export const ZUpdateCommunityInput = z.object({
  slug: ZSlug,
  name: z.string().trim().min(2).max(80).optional(),
  description: z.string().trim().max(2000).optional(),
  avatarUrl: ZImageUrl.nullish(),
  visibility: ZCommunityVisibility.optional(),
});

export const ZCreateInviteInput = z.object({
  slug: ZSlug,
  expiresInHours: z.number().int().min(1).max(24 * 90).default(24 * 7),
  maxUses: z.number().int().min(1).max(10_000).nullish(),
  role: z.enum(['admin', 'member']).default('member'),
  projectId: z.uuid().nullish(),
});
