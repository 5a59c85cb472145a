import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '~/server/realtime/contracts';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let pending: Promise<AppSocket> | null = null;
let live: AppSocket | null = null;

/**
 * The tab's one socket.io connection (session cookie auth), created on first use; socket.io-client
 * is imported here lazily so it stays out of every page's first load.
 */
export function getAppSocket(): Promise<AppSocket> {
  pending ??= import('socket.io-client').then(({ io }) => followNetwork(io({ path: '/socket.io', transports: ['websocket'], withCredentials: true }) as AppSocket));
  return pending;
}

/**
 * The browser knows at once when the network goes (phones switching networks, flight mode); the
 * socket's heartbeat would take ~45 s to notice. Drop it then (chat queues messages meanwhile) and
 * reconnect when the network is back.
 */
function followNetwork(socket: AppSocket): AppSocket {
  live = socket;
  if (typeof window === 'undefined') return socket;
  window.addEventListener('offline', () => {
    if (socket.active) socket.disconnect();
  });
  window.addEventListener('online', () => {
    if (!socket.connected && live === socket) socket.connect();
  });
  return socket;
}

/** Drops the connection (it is authenticated as whoever was signed in when it opened). */
export function closeAppSocket(): void {
  const current = pending;
  pending = null;
  void current?.then((socket) => {
    if (live === socket) live = null;
    socket.close();
  });
}
