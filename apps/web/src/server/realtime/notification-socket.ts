import type { Socket } from 'socket.io';
import { z } from 'zod';
import { listenToPostgres, type PgListener } from '@p2pvalue/db';
import { parseUserRole, type NotificationService } from '@p2pvalue/platform';
import type { Logger } from '@p2pvalue/shared';
import { userRoom, type ClientToServerEvents, type ServerToClientEvents, type SocketData } from './contracts';
import type { SocketServer } from './socket-server';

type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The database trigger `notification_announce` (migration notification_centre) sends these. */
export const NOTIFICATION_CHANNEL = 'p2pv_notification';
const ZAnnouncement = z.discriminatedUnion('op', [
  z.object({ op: z.literal('new'), userId: z.string().min(1), id: z.string().min(1), kind: z.string() }),
  z.object({ op: z.literal('changed'), userId: z.string().min(1) }),
]);

/** A member asks for their unread count (the badge's first value, and after a reconnect). */
export function registerNotificationHandlers(socket: AppSocket, service: () => NotificationService, log: Logger): void {
  socket.on('notification:unread', (ack) => {
    if (typeof ack !== 'function') return;
    service()
      .unreadCount({ id: socket.data.userId, role: parseUserRole(socket.data.role) })
      .then(
        (unread) => ack({ ok: true, data: { unread } }),
        (error: unknown) => {
          log.error({ err: error }, 'unread count failed');
          ack({ ok: false, error: { code: 'UNAVAILABLE', message: 'Notifications are unavailable; try again.' } });
        },
      );
  });
}

/**
 * Pushes `notification:new` / `notification:unread` to a member's sockets whenever their
 * notification rows change, whichever process wrote them: every web process LISTENs to the
 * database's announcements and emits to its own local sockets only (each process hears every
 * announcement, so a cluster-wide emit would deliver duplicates). Announcements arriving together
 * are coalesced into one unread count per member.
 */
export async function startNotificationPush(opts: {
  io: SocketServer;
  databaseUrl: string;
  countUnread: (userId: string) => Promise<number>;
  log: Logger;
}): Promise<PgListener> {
  const { io, countUnread, log } = opts;
  const pending = new Map<string, { id: string; kind: string } | null>();
  let scheduled = false;

  const hasLocalSockets = (userId: string) => (io.of('/').adapter.rooms.get(userRoom(userId))?.size ?? 0) > 0;

  const flush = async () => {
    scheduled = false;
    const batch = [...pending.entries()];
    pending.clear();
    await Promise.all(
      batch.map(async ([userId, latest]) => {
        if (!hasLocalSockets(userId)) return;
        try {
          const unread = await countUnread(userId);
          if (latest) io.local.to(userRoom(userId)).emit('notification:new', { id: latest.id, kind: latest.kind, unread });
          else io.local.to(userRoom(userId)).emit('notification:unread', { unread });
        } catch (error) {
          log.error({ err: error, userId }, 'notification push failed');
        }
      }),
    );
  };

  return listenToPostgres({
    connectionString: opts.databaseUrl,
    channel: NOTIFICATION_CHANNEL,
    onPayload: (payload) => {
      let parsed;
      try {
        parsed = ZAnnouncement.safeParse(JSON.parse(payload));
      } catch {
        parsed = null;
      }
      if (!parsed?.success) return log.warn({ payload: payload.slice(0, 200) }, 'unreadable notification announcement');
      const a = parsed.data;
      pending.set(a.userId, a.op === 'new' ? { id: a.id, kind: a.kind } : (pending.get(a.userId) ?? null));
      if (!scheduled) {
        scheduled = true;
        setTimeout(() => void flush(), 10);
      }
    },
    onError: (error) => log.warn({ err: error }, 'notification listener connection lost; reconnecting'),
    // Announcements sent while disconnected are lost: tell every local member to refetch.
    onReconnect: () => {
      for (const [room] of io.of('/').adapter.rooms) {
        if (room.startsWith('user:')) pending.set(room.slice('user:'.length), pending.get(room.slice('user:'.length)) ?? null);
      }
      if (!scheduled && pending.size > 0) {
        scheduled = true;
        setTimeout(() => void flush(), 10);
      }
    },
  });
}
