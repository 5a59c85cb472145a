import { createHash } from 'node:crypto';
import { AppError } from '@p2pvalue/shared';
import type { z } from 'zod';
import { projectPermissions, type AccessActor, type TMembershipRole, type TMembershipStatus, type TShareMode } from '../access/access.policy';
import type { CommunityRepository } from '../communities/community.repository';
import type { NotificationRepository } from '../notifications/notification.repository';
import type { ProjectRepository } from '../projects/project.repository';
import type { ChatAttachmentRepository } from './chat-attachment.repository';
import { cleanFileName, MAX_CHAT_ATTACHMENT_BYTES, sniffChatFileType } from './chat-file-type';
import { chatLinkRefs, type ChatLinkCard, type ChatLinkCardResolver } from './chat-link-cards';
import type { AttachmentRow, ChannelAccessFacts, ChannelWithFacts, ChatRepository, MessageRow, TChatChannelKind } from './chat.repository';
import {
  chatMentionIds,
  ZCreateChannelInput,
  ZDirectCandidatesInput,
  ZLinkCardsInput,
  ZEditMessageInput,
  ZHistoryInput,
  ZMarkReadInput,
  ZMessageRef,
  ZOpenDirectInput,
  ZReactInput,
  ZSearchChatInput,
  ZSendMessageInput,
} from './chat.schemas';

export interface ChannelAccess {
  read: boolean;
  post: boolean;
  /** may delete others' messages and create channels */
  moderate: boolean;
}

export interface ChannelView {
  id: string;
  kind: TChatChannelKind;
  name: string;
  communityId: string | null;
  projectId: string | null;
  lastMessageAt: Date | null;
  unread: number;
  lastReadSeq: number;
  canPost: boolean;
  canModerate: boolean;
  /** direct channels: the other participant */
  peerId: string | null;
}

export type MessageView = MessageRow;

/** Where a chat file is served (to the channel's readers only). */
export const chatAttachmentPath = (attachmentId: string) => `/api/v1/chat/attachments/${attachmentId}`;

/** Uploads a member may make: per 10 minutes, and bytes per hour (counted in PostgreSQL, so across web processes). */
export const CHAT_UPLOAD_LIMITS = { filesPer10Minutes: 30, bytesPerHour: 100 * 1024 * 1024 } as const;

export interface ChatDeps {
  chat: ChatRepository;
  chatAttachments: ChatAttachmentRepository;
  communities: CommunityRepository;
  projects: ProjectRepository;
  notifications: NotificationRepository;
  /** Turns a link to a document or need into a card, with the reader's permissions. */
  resolveLinkCard: ChatLinkCardResolver;
  clock: () => Date;
}

const NO_ACCESS: ChannelAccess = { read: false, post: false, moderate: false };

/**
 * Chat: membership follows the community's and project's (reading and posting need active
 * membership, even in a public community); direct channels belong to their two participants.
 * "Cannot read it" and "does not exist" both answer NOT_FOUND.
 */
export function createChatService(deps: ChatDeps) {
  const { chat, chatAttachments, communities, projects, notifications, resolveLinkCard, clock } = deps;

  /** Access given the facts, in one place (projects follow the platform's access policy). */
  function decide(
    actor: AccessActor,
    channel: { kind: TChatChannelKind; project: { shareMode: TShareMode; archived: boolean } | null },
    facts: { membership: { role: TMembershipRole; status: TMembershipStatus } | null; isProjectMember: boolean; isDirectMember: boolean; sharesCommunity: boolean },
  ): ChannelAccess {
    // A conversation stays readable by its two people; writing needs a community they still share.
    if (channel.kind === 'direct') return { read: facts.isDirectMember, post: facts.isDirectMember && facts.sharesCommunity, moderate: false };
    const { membership } = facts;
    if (membership?.status !== 'active') return NO_ACCESS;
    const admin = membership.role === 'owner' || membership.role === 'admin' || actor.role === 'staff';
    if (channel.kind === 'project' && channel.project) {
      // Only members get here, so the community's visibility does not change the outcome.
      const access = projectPermissions(actor, {
        visibility: 'private',
        membership,
        shareMode: channel.project.shareMode,
        archived: channel.project.archived,
        isProjectMember: facts.isProjectMember,
        hasLinkKey: false,
      }).access;
      return { read: access !== 'none', post: access === 'write', moderate: admin && access !== 'none' };
    }
    return { read: true, post: true, moderate: admin };
  }

  /** One query: the channel and the actor's standing in it. Checked on every read and write. */
  async function accessTo(actor: AccessActor, channelId: string): Promise<{ facts: ChannelAccessFacts | null; access: ChannelAccess }> {
    const facts = await chat.accessFacts(channelId, actor.id);
    return { facts, access: facts ? decide(actor, facts.channel, facts) : NO_ACCESS };
  }

  async function readableChannelOrThrow(actor: AccessActor, channelId: string): Promise<{ channel: ChannelAccessFacts['channel']; access: ChannelAccess }> {
    const { facts, access } = await accessTo(actor, channelId);
    if (!facts || !access.read) throw new AppError('NOT_FOUND', 'No such channel.');
    return { channel: facts.channel, access };
  }

  async function messageInReadableChannelOrThrow(actor: AccessActor, messageId: string) {
    const message = await chat.findMessage(messageId);
    if (!message) throw new AppError('NOT_FOUND', 'No such message.');
    const { channel, access } = await readableChannelOrThrow(actor, message.channelId).catch(() => {
      throw new AppError('NOT_FOUND', 'No such message.');
    });
    return { message, channel, access };
  }

  /** Every channel the actor may read (optionally in one community). */
  async function readableChannels(actor: AccessActor, communityId?: string): Promise<{ channel: ChannelWithFacts; access: ChannelAccess; peerId: string | null }[]> {
    const candidates = await chat.listCandidateChannels(actor.id, communityId);
    const memberships = new Map((await communities.listMembershipsOfUser(actor.id)).map((m) => [m.communityId, m]));
    const projectIds = candidates.flatMap((c) => (c.projectId ? [c.projectId] : []));
    const participant = await projects.memberProjectIds(actor.id, projectIds);
    const peerOf = (channel: ChannelWithFacts) => (channel.kind === 'direct' ? (channel.memberIds.find((id) => id !== actor.id) ?? null) : null);
    const sharing = await chat.peersSharingACommunity(
      actor.id,
      candidates.flatMap((c) => peerOf(c) ?? []),
    );
    return candidates
      .map((channel) => ({
        channel,
        peerId: peerOf(channel),
        access: decide(actor, channel, {
          // a direct channel's community is where it was started, not a condition of access
          membership: channel.communityId && channel.kind !== 'direct' ? (memberships.get(channel.communityId) ?? null) : null,
          isProjectMember: !!channel.projectId && participant.has(channel.projectId),
          isDirectMember: channel.memberIds.includes(actor.id),
          sharesCommunity: sharing.has(peerOf(channel) ?? ''),
        }),
      }))
      .filter((c) => c.access.read);
  }

  type Channel = ChannelAccessFacts['channel'];

  function chatLink(channel: Channel, messageId: string): string {
    return `/communities/${channel.communitySlug ?? '-'}/chat/${channel.id}?message=${messageId}`;
  }

  /**
   * Mentions, replies in one's threads and, in a direct channel, the message itself for the other
   * participant: one notification per person and message (mention first, then the direct message,
   * then the reply). Direct-message and reply notifications carry the channel id, so a muted
   * channel drops them (repository rule); mentions get through a mute.
   */
  async function notifyAbout(actor: AccessActor, channel: Channel, message: MessageRow, directUserIds: string[]): Promise<void> {
    const excerpt = message.body.slice(0, 140);
    // Keys the notification centre understands (see NewNotification): actorId, url, excerpt, channelId, channelName, communitySlug.
    const base = {
      channelId: channel.id,
      channelName: channel.name,
      messageId: message.id,
      communityId: channel.communityId,
      communitySlug: channel.communitySlug,
      actorId: actor.id,
      excerpt,
      url: chatLink(channel, message.id),
    };
    const mentioned = new Set(message.mentionedIds.filter((id) => id !== actor.id));
    const recipients = directUserIds.filter((id) => id !== actor.id && !mentioned.has(id));
    const told = new Set([...mentioned, ...recipients]);
    const repliedTo = message.threadRootId ? (await chat.threadParticipantIds(message.threadRootId)).filter((id) => id !== actor.id && !told.has(id)) : [];
    await notifications.createMany([
      ...[...mentioned].map((userId) => ({ userId, kind: 'chat.mention', ref: base })),
      ...recipients.map((userId) => ({ userId, kind: 'chat.direct', ref: { ...base, ...(message.threadRootId ? { threadRootId: message.threadRootId } : {}) } })),
      ...repliedTo.map((userId) => ({ userId, kind: 'chat.reply', ref: { ...base, threadRootId: message.threadRootId } })),
    ]);
  }

  /** Mentions count only for people who can read the channel. */
  async function readersAmong(channel: Channel, userIds: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const userId of userIds.slice(0, 50)) {
      if ((await accessTo({ id: userId, role: 'member' }, channel.id)).access.read) out.push(userId);
    }
    return out;
  }

  /**
   * The actor's own uploads for this channel, not yet sent with another message, in the order given.
   * A resend of the same message (same clientId) may name the files it already carries.
   */
  async function attachmentsToSend(actor: AccessActor, channelId: string, ids: string[], clientId: string): Promise<AttachmentRow[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const rows = new Map((await chatAttachments.findMany(unique)).map((r) => [r.id, r]));
    const sentWith = [...rows.values()].some((r) => r.messageId !== null) ? await chat.findMessageIdByClientId(actor.id, clientId) : null;
    return unique.map((id) => {
      const row = rows.get(id);
      if (!row || row.uploadedById !== actor.id || row.channelId !== channelId) throw new AppError('NOT_FOUND', 'No such file: upload it again.');
      // Otherwise a second message would copy a file that goes when the first is deleted.
      if (row.messageId !== null && row.messageId !== sentWith) throw new AppError('NOT_FOUND', 'This file was already sent: upload it again.');
      return { id: row.id, name: row.name, url: chatAttachmentPath(row.id), contentType: row.mediaType, size: row.size };
    });
  }

  return {
    readableChannelOrThrow,

    /** The channel of a project (every project has one). */
    projectChannelId(projectId: string): Promise<string | null> {
      return chat.findProjectChannelId(projectId);
    },

    /** For socket.io room joins: true only if the actor may read the channel. */
    async canReadChannel(actor: AccessActor, channelId: string): Promise<boolean> {
      return (await accessTo(actor, channelId)).access.read;
    },

    async listChannels(actor: AccessActor, input: { communityId?: string } = {}): Promise<ChannelView[]> {
      const readable = await readableChannels(actor, input.communityId);
      const counts = await chat.unreadCounts(
        actor.id,
        readable.map((r) => r.channel.id),
      );
      const peerNames = await chat.userNames(readable.flatMap((r) => r.peerId ?? []));
      return readable.map(({ channel, access, peerId }) => ({
        id: channel.id,
        kind: channel.kind,
        name: peerId ? (peerNames.get(peerId) ?? 'Former member') : channel.kind === 'project' ? (channel.project?.title ?? channel.name) : channel.name,
        peerId,
        communityId: channel.communityId,
        projectId: channel.projectId,
        lastMessageAt: counts.get(channel.id)?.lastMessageAt ?? null,
        unread: counts.get(channel.id)?.unread ?? 0,
        lastReadSeq: counts.get(channel.id)?.lastReadSeq ?? 0,
        canPost: access.post,
        canModerate: access.moderate,
      }));
    },

    async createChannel(actor: AccessActor, raw: z.input<typeof ZCreateChannelInput>) {
      const input = ZCreateChannelInput.parse(raw);
      const membership = await communities.findMembership(input.communityId, actor.id);
      if (membership?.status !== 'active') throw new AppError('NOT_FOUND', 'No such community.');
      if (membership.role === 'member' && actor.role !== 'staff') throw new AppError('FORBIDDEN', 'Only community admins can create channels.');
      const existing = await chat.listCandidateChannels(actor.id, input.communityId);
      if (existing.some((c) => c.kind !== 'direct' && c.name === input.name)) throw new AppError('CONFLICT', 'A channel with that name exists.');
      return chat.createCustomChannel({ communityId: input.communityId, name: input.name, createdById: actor.id });
    },

    /** The direct channel with another member of a community both belong to. */
    async openDirectChannel(actor: AccessActor, raw: z.input<typeof ZOpenDirectInput>) {
      const input = ZOpenDirectInput.parse(raw);
      if (input.userId === actor.id) throw new AppError('BAD_REQUEST', 'Pick someone else.');
      const [mine, theirs] = await Promise.all([communities.findMembership(input.communityId, actor.id), communities.findMembership(input.communityId, input.userId)]);
      if (mine?.status !== 'active' || theirs?.status !== 'active') throw new AppError('NOT_FOUND', 'No such member.');
      const names = (await chat.communityMembers(input.communityId)).filter((m) => m.id === actor.id || m.id === input.userId).map((m) => m.name);
      return chat.upsertDirectChannel({ communityId: input.communityId, userIds: [actor.id, input.userId], name: names.sort().join(', ') });
    },

    /** The people of a community one can start a direct conversation with (its other active members). */
    async directCandidates(actor: AccessActor, raw: z.input<typeof ZDirectCandidatesInput>): Promise<{ id: string; name: string }[]> {
      const input = ZDirectCandidatesInput.parse(raw);
      const mine = await communities.findMembership(input.communityId, actor.id);
      if (mine?.status !== 'active') throw new AppError('NOT_FOUND', 'No such community.');
      return (await chat.communityMembers(input.communityId)).filter((m) => m.id !== actor.id);
    },

    /**
     * Stores an uploaded file for a channel the actor may post in. The type is read from the bytes
     * (never the client's word); images are shown inline, other allowed types are downloads.
     */
    async uploadAttachment(actor: AccessActor, input: { channelId: string; name: string | null; content: Uint8Array }): Promise<AttachmentRow> {
      const { channel, access } = await readableChannelOrThrow(actor, input.channelId);
      if (!access.post) throw new AppError('FORBIDDEN', 'This channel is read-only for you.');
      if (input.content.byteLength === 0) throw new AppError('BAD_REQUEST', 'The file is empty.');
      if (input.content.byteLength > MAX_CHAT_ATTACHMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `Files can be at most ${MAX_CHAT_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
      const name = cleanFileName(input.name);
      const type = sniffChatFileType(input.content, name);
      if (!type) throw new AppError('BAD_REQUEST', 'This kind of file cannot be shared here. Images, PDF, office documents, ZIP archives and text files can.');
      const now = clock();
      const [recent, hourly] = await Promise.all([
        chatAttachments.uploadsSince(actor.id, new Date(now.getTime() - 10 * 60_000)),
        chatAttachments.uploadsSince(actor.id, new Date(now.getTime() - 60 * 60_000)),
      ]);
      if (recent.count >= CHAT_UPLOAD_LIMITS.filesPer10Minutes || hourly.bytes + input.content.byteLength > CHAT_UPLOAD_LIMITS.bytesPerHour) {
        throw new AppError('TOO_MANY_REQUESTS', 'You have shared many files in a short time. Try again in a few minutes.');
      }
      // Uploads abandoned (never sent) for a day are cleared as the member uploads more.
      await chatAttachments.pruneUnsent(actor.id, new Date(now.getTime() - 24 * 60 * 60_000));
      const sha256 = createHash('sha256').update(input.content).digest('hex');
      const row = await chatAttachments.put({ channelId: channel.id, uploadedById: actor.id, name, mediaType: type.mediaType, sha256, content: input.content });
      return { id: row.id, name: row.name, url: chatAttachmentPath(row.id), contentType: row.mediaType, size: row.size };
    },

    /** A file's bytes, to readers of its channel only (others: NOT_FOUND). Unsent uploads only to their uploader. */
    async getAttachment(actor: AccessActor, attachmentId: string): Promise<{ name: string; mediaType: string; size: number; sha256: string; content: Uint8Array }> {
      const row = await chatAttachments.find(attachmentId);
      if (!row) throw new AppError('NOT_FOUND', 'No such file.');
      const { access } = await accessTo(actor, row.channelId);
      if (!access.read || (!row.messageId && row.uploadedById !== actor.id)) throw new AppError('NOT_FOUND', 'No such file.');
      const content = await chatAttachments.content(row.sha256);
      if (!content) throw new AppError('NOT_FOUND', 'No such file.');
      return { name: row.name, mediaType: row.mediaType, size: row.size, sha256: row.sha256, content };
    },

    /**
     * Cards for the documents and needs linked in messages, resolved with the caller's permissions:
     * what the caller may not see gets no card. Messages in channels the caller cannot read are skipped.
     */
    async linkCards(actor: AccessActor, raw: z.input<typeof ZLinkCardsInput>): Promise<{ messageId: string; cards: ChatLinkCard[] }[]> {
      const input = ZLinkCardsInput.parse(raw);
      const messages = await chat.findMessageBodies([...new Set(input.messageIds)]);
      const readable = new Map<string, boolean>();
      for (const channelId of new Set(messages.map((m) => m.channelId))) readable.set(channelId, (await accessTo(actor, channelId)).access.read);
      const cards = new Map<string, Promise<ChatLinkCard | null>>();
      const out: { messageId: string; cards: ChatLinkCard[] }[] = [];
      for (const message of messages) {
        if (!readable.get(message.channelId) || message.deletedAt) continue;
        const refs = chatLinkRefs(message.body);
        if (refs.length === 0) continue;
        const resolved = await Promise.all(
          refs.map((ref) => {
            const key = `${ref.kind}:${ref.id}`;
            if (!cards.has(key)) cards.set(key, resolveLinkCard(actor, ref));
            return cards.get(key)!;
          }),
        );
        const found = resolved.filter((c): c is ChatLinkCard => c !== null);
        if (found.length > 0) out.push({ messageId: message.id, cards: found });
      }
      return out;
    },

    /**
     * Stores the message (one transaction) and returns it. Idempotent on (sender, clientId): a
     * resend returns the stored message with `created: false` and changes nothing.
     */
    async sendMessage(
      actor: AccessActor,
      raw: z.input<typeof ZSendMessageInput>,
    ): Promise<{ message: MessageView; created: boolean; threadRoot: MessageView | null; /** direct channels: the participants, who hear of it even before joining its room */ directUserIds: string[] }> {
      const input = ZSendMessageInput.parse(raw);
      const { channel, access } = await readableChannelOrThrow(actor, input.channelId);
      if (!access.post) throw new AppError('FORBIDDEN', 'This channel is read-only for you.');
      let threadRootId: string | null = null;
      if (input.threadRootId) {
        const root = await chat.findMessage(input.threadRootId);
        if (!root || root.channelId !== channel.id) throw new AppError('NOT_FOUND', 'No such thread.');
        // Replies to a reply join the root's thread (threads are one level deep, like Zulip topics).
        threadRootId = root.threadRootId ?? root.id;
      }
      const mentionedIds = await readersAmong(channel, chatMentionIds(input.body));
      const attachments = await attachmentsToSend(actor, channel.id, input.attachmentIds, input.clientId);
      const result = await chat.insertMessage({
        channelId: channel.id,
        authorId: actor.id,
        clientId: input.clientId,
        body: input.body,
        threadRootId,
        mentionedIds,
        attachments,
        at: clock(),
      });
      if (!result.created && result.message.channelId !== channel.id) throw new AppError('CONFLICT', 'This message id was already used in another channel.');
      const directUserIds = channel.kind === 'direct' && result.created ? await chat.directMemberIds(channel.id) : [];
      if (result.created) await notifyAbout(actor, channel, result.message, directUserIds);
      // A reply changes its root's reply count: edges broadcast the root too.
      const threadRoot = result.message.threadRootId ? await chat.findMessage(result.message.threadRootId) : null;
      return { ...result, threadRoot, directUserIds };
    },

    async editMessage(actor: AccessActor, raw: z.input<typeof ZEditMessageInput>): Promise<MessageView> {
      const input = ZEditMessageInput.parse(raw);
      const { message, channel, access } = await messageInReadableChannelOrThrow(actor, input.messageId);
      if (message.authorId !== actor.id) throw new AppError('FORBIDDEN', 'You can only edit your own messages.');
      if (message.deletedAt) throw new AppError('CONFLICT', 'This message was deleted.');
      if (!access.post) throw new AppError('FORBIDDEN', 'This channel is read-only for you.');
      const mentionedIds = await readersAmong(channel, chatMentionIds(input.body));
      return chat.updateMessage(message.id, { body: input.body, mentionedIds, editedAt: clock() });
    },

    /** Authors delete their own messages; community admins (and staff members) anyone's. */
    async deleteMessage(actor: AccessActor, raw: z.input<typeof ZMessageRef>): Promise<MessageView> {
      const input = ZMessageRef.parse(raw);
      const { message, access } = await messageInReadableChannelOrThrow(actor, input.messageId);
      if (message.authorId !== actor.id && !access.moderate) throw new AppError('FORBIDDEN', 'You can only delete your own messages.');
      if (message.deletedAt) return message;
      return chat.deleteMessage(message.id, { at: clock(), deletedById: actor.id });
    },

    async react(actor: AccessActor, raw: z.input<typeof ZReactInput>): Promise<{ messageId: string; channelId: string; reactions: MessageView['reactions'] }> {
      const input = ZReactInput.parse(raw);
      const { message, access } = await messageInReadableChannelOrThrow(actor, input.messageId);
      if (!access.post) throw new AppError('FORBIDDEN', 'This channel is read-only for you.');
      if (message.deletedAt) throw new AppError('CONFLICT', 'This message was deleted.');
      const reactions = await chat.toggleReaction({ messageId: message.id, userId: actor.id, emoji: input.emoji, on: input.on });
      return { messageId: message.id, channelId: message.channelId, reactions };
    },

    /** A page of history (oldest first); `after` returns what a reconnecting client missed. */
    async history(actor: AccessActor, raw: z.input<typeof ZHistoryInput>): Promise<{ items: MessageView[]; lastReadSeq: number }> {
      const input = ZHistoryInput.parse(raw);
      await readableChannelOrThrow(actor, input.channelId);
      const items = await chat.listMessages({
        channelId: input.channelId,
        threadRootId: input.threadRootId ?? null,
        ...(input.before !== undefined ? { before: input.before } : {}),
        ...(input.after !== undefined ? { after: input.after } : {}),
        limit: input.limit,
      });
      return { items, lastReadSeq: await chat.getReadState(input.channelId, actor.id) };
    },

    async markRead(actor: AccessActor, raw: z.input<typeof ZMarkReadInput>): Promise<{ channelId: string; userId: string; lastReadSeq: number }> {
      const input = ZMarkReadInput.parse(raw);
      await readableChannelOrThrow(actor, input.channelId);
      return { channelId: input.channelId, userId: actor.id, lastReadSeq: await chat.markRead(input.channelId, actor.id, input.seq) };
    },

    /** Who has read up to where ("seen by"). */
    async readReceipts(actor: AccessActor, channelId: string) {
      await readableChannelOrThrow(actor, channelId);
      return chat.listReadStates(channelId);
    },

    /** People one can @mention in a channel. */
    async mentionCandidates(actor: AccessActor, channelId: string): Promise<{ id: string; name: string }[]> {
      const { channel } = await readableChannelOrThrow(actor, channelId);
      if (!channel.communityId) return [];
      const members = await chat.communityMembers(channel.communityId);
      if (channel.kind === 'general' || channel.kind === 'custom') return members;
      const readers = new Set(await readersAmong(channel, members.map((m) => m.id)));
      return members.filter((m) => readers.has(m.id));
    },

    /** PostgreSQL full-text search across the channels the actor may read. */
    async search(actor: AccessActor, raw: z.input<typeof ZSearchChatInput>): Promise<MessageView[]> {
      const input = ZSearchChatInput.parse(raw);
      const readable = (await readableChannels(actor)).map((c) => c.channel.id);
      const channelIds = input.channelId ? readable.filter((id) => id === input.channelId) : readable;
      return chat.search({ channelIds, query: input.query, ...(input.authorId ? { authorId: input.authorId } : {}), limit: input.limit });
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
