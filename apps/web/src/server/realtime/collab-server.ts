import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import crossws from 'crossws/adapters/node';
import { Hocuspocus, type Extension, type onAuthenticatePayload } from '@hocuspocus/server';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Forbidden, Unauthorized } from '@hocuspocus/common';
import { redisKey } from '@p2pvalue/shared';
import { env } from '../../env';
import { logger } from '../logger';
import { resolveViewer, type Viewer } from '../auth/viewer';

export interface CollabContext {
  viewer: Viewer;
}

/**
 * Decides what a viewer may do with a document. Document types register here as they arrive
 * (project documents come with the documents issue); an unknown document is refused.
 */
export type DocumentAccess = 'read-write' | 'read-only' | 'none';
export type DocumentAuthorizer = (viewer: Viewer, documentName: string) => Promise<DocumentAccess>;

const denyUnknownDocuments: DocumentAuthorizer = async () => 'none';

function authenticationExtension(authorize: DocumentAuthorizer): Extension {
  return {
    async onAuthenticate(data: onAuthenticatePayload): Promise<CollabContext> {
      const headers = new Headers(data.requestHeaders);
      if (data.token && data.token !== 'cookie') headers.set('authorization', `Bearer ${data.token}`);
      const viewer = await resolveViewer(headers);
      if (!viewer) throw Unauthorized;
      const access = await authorize(viewer, data.documentName);
      if (access === 'none') throw Forbidden;
      if (access === 'read-only') data.connectionConfig.readOnly = true;
      return { viewer };
    },
  };
}

function loggingExtension(): Extension {
  return {
    async onConnect({ documentName }) {
      logger.debug({ documentName }, 'collab connect');
    },
    async onDisconnect({ documentName }) {
      logger.debug({ documentName }, 'collab disconnect');
    },
  };
}

/** Hocuspocus served on the web app's port at /collab, composed of extensions. */
export function createCollabServer(options: { authorize?: DocumentAuthorizer; extensions?: Extension[] } = {}) {
  // The extension brings its own ioredis; give it connection settings rather than our client.
  const redisUrl = new URL(env.REDIS_URL);
  const hocuspocus = new Hocuspocus({
    name: `web-${process.pid}`,
    quiet: true,
    debounce: 2_000,
    maxDebounce: 10_000,
    extensions: [
      authenticationExtension(options.authorize ?? denyUnknownDocuments),
      new RedisExtension({
        host: redisUrl.hostname,
        port: Number(redisUrl.port || 6379),
        options: {
          db: Number(redisUrl.pathname.slice(1) || 0),
          ...(redisUrl.password ? { password: decodeURIComponent(redisUrl.password) } : {}),
          maxRetriesPerRequest: null,
        },
        prefix: redisKey(env.REDIS_PREFIX, 'collab'),
      }),
      loggingExtension(),
      ...(options.extensions ?? []),
    ],
  });

  const ws = crossws({
    serverOptions: { maxPayload: 10 * 1024 * 1024 },
    hooks: {
      open: (peer) => {
        (peer as unknown as { _hp?: ReturnType<Hocuspocus['handleConnection']> })._hp = hocuspocus.handleConnection(peer.websocket as WebSocket, peer.request as Request);
      },
      message: (peer, message) => {
        (peer as unknown as { _hp?: ReturnType<Hocuspocus['handleConnection']> })._hp?.handleMessage(message.uint8Array());
      },
      close: (peer, event) => {
        (peer as unknown as { _hp?: ReturnType<Hocuspocus['handleConnection']> })._hp?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
      },
      error: (peer, error) => {
        logger.warn({ err: error, peer: peer.id }, 'collab websocket error');
      },
    },
  });

  return {
    hocuspocus,
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      return ws.handleUpgrade(req, socket, head);
    },
    async close() {
      hocuspocus.closeConnections();
      hocuspocus.flushPendingStores();
    },
  };
}
