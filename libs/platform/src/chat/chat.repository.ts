import { Prisma, type PrismaClient } from '@p2pvalue/db';
import type { TMembershipRole, TMembershipStatus, TShareMode } from '../access/access.policy';

export type TChatChannelKind = 'general' | 'project' | 'custom' | 'direct';

export interface ChannelRow {
  id: string;
  kind: TChatChannelKind;
  communityId: string | null;
  projectId: string | null;
  name: string;
  createdAt: Date;
}

/** A channel with the facts its access depends on. */
export interface ChannelWithFacts extends ChannelRow {
  project: { shareMode: TShareMode; archived: boolean; title: string } | null;
  memberIds: string[];
}

/** What deciding one user's access to one channel needs, loaded in one query. */
export interface ChannelAccessFacts {
  channel: ChannelRow & { project: { shareMode: TShareMode; archived: boolean } | null; communitySlug: string | null };
  membership: { role: TMembershipRole; status: TMembershipStatus } | null;
  isProjectMember: boolean;
  isDirectMember: boolean;
  /** direct channels: the other participant is still an active member of a community the user is in */
  sharesCommunity: boolean;
}

/** A file of a message, as copied into the message row (see chat-attachment.repository.ts). */
export interface AttachmentRow {
  id: string;
  name: string;
  url: string;
  contentType: string;
  size: number;
}

export interface MessageRow {
  id: string;
  seq: number;
  channelId: string;
  authorId: string;
  authorName: string;
  clientId: string;
  body: string;
  threadRootId: string | null;
  replyCount: number;
  lastReplyAt: Date | null;
  mentionedIds: string[];
  attachments: AttachmentRow[];
  reactions: { emoji: string; userIds: string[] }[];
  editedAt: Date | null;
  deletedAt: Date | null;
  createdAt: Date;
}

const channelSelect = { id: true, kind: true, communityId: true, projectId: true, name: true, createdAt: true } as const;
const channelFactsSelect = {
  ...channelSelect,
  project: { select: { shareMode: true, archived: true, title: true } },
  members: { select: { userId: true } },
} as const;

const messageSelect = {
  id: true,
  seq: true,
  channelId: true,
  authorId: true,
  clientId: true,
  body: true,
  threadRootId: true,
  replyCount: true,
  lastReplyAt: true,
  mentionedIds: true,
  attachments: true,
  editedAt: true,
  deletedAt: true,
  createdAt: true,
  reactions: { select: { emoji: true, userId: true }, orderBy: { createdAt: 'asc' } },
} as const;

type MessageRecord = Prisma.ChatMessageGetPayload<{ select: typeof messageSelect }>;

function toFacts(row: Prisma.ChatChannelGetPayload<{ select: typeof channelFactsSelect }>): ChannelWithFacts {
  const { members, ...rest } = row;
  return { ...rest, memberIds: members.map((m) => m.userId) };
}

function groupReactions(rows: { emoji: string; userId: string }[]): { emoji: string; userIds: string[] }[] {
  const byEmoji = new Map<string, string[]>();
  for (const r of rows) byEmoji.set(r.emoji, [...(byEmoji.get(r.emoji) ?? []), r.userId]);
  return [...byEmoji].map(([emoji, userIds]) => ({ emoji, userIds }));
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/** Chat storage: channels, messages, reactions, read positions. The only chat code that touches Prisma. */
export function createChatRepository(db: PrismaClient) {
  async function withNames(rows: MessageRecord[]): Promise<MessageRow[]> {
    const ids = [...new Set(rows.map((r) => r.authorId))];
    const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    return rows.map(({ reactions, seq, attachments, ...r }) => ({
      ...r,
      seq: Number(seq),
      authorName: names.get(r.authorId) ?? 'Former member',
      attachments: (Array.isArray(attachments) ? attachments : []) as unknown as AttachmentRow[],
      reactions: groupReactions(reactions),
    }));
  }

  async function oneWithName(row: MessageRecord): Promise<MessageRow> {
    return (await withNames([row]))[0]!;
  }

  return {
    /** The channel and the user's standing in it (community membership, project participation, DM membership). */
    async accessFacts(channelId: string, userId: string): Promise<ChannelAccessFacts | null> {
      const rows = await db.$queryRaw<
        {
          id: string;
          kind: TChatChannelKind;
          communityId: string | null;
          projectId: string | null;
          name: string;
          createdAt: Date;
          shareMode: TShareMode | null;
          archived: boolean | null;
          communitySlug: string | null;
          memberRole: TMembershipRole | null;
          memberStatus: TMembershipStatus | null;
          isProjectMember: boolean;
          isDirectMember: boolean;
          sharesCommunity: boolean;
        }[]
      >`
        SELECT c."id", c."kind"::text AS "kind", c."communityId", c."projectId", c."name", c."createdAt",
               p."shareMode"::text AS "shareMode", p."archived", co."slug" AS "communitySlug",
               ms."role"::text AS "memberRole", ms."status"::text AS "memberStatus",
               EXISTS (SELECT 1 FROM "project_member" pm WHERE pm."projectId" = c."projectId" AND pm."userId" = ${userId}) AS "isProjectMember",
               EXISTS (SELECT 1 FROM "chat_channel_member" cm WHERE cm."channelId" = c."id" AND cm."userId" = ${userId}) AS "isDirectMember",
               (c."kind" = 'direct' AND EXISTS (
                 SELECT 1 FROM "chat_channel_member" peer
                 JOIN "community_membership" theirs ON theirs."userId" = peer."userId" AND theirs."status" = 'active'
                 JOIN "community_membership" mine ON mine."communityId" = theirs."communityId" AND mine."userId" = ${userId} AND mine."status" = 'active'
                 WHERE peer."channelId" = c."id" AND peer."userId" <> ${userId})) AS "sharesCommunity"
        FROM "chat_channel" c
        LEFT JOIN "project" p ON p."id" = c."projectId"
        LEFT JOIN "community" co ON co."id" = c."communityId"
        LEFT JOIN "community_membership" ms ON ms."communityId" = c."communityId" AND ms."userId" = ${userId}
        WHERE c."id" = ${channelId}`;
      const r = rows[0];
      if (!r) return null;
      return {
        channel: {
          id: r.id,
          kind: r.kind,
          communityId: r.communityId,
          projectId: r.projectId,
          name: r.name,
          createdAt: r.createdAt,
          project: r.shareMode ? { shareMode: r.shareMode, archived: !!r.archived } : null,
          communitySlug: r.communitySlug,
        },
        membership: r.memberRole && r.memberStatus ? { role: r.memberRole, status: r.memberStatus } : null,
        isProjectMember: r.isProjectMember,
        isDirectMember: r.isDirectMember,
        sharesCommunity: r.sharesCommunity,
      };
    },

    /**
     * Channels of the communities where the user is an active member (optionally one community),
     * and all the user's direct channels (conversations between people, whichever community they
     * were started from).
     */
    async listCandidateChannels(userId: string, communityId?: string): Promise<ChannelWithFacts[]> {
      const rows = await db.chatChannel.findMany({
        where: {
          OR: [
            { community: { memberships: { some: { userId, status: 'active' } } }, kind: { not: 'direct' }, ...(communityId ? { communityId } : {}) },
            { kind: 'direct', members: { some: { userId } } },
          ],
        },
        orderBy: [{ kind: 'asc' }, { name: 'asc' }, { id: 'asc' }],
        select: channelFactsSelect,
      });
      return rows.map(toFacts);
    },

    async createCustomChannel(input: { communityId: string; name: string; createdById: string }): Promise<ChannelRow> {
      return db.chatChannel.create({ data: { kind: 'custom', ...input }, select: channelSelect });
    },

    /** The direct channel of two users, created on first use (one per pair). */
    async upsertDirectChannel(input: { communityId: string | null; userIds: [string, string]; name: string }): Promise<ChannelRow> {
      const directKey = [...input.userIds].sort().join(':');
      const existing = await db.chatChannel.findUnique({ where: { directKey }, select: channelSelect });
      if (existing) return existing;
      try {
        return await db.chatChannel.create({
          data: { kind: 'direct', directKey, name: input.name, communityId: input.communityId, members: { create: input.userIds.map((userId) => ({ userId })) } },
          select: channelSelect,
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return db.chatChannel.findUniqueOrThrow({ where: { directKey }, select: channelSelect });
      }
    },

    async directMemberIds(channelId: string): Promise<string[]> {
      return (await db.chatChannelMember.findMany({ where: { channelId }, select: { userId: true } })).map((m) => m.userId);
    },

    async findProjectChannelId(projectId: string): Promise<string | null> {
      return (await db.chatChannel.findUnique({ where: { projectId }, select: { id: true } }))?.id ?? null;
    },

    async findMessageBodies(ids: string[]): Promise<{ id: string; channelId: string; body: string; deletedAt: Date | null }[]> {
      if (ids.length === 0) return [];
      return db.chatMessage.findMany({ where: { id: { in: ids } }, select: { id: true, channelId: true, body: true, deletedAt: true } });
    },

    async findMessageIdByClientId(authorId: string, clientId: string): Promise<string | null> {
      return (await db.chatMessage.findUnique({ where: { authorId_clientId: { authorId, clientId } }, select: { id: true } }))?.id ?? null;
    },

    async findMessage(id: string): Promise<MessageRow | null> {
      const row = await db.chatMessage.findUnique({ where: { id }, select: messageSelect });
      return row ? oneWithName(row) : null;
    },

    /**
     * Stores a message and its side effects (thread counters, the author's read position) in ONE
     * statement, so it is atomic without an interactive transaction and takes no lock shared by the
     * channel's other senders. A resend of the same (author, clientId) inserts nothing and returns
     * the stored row with `created: false`.
     */
    async insertMessage(input: {
      channelId: string;
      authorId: string;
      clientId: string;
      body: string;
      threadRootId: string | null;
      mentionedIds: string[];
      attachments: AttachmentRow[];
      at: Date;
    }): Promise<{ message: MessageRow; created: boolean }> {
      const at = input.at.toISOString();
      const inserted = await db.$queryRaw<{ id: string; seq: bigint; authorName: string | null }[]>`
        WITH m AS (
          INSERT INTO "chat_message" ("id", "channelId", "authorId", "clientId", "body", "threadRootId", "mentionedIds", "attachments", "createdAt")
          VALUES (gen_random_uuid()::text, ${input.channelId}, ${input.authorId}, ${input.clientId}, ${input.body}, ${input.threadRootId},
                  ${input.mentionedIds}::text[], ${JSON.stringify(input.attachments)}::jsonb, (${at}::timestamptz AT TIME ZONE 'UTC'))
          ON CONFLICT ("authorId", "clientId") DO NOTHING
          RETURNING "id", "seq", "channelId", "authorId", "threadRootId"
        ), thread AS (
          UPDATE "chat_message" t SET "replyCount" = t."replyCount" + 1, "lastReplyAt" = (${at}::timestamptz AT TIME ZONE 'UTC')
          FROM m WHERE t."id" = m."threadRootId"
          RETURNING t."id"
        ), reader AS (
          INSERT INTO "chat_read_state" ("channelId", "userId", "lastReadSeq", "updatedAt")
          SELECT m."channelId", m."authorId", m."seq", now() FROM m WHERE m."threadRootId" IS NULL
          ON CONFLICT ("channelId", "userId") DO UPDATE
            SET "lastReadSeq" = GREATEST("chat_read_state"."lastReadSeq", EXCLUDED."lastReadSeq"), "updatedAt" = now()
          RETURNING "userId"
        ), files AS (
          UPDATE "chat_attachment" a SET "messageId" = m."id"
          FROM m WHERE a."id" = ANY(${input.attachments.map((a) => a.id)}::text[]) AND a."messageId" IS NULL
          RETURNING a."id"
        ), ledger AS (
          -- The contribution ledger's row, in the same statement: a resend inserts no message, so no
          -- second row either. Direct messages are private conversations, not community work.
          INSERT INTO "contribution_event" ("userId", "communityId", "projectId", "kind", "weight", "ref", "at")
          SELECT m."authorId", c."communityId", c."projectId", 'chat.message', 1,
                 jsonb_build_object('messageId', m."id", 'channelId', m."channelId", 'clientId', ${input.clientId}::text)
                   || CASE WHEN m."threadRootId" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('threadRootId', m."threadRootId") END,
                 (${at}::timestamptz AT TIME ZONE 'UTC')
          FROM m JOIN "chat_channel" c ON c."id" = m."channelId"
          WHERE c."kind" <> 'direct' AND c."communityId" IS NOT NULL
          RETURNING "id"
        )
        SELECT m."id", m."seq", (SELECT u."name" FROM "user" u WHERE u."id" = m."authorId") AS "authorName" FROM m`;
      const fresh = inserted[0];
      if (fresh) {
        // Built from the input and the statement's result: no second round trip on the hot path.
        return {
          created: true,
          message: {
            id: fresh.id,
            seq: Number(fresh.seq),
            channelId: input.channelId,
            authorId: input.authorId,
            authorName: fresh.authorName ?? 'Former member',
            clientId: input.clientId,
            body: input.body,
            threadRootId: input.threadRootId,
            replyCount: 0,
            lastReplyAt: null,
            mentionedIds: input.mentionedIds,
            attachments: input.attachments,
            reactions: [],
            editedAt: null,
            deletedAt: null,
            createdAt: new Date(at),
          },
        };
      }
      const row = await db.chatMessage.findUnique({ where: { authorId_clientId: { authorId: input.authorId, clientId: input.clientId } }, select: messageSelect });
      if (!row) throw new Error('chat message vanished after insert');
      return { message: await oneWithName(row), created: false };
    },

    /** An edit: the ledger is not touched (the contribution was the posting). */
    async updateMessage(id: string, data: { body: string; mentionedIds: string[]; editedAt: Date }): Promise<MessageRow> {
      return oneWithName(await db.chatMessage.update({ where: { id }, data, select: messageSelect }));
    },

    /**
     * Blanks the message, drops its reactions and files, and appends the retraction of its
     * contribution to the ledger (append-only: the posting's row stays, a `chat.message.retract`
     * row of weight -1 cancels it) — in one transaction. Only the call that actually deletes it
     * retracts, so a repeated or concurrent delete retracts once.
     */
    async deleteMessage(id: string, input: { at: Date; deletedById: string }): Promise<MessageRow> {
      const row = await db.$transaction(async (tx) => {
        const { count } = await tx.chatMessage.updateMany({
          where: { id, deletedAt: null },
          data: { deletedAt: input.at, body: '', attachments: [], mentionedIds: [] },
        });
        if (count === 1) {
          await tx.chatReaction.deleteMany({ where: { messageId: id } });
          // A deleted message's files are no longer served.
          await tx.chatAttachment.deleteMany({ where: { messageId: id } });
          await tx.$executeRaw`
            INSERT INTO "contribution_event" ("userId", "communityId", "projectId", "kind", "weight", "ref", "at")
            SELECT e."userId", e."communityId", e."projectId", 'chat.message.retract', -1,
                   jsonb_build_object('messageId', ${id}::text, 'deletedById', ${input.deletedById}::text),
                   (${input.at.toISOString()}::timestamptz AT TIME ZONE 'UTC')
            FROM "contribution_event" e JOIN "chat_message" m ON m."id" = ${id}
            WHERE e."userId" = m."authorId" AND e."kind" = 'chat.message' AND e."ref"->>'messageId' = ${id}
            LIMIT 1`;
        }
        return tx.chatMessage.findUniqueOrThrow({ where: { id }, select: messageSelect });
      });
      return oneWithName(row);
    },

    /** Adds or removes one reaction; returns the message's reactions afterwards. */
    async toggleReaction(input: { messageId: string; userId: string; emoji: string; on: boolean }): Promise<{ emoji: string; userIds: string[] }[]> {
      const key = { messageId_userId_emoji: { messageId: input.messageId, userId: input.userId, emoji: input.emoji } };
      if (input.on) {
        await db.chatReaction.upsert({ where: key, create: { messageId: input.messageId, userId: input.userId, emoji: input.emoji }, update: {}, select: { emoji: true } });
      } else {
        await db.chatReaction.deleteMany({ where: { messageId: input.messageId, userId: input.userId, emoji: input.emoji } });
      }
      const rows = await db.chatReaction.findMany({ where: { messageId: input.messageId }, orderBy: { createdAt: 'asc' }, select: { emoji: true, userId: true } });
      return groupReactions(rows);
    },

    /**
     * Top-level messages of a channel (or the replies of a thread), oldest first within the page:
     * `before` pages back from a seq, `after` pages forward (what a reconnecting client missed).
     */
    async listMessages(input: { channelId: string; threadRootId: string | null; before?: number; after?: number; limit: number }): Promise<MessageRow[]> {
      const forward = input.after !== undefined;
      const seq = forward ? { gt: BigInt(input.after!) } : input.before !== undefined ? { lt: BigInt(input.before) } : undefined;
      const rows = await db.chatMessage.findMany({
        where: { channelId: input.channelId, threadRootId: input.threadRootId, ...(seq ? { seq } : {}) },
        orderBy: { seq: forward ? 'asc' : 'desc' },
        take: input.limit,
        select: messageSelect,
      });
      if (!forward) rows.reverse();
      return withNames(rows);
    },

    async getReadState(channelId: string, userId: string): Promise<number> {
      const row = await db.chatReadState.findUnique({ where: { channelId_userId: { channelId, userId } }, select: { lastReadSeq: true } });
      return row ? Number(row.lastReadSeq) : 0;
    },

    /** Moves the read position forward only (a late, older mark never rewinds it). */
    async markRead(channelId: string, userId: string, seq: number): Promise<number> {
      const rows = await db.$queryRaw<{ lastReadSeq: bigint }[]>`
        INSERT INTO "chat_read_state" ("channelId", "userId", "lastReadSeq", "updatedAt")
        VALUES (${channelId}, ${userId}, ${BigInt(seq)}, now())
        ON CONFLICT ("channelId", "userId") DO UPDATE
          SET "lastReadSeq" = GREATEST("chat_read_state"."lastReadSeq", EXCLUDED."lastReadSeq"), "updatedAt" = now()
        RETURNING "lastReadSeq"`;
      return Number(rows[0]!.lastReadSeq);
    },

    async listReadStates(channelId: string): Promise<{ userId: string; name: string; lastReadSeq: number }[]> {
      const rows = await db.chatReadState.findMany({ where: { channelId }, select: { userId: true, lastReadSeq: true } });
      const users = rows.length ? await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { id: true, name: true } }) : [];
      const names = new Map(users.map((u) => [u.id, u.name]));
      return rows.map((r) => ({ userId: r.userId, name: names.get(r.userId) ?? 'Former member', lastReadSeq: Number(r.lastReadSeq) }));
    },

    /** Unread top-level messages by others, per channel, after the user's read position. */
    async unreadCounts(userId: string, channelIds: string[]): Promise<Map<string, { unread: number; lastReadSeq: number; lastMessageAt: Date | null }>> {
      if (channelIds.length === 0) return new Map();
      const rows = await db.$queryRaw<{ channelId: string; unread: bigint; lastReadSeq: bigint; lastMessageAt: Date | null }[]>`
        SELECT c."id" AS "channelId",
               coalesce(r."lastReadSeq", 0) AS "lastReadSeq",
               (SELECT m."createdAt" FROM "chat_message" m WHERE m."channelId" = c."id" ORDER BY m."seq" DESC LIMIT 1) AS "lastMessageAt",
               (SELECT count(*) FROM "chat_message" m
                 WHERE m."channelId" = c."id" AND m."threadRootId" IS NULL AND m."deletedAt" IS NULL
                   AND m."authorId" <> ${userId} AND m."seq" > coalesce(r."lastReadSeq", 0)) AS "unread"
        FROM "chat_channel" c
        LEFT JOIN "chat_read_state" r ON r."channelId" = c."id" AND r."userId" = ${userId}
        WHERE c."id" IN (${Prisma.join(channelIds)})`;
      return new Map(rows.map((r) => [r.channelId, { unread: Number(r.unread), lastReadSeq: Number(r.lastReadSeq), lastMessageAt: r.lastMessageAt }]));
    },

    /** Full-text search over the given channels, best match first, then newest. */
    async search(input: { channelIds: string[]; query: string; authorId?: string; limit: number }): Promise<MessageRow[]> {
      if (input.channelIds.length === 0) return [];
      const ids = await db.$queryRaw<{ id: string }[]>`
        SELECT m."id" FROM "chat_message" m, websearch_to_tsquery('simple', ${input.query}) q
        WHERE m."search" @@ q AND m."channelId" IN (${Prisma.join(input.channelIds)})
          AND m."deletedAt" IS NULL
          ${input.authorId ? Prisma.sql`AND m."authorId" = ${input.authorId}` : Prisma.empty}
        ORDER BY ts_rank(m."search", q) DESC, m."seq" DESC
        LIMIT ${input.limit}`;
      if (ids.length === 0) return [];
      const rows = await db.chatMessage.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: messageSelect });
      const order = new Map(ids.map((r, i) => [r.id, i]));
      return withNames(rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!));
    },

    /** Names of active members of a community (mention suggestions, mention resolution). */
    async communityMembers(communityId: string): Promise<{ id: string; name: string }[]> {
      const rows = await db.membership.findMany({ where: { communityId, status: 'active' }, select: { userId: true } });
      const users = rows.length ? await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }) : [];
      return users;
    },

    /** Of the given users, those who are active members of a community the user is also an active member of. */
    async peersSharingACommunity(userId: string, peerIds: string[]): Promise<Set<string>> {
      if (peerIds.length === 0) return new Set();
      const rows = await db.$queryRaw<{ userId: string }[]>`
        SELECT DISTINCT theirs."userId" FROM "community_membership" theirs
        JOIN "community_membership" mine ON mine."communityId" = theirs."communityId" AND mine."userId" = ${userId} AND mine."status" = 'active'
        WHERE theirs."status" = 'active' AND theirs."userId" IN (${Prisma.join(peerIds)})`;
      return new Set(rows.map((r) => r.userId));
    },

    async userNames(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
      return new Map(users.map((u) => [u.id, u.name]));
    },

    /** Authors of a thread (its root and its replies), to tell them about a new reply. */
    async threadParticipantIds(rootId: string): Promise<string[]> {
      const rows = await db.chatMessage.findMany({ where: { OR: [{ id: rootId }, { threadRootId: rootId }] }, distinct: ['authorId'], select: { authorId: true } });
      return rows.map((r) => r.authorId);
    },
  };
}

export type ChatRepository = ReturnType<typeof createChatRepository>;
