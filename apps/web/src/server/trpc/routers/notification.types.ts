import { z } from 'zod';

export const ZNotificationOutput = z.object({
  id: z.string(),
  kind: z.string(),
  text: z.string(),
  href: z.string().nullable(),
  excerpt: z.string().nullable(),
  actorName: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.date(),
});

export const ZNotificationPageOutput = z.object({ items: z.array(ZNotificationOutput), nextCursor: z.string().nullable(), unread: z.number().int() });

export const ZMarkedOutput = z.object({ marked: z.number().int(), unread: z.number().int() });

export const ZNotificationSettingsOutput = z.object({ dailyDigest: z.boolean() });

export const ZNotificationDigestOutput = z.object({
  since: z.date(),
  until: z.date(),
  total: z.number().int(),
  unread: z.number().int(),
  groups: z.array(z.object({ kind: z.string(), label: z.string(), count: z.number().int(), unread: z.number().int(), latest: z.array(ZNotificationOutput) })),
});
