import { z } from 'zod';
import { ZListNotificationsInput, ZMarkNotificationsReadInput, ZNotificationSettingsInput, ZSetChannelMuteInput } from '@p2pvalue/platform';
import { platformServices } from '../../platform';
import { createTRPCRouter, protectedProcedure } from '../init';
import { ZMarkedOutput, ZNotificationDigestOutput, ZNotificationPageOutput, ZNotificationSettingsOutput } from './notification.types';

/** The caller's own notification centre; no procedure takes a user id. */
export const notificationRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ZListNotificationsInput)
    .output(ZNotificationPageOutput)
    .query(({ ctx, input }) => platformServices(ctx.db).notifications.list(ctx.viewer, input)),

  unreadCount: protectedProcedure
    .input(z.void())
    .output(z.object({ unread: z.number().int() }))
    .query(async ({ ctx }) => ({ unread: await platformServices(ctx.db).notifications.unreadCount(ctx.viewer) })),

  markRead: protectedProcedure
    .input(ZMarkNotificationsReadInput)
    .output(ZMarkedOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).notifications.markRead(ctx.viewer, input)),

  markAllRead: protectedProcedure
    .input(z.void())
    .output(ZMarkedOutput)
    .mutation(({ ctx }) => platformServices(ctx.db).notifications.markAllRead(ctx.viewer)),

  mutedChannels: protectedProcedure
    .input(z.void())
    .output(z.object({ channels: z.array(z.object({ channelId: z.string(), label: z.string() })) }))
    .query(async ({ ctx }) => ({ channels: await platformServices(ctx.db).notifications.listMutedChannels(ctx.viewer) })),

  setChannelMuted: protectedProcedure
    .input(ZSetChannelMuteInput)
    .output(z.object({ channelId: z.string(), muted: z.boolean() }))
    .mutation(({ ctx, input }) => platformServices(ctx.db).notifications.setChannelMuted(ctx.viewer, input)),

  settings: protectedProcedure
    .input(z.void())
    .output(ZNotificationSettingsOutput)
    .query(({ ctx }) => platformServices(ctx.db).notifications.getSettings(ctx.viewer)),

  saveSettings: protectedProcedure
    .input(ZNotificationSettingsInput)
    .output(ZNotificationSettingsOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).notifications.saveSettings(ctx.viewer, input)),

  digest: protectedProcedure
    .input(z.void())
    .output(ZNotificationDigestOutput)
    .query(({ ctx }) => platformServices(ctx.db).notifications.digest(ctx.viewer)),
});
