import type { MessageView } from '@p2pvalue/platform';
import { chatRoom, userRoom } from './contracts';
import { toWire } from './chat-wire';
import type { SocketServer } from './socket-server';

// Next's bundle and the custom server are separate module graphs in one process: the socket.io
// server is found through globalThis (like the Hocuspocus instance), so REST and tRPC sends reach
// live clients. Through the Redis adapter they reach every web process.
const registry = globalThis as typeof globalThis & { __p2pvSocketIo?: SocketServer };

export function registerSocketServer(io: SocketServer): void {
  registry.__p2pvSocketIo = io;
}

export function unregisterSocketServer(io: SocketServer): void {
  if (registry.__p2pvSocketIo === io) registry.__p2pvSocketIo = undefined;
}

/**
 * Broadcasts a stored message to its channel's room (no-op without a socket.io server, e.g.
 * scripts). `alsoUserIds` (a direct channel's two people) also get it in their own rooms, so a new
 * conversation shows up in their lists before they ever joined it; socket.io sends once per socket.
 */
export function broadcastChatMessage(message: MessageView, event: 'chat:message' | 'chat:updated' = 'chat:message', alsoUserIds: string[] = []): void {
  registry.__p2pvSocketIo?.to([chatRoom(message.channelId), ...alsoUserIds.map(userRoom)]).emit(event, toWire(message));
}

/**
 * After a member's community or project standing ended or was reduced: every socket of theirs, on
 * every web process (the Redis adapter's fetchSockets/socketsLeave), leaves the channel rooms they
 * may no longer read, so no later broadcast reaches them. No-op without a socket.io server.
 */
export async function leaveUnreadableChatRooms(
  userId: string,
  canRead: (actor: { id: string; role: string }, channelId: string) => Promise<boolean>,
): Promise<string[]> {
  const io = registry.__p2pvSocketIo;
  if (!io) return [];
  const sockets = await io.in(userRoom(userId)).fetchSockets();
  const role = sockets[0]?.data.role ?? 'member';
  const channelIds = [...new Set(sockets.flatMap((s) => [...s.rooms].filter((room) => room.startsWith('chat:')).map((room) => room.slice('chat:'.length))))];
  const gone: string[] = [];
  for (const channelId of channelIds) {
    if (!(await canRead({ id: userId, role }, channelId))) gone.push(channelId);
  }
  if (gone.length > 0) io.in(userRoom(userId)).socketsLeave(gone.map(chatRoom));
  return gone;
}

/**
 * After a channel's audience shrank (a project's share mode changed): every member whose sockets
 * are in the channel's room, on every web process, is checked again, and those who may no longer
 * read it leave the room. Returns the user ids that were dropped. No-op without a socket.io server.
 */
export async function evictChannelNonReaders(
  channelId: string,
  canRead: (actor: { id: string; role: string }, channelId: string) => Promise<boolean>,
): Promise<string[]> {
  const io = registry.__p2pvSocketIo;
  if (!io) return [];
  const sockets = await io.in(chatRoom(channelId)).fetchSockets();
  const users = new Map(sockets.map((s) => [s.data.userId, s.data.role]));
  const gone: string[] = [];
  for (const [userId, role] of users) {
    if (!(await canRead({ id: userId, role }, channelId))) gone.push(userId);
  }
  for (const userId of gone) io.in(userRoom(userId)).socketsLeave(chatRoom(channelId));
  return gone;
}
