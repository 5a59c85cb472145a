import { z } from 'zod';

const ZNotificationId = z.string().min(1).max(100);

export const ZListNotificationsInput = z.object({
  cursor: z.string().min(1).max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
  unreadOnly: z.boolean().default(false),
});

export const ZMarkNotificationsReadInput = z.object({ ids: z.array(ZNotificationId).min(1).max(200) });

/** Channel ids are opaque strings owned by their source (chat today). */
export const ZChannelId = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9:_-]+$/, 'Invalid channel id');

export const ZSetChannelMuteInput = z.object({ channelId: ZChannelId, muted: z.boolean() });

export const ZNotificationSettingsInput = z.object({ dailyDigest: z.boolean() });

export type TListNotificationsInput = z.input<typeof ZListNotificationsInput>;
