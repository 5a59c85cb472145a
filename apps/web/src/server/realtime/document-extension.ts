import * as Y from 'yjs';
import type { Extension } from '@hocuspocus/server';
import { parseCollabDocumentName, type DocumentPersistence } from '@p2pvalue/platform';
import { logger } from '../logger';
import type { CollabContext } from './collab-server';

/**
 * Database persistence for project documents (`doc:<id>`): fetch on load, debounced store (the
 * server's `debounce`/`maxDebounce`), derived text, editing sessions for the contribution ledger.
 * Other document names pass through untouched.
 */
export function documentDatabaseExtension(persistence: DocumentPersistence): Extension {
  return {
    async onLoadDocument({ documentName, document }) {
      const id = parseCollabDocumentName(documentName);
      if (!id) return;
      const state = await persistence.load(id);
      if (state) Y.applyUpdate(document, state);
    },

    async onStoreDocument({ documentName, document }) {
      const id = parseCollabDocumentName(documentName);
      if (!id) return;
      try {
        await persistence.store(id, document);
      } catch (error) {
        logger.error({ err: error, documentName }, 'storing a document failed');
        throw error;
      }
    },

    async afterUnloadDocument({ documentName, instance }) {
      const id = parseCollabDocumentName(documentName);
      // Reloaded meanwhile (a quick reconnect): its load set what it needs.
      if (id && !instance.documents.has(documentName)) persistence.forget(id);
    },

    async onChange({ documentName, context }) {
      const id = parseCollabDocumentName(documentName);
      const viewer = (context as Partial<CollabContext> | undefined)?.viewer;
      // Changes from other instances (Redis) and from the server itself carry no viewer.
      if (id && viewer) persistence.recordEdit(id, viewer.id);
    },

    async onDisconnect({ documentName, context }) {
      const id = parseCollabDocumentName(documentName);
      const viewer = (context as Partial<CollabContext> | undefined)?.viewer;
      if (id && viewer) await persistence.endSessionsOf(id, viewer.id);
    },
  };
}
