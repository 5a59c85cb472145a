import { z } from 'zod';

export const ZChannelOutput = z.object({
  id: z.string(),
  kind: z.enum(['general', 'project', 'custom', 'direct']),
  name: z.string(),
  communityId: z.string().nullable(),
  projectId: z.string().nullable(),
  lastMessageAt: z.date().nullable(),
  unread: z.number().int(),
  lastReadSeq: z.number().int(),
  canPost: z.boolean(),
  canModerate: z.boolean(),
});

export const ZChatMessageOutput = z.object({
  id: z.string(),
  seq: z.number().int(),
  channelId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  clientId: z.string(),
  /** markdown source; render it with a sanitising renderer */
  body: z.string(),
  threadRootId: z.string().nullable(),
  replyCount: z.number().int(),
  mentionedIds: z.array(z.string()),
  reactions: z.array(z.object({ emoji: z.string(), userIds: z.array(z.string()) })),
  editedAt: z.date().nullable(),
  deletedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const ZReadReceiptOutput = z.object({ userId: z.string(), name: z.string(), lastReadSeq: z.number().int() });
