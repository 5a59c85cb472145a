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
  /** direct channels: the other participant */
  peerId: z.string().nullable(),
});

/** A file of a message: images are shown inline, other files are downloads (url serves readers only). */
export const ZChatAttachmentOutput = z.object({ id: z.string(), name: z.string(), url: z.string(), contentType: z.string(), size: z.number().int() });

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
  attachments: z.array(ZChatAttachmentOutput),
  reactions: z.array(z.object({ emoji: z.string(), userIds: z.array(z.string()) })),
  editedAt: z.date().nullable(),
  deletedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const ZReadReceiptOutput = z.object({ userId: z.string(), name: z.string(), lastReadSeq: z.number().int() });

export const ZChatLinkCardOutput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), id: z.string(), url: z.string(), title: z.string(), projectTitle: z.string(), communityName: z.string(), editedAt: z.date() }),
  z.object({
    kind: z.literal('need'),
    id: z.string(),
    url: z.string(),
    title: z.string(),
    projectTitle: z.string(),
    communityName: z.string(),
    status: z.string(),
    pledged: z.number(),
    goal: z.number(),
  }),
]);
