import { z } from 'zod';
import { ZAttachmentIds, ZChatBody, ZClientId, ZCreateChannelInput, ZDirectCandidatesInput, ZLinkCardsInput, ZOpenDirectInput, ZSearchChatInput } from '@p2pvalue/platform';
import { checkChatSendRate } from '../../chat-send-limit';
import { platformServices } from '../../platform';
import { broadcastChatMessage } from '../../realtime/chat-broadcast';
import { createTRPCRouter, protectedProcedure } from '../init';
import { ZChannelOutput, ZChatLinkCardOutput, ZChatMessageOutput, ZReadReceiptOutput } from './chat.types';

const ZChannelRow = ZChannelOutput.pick({ id: true, kind: true, name: true, communityId: true, projectId: true });

/** Chat for the UI and for bots (REST). Live traffic goes over socket.io (see realtime/chat-socket.ts). */
export const chatRouter = createTRPCRouter({
  channels: protectedProcedure
    .meta({ openapi: { method: 'GET', path: '/channels', tags: ['chat'], summary: 'The chat channels the caller can read, with unread counts', protect: true } })
    .input(z.object({ communityId: z.uuid().optional() }))
    .output(z.object({ items: z.array(ZChannelOutput) }))
    .query(async ({ ctx, input }) => ({ items: await platformServices(ctx.db).chat.listChannels(ctx.viewer, input.communityId ? { communityId: input.communityId } : {}) })),

  messages: protectedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/channels/{id}/messages',
        tags: ['chat'],
        summary: "A page of a channel's messages, newest first; pass the last item's seq as `before` for the next page",
        protect: true,
      },
    })
    .input(z.object({ id: z.uuid(), before: z.coerce.number().int().nonnegative().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }))
    .output(z.object({ items: z.array(ZChatMessageOutput) }))
    .query(async ({ ctx, input }) => {
      const { items } = await platformServices(ctx.db).chat.history(ctx.viewer, {
        channelId: input.id,
        limit: input.limit,
        ...(input.before !== undefined ? { before: input.before } : {}),
      });
      return { items: items.reverse() };
    }),

  send: protectedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/channels/{id}/messages',
        tags: ['chat'],
        summary: 'Post a message (markdown). Idempotent on clientId: sending the same clientId again returns the stored message',
        description:
          'To send files, upload each first (PUT /api/uploads/chat/{channelId}/attachments, same token) and pass their ids as `attachmentIds`; `body` may then be empty.',
        protect: true,
      },
    })
    .input(
      z
        .object({
          id: z.uuid(),
          clientId: ZClientId,
          // may be empty when files are attached
          body: ZChatBody.or(z.literal('')).default(''),
          threadRootId: z.uuid().nullish(),
          attachmentIds: ZAttachmentIds.optional(),
        })
        .refine((v) => v.body.length > 0 || (v.attachmentIds?.length ?? 0) > 0, { message: 'Write something first.', path: ['body'] }),
    )
    .output(ZChatMessageOutput)
    .mutation(async ({ ctx, input }) => {
      await checkChatSendRate(ctx.viewer.id);
      const { message, threadRoot, directUserIds } = await platformServices(ctx.db).chat.sendMessage(ctx.viewer, {
        channelId: input.id,
        clientId: input.clientId,
        body: input.body,
        threadRootId: input.threadRootId ?? null,
        ...(input.attachmentIds ? { attachmentIds: input.attachmentIds } : {}),
      });
      broadcastChatMessage(message, 'chat:message', directUserIds);
      if (threadRoot) broadcastChatMessage(threadRoot, 'chat:updated');
      return message;
    }),

  createChannel: protectedProcedure
    .input(ZCreateChannelInput)
    .output(ZChannelRow)
    .mutation(({ ctx, input }) => platformServices(ctx.db).chat.createChannel(ctx.viewer, input)),

  openDirect: protectedProcedure
    .input(ZOpenDirectInput)
    .output(ZChannelRow)
    .mutation(({ ctx, input }) => platformServices(ctx.db).chat.openDirectChannel(ctx.viewer, input)),

  directCandidates: protectedProcedure
    .input(ZDirectCandidatesInput)
    .output(z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }))
    .query(async ({ ctx, input }) => ({ items: await platformServices(ctx.db).chat.directCandidates(ctx.viewer, input) })),

  /** Cards for the documents and needs linked in messages, as the caller may see them. */
  linkCards: protectedProcedure
    .input(ZLinkCardsInput)
    .output(z.object({ items: z.array(z.object({ messageId: z.string(), cards: z.array(ZChatLinkCardOutput) })) }))
    .query(async ({ ctx, input }) => ({ items: await platformServices(ctx.db).chat.linkCards(ctx.viewer, input) })),

  search: protectedProcedure
    .input(ZSearchChatInput)
    .output(z.object({ items: z.array(ZChatMessageOutput) }))
    .query(async ({ ctx, input }) => ({ items: await platformServices(ctx.db).chat.search(ctx.viewer, input) })),

  readReceipts: protectedProcedure
    .input(z.object({ channelId: z.uuid() }))
    .output(z.object({ items: z.array(ZReadReceiptOutput) }))
    .query(async ({ ctx, input }) => ({ items: await platformServices(ctx.db).chat.readReceipts(ctx.viewer, input.channelId) })),

  mentionCandidates: protectedProcedure
    .input(z.object({ channelId: z.uuid() }))
    .output(z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }))
    .query(async ({ ctx, input }) => ({ items: await platformServices(ctx.db).chat.mentionCandidates(ctx.viewer, input.channelId) })),
});
