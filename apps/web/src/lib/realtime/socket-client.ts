import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '~/server/realtime/contracts';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let pending: Promise<AppSocket> | null = null;

/**
 * The tab's one socket.io connection (session cookie auth), created on first use; socket.io-client
 * is imported here lazily so it stays out of every page's first load.
 */
export function getAppSocket(): Promise<AppSocket> {
  pending ??= import('socket.io-client').then(({ io }) => io({ path: '/socket.io', transports: ['websocket'], withCredentials: true }) as AppSocket);
  return pending;
}

/** Drops the connection (it is authenticated as whoever was signed in when it opened). */
export function closeAppSocket(): void {
  const current = pending;
  pending = null;
  void current?.then((socket) => socket.close());
}
