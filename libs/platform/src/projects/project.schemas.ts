import { z } from 'zod';
import { ZImageUrl, ZSlug } from '../communities/community.schemas';

export const ZShareMode = z.enum(['public', 'link', 'invite']);

export const ZCreateProjectInput = z.object({
  community: ZSlug,
  slug: ZSlug,
  title: z.string().trim().min(2, 'At least 2 characters').max(120, 'At most 120 characters'),
  description: z.string().trim().max(4000).default(''),
  imageUrl: ZImageUrl.nullish(),
  shareMode: ZShareMode.default('public'),
});

export const ZUpdateProjectInput = z.object({
  projectId: z.uuid(),
  title: z.string().trim().min(2).max(120).optional(),
  description: z.string().trim().max(4000).optional(),
  imageUrl: ZImageUrl.nullish(),
  shareMode: ZShareMode.optional(),
});
