import type { Prisma, PrismaClient } from '@p2pvalue/db';

export interface NotificationRow {
  id: string;
  userId: string;
  kind: string;
  ref: unknown;
  readAt: Date | null;
  createdAt: Date;
}

/**
 * A notification to store. `kind` is `<source>.<event>` (e.g. `chat.mention`, `chat.reply`,
 * `document.mention`, `community.role-changed`). Keys of `ref` the centre understands:
 * `actorId` (who caused it; shown by name), `url` (a same-site path to open), `excerpt` (a short
 * plain-text quote), `channelId` (makes it subject to that channel's mute) and `channelName`,
 * `documentTitle`, `projectTitle`, `slug`/`communitySlug`, `communityName`, `role` for the text.
 */
export interface NewNotification {
  userId: string;
  kind: string;
  ref: Record<string, unknown>;
}

/** Position in a member's list, newest first: rows strictly older than this one come next. */
export interface NotificationCursor {
  createdAt: Date;
  id: string;
}

type Client = PrismaClient | Prisma.TransactionClient;

const rowSelect = { id: true, userId: true, kind: true, ref: true, readAt: true, createdAt: true } as const;

/** Mentions still reach a member in a channel they muted; everything else from it is dropped. */
export function survivesMute(kind: string): boolean {
  return kind.endsWith('.mention');
}

function channelOf(ref: Record<string, unknown>): string | null {
  return typeof ref.channelId === 'string' && ref.channelId.length > 0 ? ref.channelId : null;
}

/**
 * Notification rows, mutes and settings. `createMany` is the one way rows are written: it applies
 * per-channel mutes (rows whose `ref.channelId` a member muted) and the database announces every
 * insert (see the `notification_announce` trigger), which the web app pushes to the member live.
 */
export function createNotificationRepository(db: PrismaClient) {
  return {
    /** Pass `client` to write inside a caller's transaction. Returns how many rows were stored. */
    async createMany(rows: NewNotification[], client: Client = db): Promise<number> {
      if (rows.length === 0) return 0;
      const muteable = rows.filter((r) => !survivesMute(r.kind) && channelOf(r.ref) !== null);
      let kept = rows;
      if (muteable.length > 0) {
        const mutes = await client.notificationMute.findMany({
          where: { OR: muteable.map((r) => ({ userId: r.userId, channelId: channelOf(r.ref)! })) },
          select: { userId: true, channelId: true },
        });
        const muted = new Set(mutes.map((m) => `${m.userId}\u0000${m.channelId}`));
        kept = rows.filter((r) => survivesMute(r.kind) || !muted.has(`${r.userId}\u0000${channelOf(r.ref) ?? ''}`));
      }
      if (kept.length === 0) return 0;
      const { count } = await client.notification.createMany({ data: kept.map((r) => ({ ...r, ref: r.ref as Prisma.InputJsonValue })) });
      return count;
    },

    listForUser(userId: string, take = 50): Promise<NotificationRow[]> {
      return db.notification.findMany({ where: { userId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take, select: rowSelect });
    },

    /** One page, newest first, after `cursor` (exclusive). */
    listPage(userId: string, opts: { cursor: NotificationCursor | null; take: number; unreadOnly: boolean }): Promise<NotificationRow[]> {
      const after: Prisma.NotificationWhereInput = opts.cursor
        ? { OR: [{ createdAt: { lt: opts.cursor.createdAt } }, { createdAt: opts.cursor.createdAt, id: { lt: opts.cursor.id } }] }
        : {};
      return db.notification.findMany({
        where: { userId, ...(opts.unreadOnly ? { readAt: null } : {}), ...after },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: opts.take,
        select: rowSelect,
      });
    },

    listSince(userId: string, since: Date, take: number): Promise<NotificationRow[]> {
      return db.notification.findMany({ where: { userId, createdAt: { gte: since } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take, select: rowSelect });
    },

    countUnread(userId: string): Promise<number> {
      return db.notification.count({ where: { userId, readAt: null } });
    },

    /** Marks the member's own rows among `ids`; ids of other members' rows are ignored. */
    async markRead(userId: string, ids: string[], at: Date): Promise<number> {
      const { count } = await db.notification.updateMany({ where: { userId, id: { in: ids }, readAt: null }, data: { readAt: at } });
      return count;
    },

    async markAllRead(userId: string, at: Date): Promise<number> {
      const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: at } });
      return count;
    },

    async setMuted(userId: string, channelId: string, muted: boolean): Promise<void> {
      if (muted) {
        await db.notificationMute.upsert({ where: { userId_channelId: { userId, channelId } }, create: { userId, channelId }, update: {}, select: { userId: true } });
      } else {
        await db.notificationMute.deleteMany({ where: { userId, channelId } });
      }
    },

    async listMutedChannelIds(userId: string): Promise<string[]> {
      const rows = await db.notificationMute.findMany({ where: { userId }, orderBy: { createdAt: 'asc' }, select: { channelId: true } });
      return rows.map((r) => r.channelId);
    },

    /** Names of chat channels among `ids` (unknown ids are simply absent). */
    async channelLabels(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.chatChannel.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, kind: true } });
      return new Map(rows.map((r) => [r.id, r.kind === 'direct' ? 'Direct messages' : `#${r.name}`]));
    },

    /** Of `userIds`, those who muted `channelId` (for chat's per-channel unread styling). */
    async mutedUserIds(channelId: string, userIds: string[]): Promise<Set<string>> {
      if (userIds.length === 0) return new Set();
      const rows = await db.notificationMute.findMany({ where: { channelId, userId: { in: userIds } }, select: { userId: true } });
      return new Set(rows.map((r) => r.userId));
    },

    /** Display names of the people notifications refer to. */
    async userNames(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async getSettings(userId: string): Promise<{ dailyDigest: boolean }> {
      const row = await db.notificationSetting.findUnique({ where: { userId }, select: { dailyDigest: true } });
      return { dailyDigest: row?.dailyDigest ?? false };
    },

    async saveSettings(userId: string, settings: { dailyDigest: boolean }): Promise<{ dailyDigest: boolean }> {
      return db.notificationSetting.upsert({
        where: { userId },
        create: { userId, dailyDigest: settings.dailyDigest },
        update: { dailyDigest: settings.dailyDigest },
        select: { dailyDigest: true },
      });
    },
  };
}

export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
