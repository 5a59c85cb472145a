import * as Y from 'yjs';
import type { Hocuspocus } from '@hocuspocus/server';
import { collabDocumentName, createPlatformRepositories, documentText, type LiveDocuments } from '@p2pvalue/platform';
import type { PrismaClient } from '@p2pvalue/db';

// Next's bundle and the custom server are separate module graphs in one process: the Hocuspocus
// instance is found through globalThis, like the Prisma client. Each graph has its own copy of
// yjs, and Yjs types of one copy inserted into a document of the other are stored as plain JSON
// (invisible to the editor): the instance is registered with its graph's yjs, and changes cross
// over as encoded updates only.
type YModule = typeof Y;
const registry = globalThis as typeof globalThis & { __p2pvCollab?: { hocuspocus: Hocuspocus; Y: YModule } };

export function registerCollabInstance(hocuspocus: Hocuspocus): void {
  registry.__p2pvCollab = { hocuspocus, Y };
}

export function unregisterCollabInstance(hocuspocus: Hocuspocus): void {
  if (registry.__p2pvCollab?.hocuspocus === hocuspocus) registry.__p2pvCollab = undefined;
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
      const collab = registry.__p2pvCollab;
      const loaded = collab?.hocuspocus.documents.get(collabDocumentName(documentId));
      if (collab && loaded) return collab.Y.encodeStateAsUpdate(loaded);
      return documents.loadState(documentId);
    },

    async change(documentId, change) {
      const collab = registry.__p2pvCollab;
      if (collab) {
        const connection = await collab.hocuspocus.openDirectConnection(collabDocumentName(documentId), { system: true });
        try {
          await connection.transact((live) => {
            // The change runs on a copy made with this graph's yjs; the difference goes back as bytes.
            const local = new Y.Doc();
            Y.applyUpdate(local, collab.Y.encodeStateAsUpdate(live));
            const before = Y.encodeStateVector(local);
            change(local);
            collab.Y.applyUpdate(live, Y.encodeStateAsUpdate(local, before));
            local.destroy();
          });
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
