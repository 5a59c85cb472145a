import type * as Y from 'yjs';
import type { Extension } from '@hocuspocus/server';
import { DOCUMENT_FRAGMENT, mentionsAddedBy, parseCollabDocumentName } from '@p2pvalue/platform';
import { logger } from '../logger';
import type { Viewer } from '../auth/viewer';
import type { CollabContext } from './collab-server';

export type NotifyMentions = (author: Viewer, documentId: string, mentionedIds: string[]) => Promise<unknown>;

/** The same author mentioning the same person in the same document again within this time notifies once (undo/redo, cut/paste). */
const REPEAT_WINDOW_MS = 10 * 60_000;

/**
 * @mentions in document bodies: mention nodes that someone's edit inserts are reported to `notify`
 * with that person as the author. Mentions already in the loaded document, changes arriving from
 * other instances (each instance reports its own clients' edits) and server-made changes
 * (restores) notify nobody.
 */
export function documentMentionExtension(notify: NotifyMentions, clock: () => number = Date.now): Extension {
  // Mentions inserted by the update being applied; Yjs runs observers before the update event that
  // becomes onChange, so onChange picks them up with the connection that sent the update.
  const inserted = new WeakMap<Y.Doc, Set<string>>();
  const recent = new Map<string, number>();

  function fresh(key: string, now: number): boolean {
    const at = recent.get(key);
    if (at !== undefined && now - at < REPEAT_WINDOW_MS) return false;
    recent.set(key, now);
    if (recent.size > 10_000) for (const [k, t] of recent) if (now - t >= REPEAT_WINDOW_MS) recent.delete(k);
    return true;
  }

  return {
    async afterLoadDocument({ documentName, document }) {
      if (!parseCollabDocumentName(documentName)) return;
      document.getXmlFragment(DOCUMENT_FRAGMENT).observeDeep((events) => {
        const ids = mentionsAddedBy(events);
        if (ids.length === 0) return;
        const set = inserted.get(document) ?? new Set<string>();
        for (const id of ids) set.add(id);
        inserted.set(document, set);
      });
    },

    async onChange({ documentName, document, context }) {
      const ids = inserted.get(document);
      if (!ids) return;
      inserted.delete(document);
      const documentId = parseCollabDocumentName(documentName);
      const author = (context as Partial<CollabContext> | undefined)?.viewer;
      if (!documentId || !author) return;
      const now = clock();
      const toNotify = [...ids].filter((id) => id !== author.id && fresh(`${documentId}|${author.id}|${id}`, now));
      if (toNotify.length === 0) return;
      try {
        await notify(author, documentId, toNotify);
      } catch (error) {
        // A mention that cannot be announced must not break editing.
        logger.warn({ err: error, documentName }, 'announcing document mentions failed');
      }
    },
  };
}
