import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { createSocketServer } from './socket-server';
import { createCollabServer, type CollabServerOptions } from './collab-server';

type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => unknown;

/**
 * Puts socket.io (/socket.io) and Hocuspocus (/collab) on an HTTP server; any other WebSocket
 * upgrade goes to `fallback` (Next's own, e.g. dev hot reload) or is refused.
 */
export function attachRealtime(server: HttpServer, opts: { fallback?: UpgradeHandler } & CollabServerOptions = {}) {
  const sockets = createSocketServer(server);
  const { fallback: _fallback, ...collabOptions } = opts;
  const collab = createCollabServer(collabOptions);

  const collabSockets = new Set<Duplex>();
  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path.startsWith('/socket.io')) return; // engine.io handles its own upgrades
    if (path === '/collab' || path.startsWith('/collab/')) {
      collabSockets.add(socket);
      socket.once('close', () => collabSockets.delete(socket));
      void collab.handleUpgrade(req, socket, head);
      return;
    }
    if (opts.fallback) void opts.fallback(req, socket, head);
    else socket.destroy();
  });

  return {
    io: sockets.io,
    hocuspocus: collab.hocuspocus,
    persistence: collab.persistence,
    /** Flushes documents and disconnects clients; closes the HTTP server as socket.io does. */
    async close() {
      await collab.close();
      // Documents are stored: end the collab sockets still open (clients reconnect elsewhere),
      // or the HTTP server would wait for them before closing.
      for (const socket of collabSockets) socket.destroy();
      server.closeIdleConnections();
      await sockets.close();
    },
  };
}
