import { z } from 'zod';
import { AppError } from '@p2pvalue/shared';
import type { AccessActor } from '../access/access.policy';
import type { NotificationCursor, NotificationRepository, NotificationRow } from './notification.repository';
import { actorIdOf, describeNotification, notificationGroupLabel } from './notification-text';
import { ZListNotificationsInput, ZMarkNotificationsReadInput, ZNotificationSettingsInput, ZSetChannelMuteInput } from './notification.schemas';

export interface NotificationView {
  id: string;
  kind: string;
  text: string;
  href: string | null;
  excerpt: string | null;
  actorName: string | null;
  read: boolean;
  createdAt: Date;
}

export interface NotificationDigestGroup {
  kind: string;
  label: string;
  count: number;
  unread: number;
  /** The newest few of the group. */
  latest: NotificationView[];
}

export interface NotificationDigest {
  since: Date;
  until: Date;
  total: number;
  unread: number;
  groups: NotificationDigestGroup[];
}

interface NotificationDeps {
  notifications: NotificationRepository;
  clock: () => Date;
}

const DIGEST_WINDOW_MS = 24 * 3_600_000;
const DIGEST_MAX_ROWS = 500;
const DIGEST_LATEST_PER_GROUP = 3;

export function encodeNotificationCursor(row: Pick<NotificationRow, 'createdAt' | 'id'>): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`, 'utf8').toString('base64url');
}

export function decodeNotificationCursor(cursor: string): NotificationCursor {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) throw new AppError('BAD_REQUEST', 'This list position is not valid; reload the list.');
  return { createdAt, id };
}

const asRecord = (ref: unknown): Record<string, unknown> => (ref && typeof ref === 'object' && !Array.isArray(ref) ? (ref as Record<string, unknown>) : {});

/**
 * The notification centre: a member only ever reads and changes their own notifications (every
 * call is keyed by the actor's id, never by an id from the client alone).
 */
export function createNotificationService(deps: NotificationDeps) {
  const { notifications, clock } = deps;

  async function toViews(rows: NotificationRow[]): Promise<NotificationView[]> {
    const actorIds = [...new Set(rows.map((r) => actorIdOf(asRecord(r.ref))).filter((id): id is string => id !== null))];
    const names = await notifications.userNames(actorIds);
    return rows.map((row) => {
      const ref = asRecord(row.ref);
      const actorId = actorIdOf(ref);
      const actorName = actorId ? (names.get(actorId) ?? null) : null;
      return { id: row.id, kind: row.kind, ...describeNotification(row.kind, ref, actorName), actorName, read: row.readAt !== null, createdAt: row.createdAt };
    });
  }

  return {
    async list(actor: AccessActor, raw: z.input<typeof ZListNotificationsInput> = {}): Promise<{ items: NotificationView[]; nextCursor: string | null; unread: number }> {
      const input = ZListNotificationsInput.parse(raw);
      const cursor = input.cursor ? decodeNotificationCursor(input.cursor) : null;
      const rows = await notifications.listPage(actor.id, { cursor, take: input.limit + 1, unreadOnly: input.unreadOnly });
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        items: await toViews(page),
        nextCursor: rows.length > input.limit && last ? encodeNotificationCursor(last) : null,
        unread: await notifications.countUnread(actor.id),
      };
    },

    unreadCount(actor: AccessActor): Promise<number> {
      return notifications.countUnread(actor.id);
    },

    async markRead(actor: AccessActor, raw: z.input<typeof ZMarkNotificationsReadInput>): Promise<{ marked: number; unread: number }> {
      const input = ZMarkNotificationsReadInput.parse(raw);
      const marked = await notifications.markRead(actor.id, [...new Set(input.ids)], clock());
      return { marked, unread: await notifications.countUnread(actor.id) };
    },

    async markAllRead(actor: AccessActor): Promise<{ marked: number; unread: number }> {
      const marked = await notifications.markAllRead(actor.id, clock());
      return { marked, unread: await notifications.countUnread(actor.id) };
    },

    async setChannelMuted(actor: AccessActor, raw: z.input<typeof ZSetChannelMuteInput>): Promise<{ channelId: string; muted: boolean }> {
      const input = ZSetChannelMuteInput.parse(raw);
      await notifications.setMuted(actor.id, input.channelId, input.muted);
      return { channelId: input.channelId, muted: input.muted };
    },

    /** The member's muted channels, named when the channel still exists. */
    async listMutedChannels(actor: AccessActor): Promise<{ channelId: string; label: string }[]> {
      const ids = await notifications.listMutedChannelIds(actor.id);
      const labels = await notifications.channelLabels(ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)));
      return ids.map((channelId) => ({ channelId, label: labels.get(channelId) ?? 'A channel that no longer exists' }));
    },

    getSettings(actor: AccessActor): Promise<{ dailyDigest: boolean }> {
      return notifications.getSettings(actor.id);
    },

    saveSettings(actor: AccessActor, raw: z.input<typeof ZNotificationSettingsInput>): Promise<{ dailyDigest: boolean }> {
      return notifications.saveSettings(actor.id, ZNotificationSettingsInput.parse(raw));
    },

    /** The last day's notifications grouped by kind, newest group first (the in-app daily digest). */
    async digest(actor: AccessActor): Promise<NotificationDigest> {
      const until = clock();
      const since = new Date(until.getTime() - DIGEST_WINDOW_MS);
      const views = await toViews(await notifications.listSince(actor.id, since, DIGEST_MAX_ROWS));
      const groups = new Map<string, NotificationDigestGroup>();
      for (const view of views) {
        const group = groups.get(view.kind) ?? { kind: view.kind, label: notificationGroupLabel(view.kind), count: 0, unread: 0, latest: [] };
        group.count += 1;
        if (!view.read) group.unread += 1;
        if (group.latest.length < DIGEST_LATEST_PER_GROUP) group.latest.push(view);
        groups.set(view.kind, group);
      }
      return { since, until, total: views.length, unread: views.filter((v) => !v.read).length, groups: [...groups.values()] };
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
