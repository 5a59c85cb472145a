import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import crossws from 'crossws/adapters/node';
import { Hocuspocus, type Extension, type onAuthenticatePayload } from '@hocuspocus/server';
import { Forbidden, Unauthorized } from '@hocuspocus/common';
import { redisKey } from '@p2pvalue/shared';
import { createAccessService, createDocumentPersistence, createPlatformRepositories, type DocumentPersistenceOptions } from '@p2pvalue/platform';
import { env } from '../../env';
import { logger } from '../logger';
import { getDb } from '../db';
import type { Viewer } from '../auth/viewer';
import { platformServices } from '../platform';
import { RelayingRedisExtension } from './collab-redis-extension';
import { documentDatabaseExtension } from './document-extension';
import { documentMentionExtension } from './document-mention-extension';
import { platformDocumentAuthorizer } from './document-authorizer';
import { registerCollabInstance, unregisterCollabInstance } from './live-documents';
import { resolveRealtimeViewer } from './realtime-viewer';

export interface CollabContext {
  /** Null for someone without an account who came with a project's share link. */
  viewer: Viewer | null;
}

/**
 * Decides what a viewer may do with a document. Project documents (`doc:<id>`) are decided by the
 * platform's access policy; an unknown document is refused.
 */
export type DocumentAccess = 'read-write' | 'read-only' | 'none';
export type DocumentAuthorizer = (viewer: Viewer | null, documentName: string, linkKey?: string | null) => Promise<DocumentAccess>;

/** Share-link readers connect with `link:<key>` as the token; their session cookie, if any, still says who they are. */
export const LINK_TOKEN_PREFIX = 'link:';

function authenticationExtension(authorize: DocumentAuthorizer): Extension {
  return {
    async onAuthenticate(data: onAuthenticatePayload): Promise<CollabContext> {
      const headers = new Headers(data.requestHeaders);
      const linkKey = data.token?.startsWith(LINK_TOKEN_PREFIX) ? data.token.slice(LINK_TOKEN_PREFIX.length).slice(0, 100) : null;
      const viewer = await resolveRealtimeViewer(headers, linkKey === null ? data.token : 'cookie');
      if (!viewer && linkKey === null) throw Unauthorized;
      const access = await authorize(viewer, data.documentName, linkKey);
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

export interface CollabServerOptions {
  /** Defaults to the platform's access policy. */
  authorize?: DocumentAuthorizer;
  extensions?: Extension[];
  /** Editing-session and automatic-version timings (tests shorten them). */
  persistence?: Pick<DocumentPersistenceOptions, 'sessionIdleMs' | 'autoVersionAfterMs'>;
  debounceMs?: number;
  maxDebounceMs?: number;
}

/** Hocuspocus served on the web app's port at /collab, composed of extensions. */
export function createCollabServer(options: CollabServerOptions = {}) {
  // The extension brings its own ioredis; give it connection settings rather than our client.
  const redisUrl = new URL(env.REDIS_URL);
  const repos = createPlatformRepositories(getDb());
  const persistence = createDocumentPersistence({ ...repos, clock: () => new Date(), ...options.persistence });
  const hocuspocus = new Hocuspocus({
    name: `web-${process.pid}`,
    quiet: true,
    debounce: options.debounceMs ?? 2_000,
    maxDebounce: options.maxDebounceMs ?? 10_000,
    extensions: [
      authenticationExtension(options.authorize ?? platformDocumentAuthorizer(createAccessService(repos))),
      documentDatabaseExtension(persistence),
      documentMentionExtension((author, documentId, mentionedIds) =>
        platformServices(getDb()).documents.notifyBodyMentions({ id: author.id, role: author.role }, { documentId, mentionedIds }),
      ),
      new RelayingRedisExtension({
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

  registerCollabInstance(hocuspocus);

  return {
    hocuspocus,
    persistence,
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      return ws.handleUpgrade(req, socket, head);
    },
    /** Disconnects everyone and waits until every document is stored (graceful shutdown). */
    async close() {
      hocuspocus.closeConnections();
      hocuspocus.flushPendingStores();
      const deadline = Date.now() + 10_000;
      while ((hocuspocus.documents.size > 0 || hocuspocus.unloadingDocuments.size > 0) && Date.now() < deadline) {
        hocuspocus.flushPendingStores();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await persistence.flush();
      unregisterCollabInstance(hocuspocus);
    },
  };
}
