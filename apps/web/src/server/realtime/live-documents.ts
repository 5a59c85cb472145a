import * as Y from 'yjs';
import type { Hocuspocus } from '@hocuspocus/server';
import { collabDocumentName, createPlatformRepositories, documentText, type LiveDocuments } from '@p2pvalue/platform';
import type { PrismaClient } from '@p2pvalue/db';

// Next's bundle and the custom server are separate module graphs in one process: the Hocuspocus
// instance is found through globalThis, like the Prisma client.
const registry = globalThis as typeof globalThis & { __p2pvCollab?: Hocuspocus };

export function registerCollabInstance(hocuspocus: Hocuspocus): void {
  registry.__p2pvCollab = hocuspocus;
}

export function unregisterCollabInstance(hocuspocus: Hocuspocus): void {
  if (registry.__p2pvCollab === hocuspocus) registry.__p2pvCollab = undefined;
}

/**
 * Server-side access to live documents. With Hocuspocus running in this process, changes go
 * through a direct connection (broadcast to editors, shared through Redis, stored by the database
 * extension); without it (scripts, router tests) they are applied to the stored state.
 */
export function createLiveDocuments(db: PrismaClient): LiveDocuments {
  const { documents } = createPlatformRepositories(db);
  return {
    async readState(documentId) {
      const loaded = registry.__p2pvCollab?.documents.get(collabDocumentName(documentId));
      if (loaded) return Y.encodeStateAsUpdate(loaded);
      return documents.loadState(documentId);
    },

    async change(documentId, change) {
      const hocuspocus = registry.__p2pvCollab;
      if (hocuspocus) {
        const connection = await hocuspocus.openDirectConnection(collabDocumentName(documentId), { system: true });
        try {
          await connection.transact((doc) => change(doc));
        } finally {
          await connection.disconnect();
        }
        return;
      }
      const doc = new Y.Doc();
      const state = await documents.loadState(documentId);
      if (state) Y.applyUpdate(doc, state);
      change(doc);
      await documents.storeState(documentId, { yState: Y.encodeStateAsUpdate(doc), ...documentText(doc), at: new Date() });
      doc.destroy();
    },
  };
}
