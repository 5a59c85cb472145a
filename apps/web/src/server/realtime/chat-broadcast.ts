import type { MessageView } from '@p2pvalue/platform';
import { chatRoom } from './contracts';
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

/** Broadcasts a stored message to its channel's room (no-op without a socket.io server, e.g. scripts). */
export function broadcastChatMessage(message: MessageView, event: 'chat:message' | 'chat:updated' = 'chat:message'): void {
  registry.__p2pvSocketIo?.to(chatRoom(message.channelId)).emit(event, toWire(message));
}
