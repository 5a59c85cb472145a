import { z } from 'zod';
import { ZUserRole } from '@p2pvalue/platform';

export const ZViewerOutput = z.object({ id: z.string(), email: z.string(), name: z.string(), role: ZUserRole });

export const ZApiTokenOutput = z.object({
  id: z.string(),
  name: z.string().nullable(),
  start: z.string().nullable(),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
});

export const ZCreateApiTokenInput = z.object({
  name: z.string().trim().min(1, 'Give the token a name').max(64, 'At most 64 characters'),
  expiresInDays: z.number().int().min(1).max(365).optional(),
});

export const ZCreatedApiTokenOutput = z.object({
  id: z.string(),
  name: z.string(),
  /** Shown once; only its hash is stored. */
  token: z.string(),
  expiresAt: z.date().nullable(),
});
