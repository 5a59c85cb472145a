import type { MessageView } from '@p2pvalue/platform';
import type { ChatMessageWire } from './contracts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A stored message as it goes over socket.io. */
export function toWire(m: MessageView): ChatMessageWire {
  return {
    id: m.id,
    seq: m.seq,
    channelId: m.channelId,
    authorId: m.authorId,
    authorName: m.authorName,
    clientId: m.clientId,
    body: m.body,
    threadRootId: m.threadRootId,
    replyCount: m.replyCount,
    lastReplyAt: iso(m.lastReplyAt),
    mentionedIds: m.mentionedIds,
    attachments: m.attachments.map((a) => ({ id: a.id, name: a.name, url: a.url, contentType: a.contentType, size: a.size })),
    reactions: m.reactions,
    editedAt: iso(m.editedAt),
    deletedAt: iso(m.deletedAt),
    createdAt: m.createdAt.toISOString(),
  };
}
