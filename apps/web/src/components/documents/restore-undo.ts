import type * as Y from 'yjs';

// The names a restore's mark is stored under: mirrors libs/platform's restore-mark.ts (the browser
// does not load the platform library).
const DOCUMENT_META_MAP = 'p2pv:meta';
const RESTORE_MARK_KEY = 'restore';

export interface RestoreEvent {
  /** Restoring this version undoes the restore. */
  beforeVersionId: string;
  versionId: string;
  label: string;
  byId: string;
  at: string;
  /** Whether this editor had undo or redo steps, now dropped. */
  clearedHistory: boolean;
}

/** The part of Y.UndoManager this needs (y-prosemirror's undo plugin owns the real one). */
export interface UndoHistory {
  undoStack: unknown[];
  redoStack: unknown[];
  clear(clearUndoStack?: boolean, clearRedoStack?: boolean): void;
}

/**
 * A restore replaces the whole content as one server change. Undoing a step typed before it would
 * replay that step against content that is gone, e.g. put a deleted paragraph back into the
 * restored version: a state no one ever wrote. So when a restore arrives (from the server; never
 * for local typing) the editor's undo and redo history is cleared and `onRestore` is told, which
 * offers "Undo restore" (restoring the version saved just before it) as the one undo step.
 * Returns the function that stops watching.
 */
export function watchRestores(doc: Y.Doc, history: () => UndoHistory | null | undefined, onRestore: (event: RestoreEvent) => void): () => void {
  const meta = doc.getMap<unknown>(DOCUMENT_META_MAP);
  const observer = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    if (transaction.local || !event.keysChanged.has(RESTORE_MARK_KEY)) return;
    const mark = meta.get(RESTORE_MARK_KEY) as Partial<RestoreEvent> | undefined;
    if (!mark || typeof mark.beforeVersionId !== 'string' || typeof mark.versionId !== 'string') return;
    const undo = history();
    const clearedHistory = !!undo && undo.undoStack.length + undo.redoStack.length > 0;
    undo?.clear(true, true);
    onRestore({ beforeVersionId: mark.beforeVersionId, versionId: mark.versionId, label: String(mark.label ?? ''), byId: String(mark.byId ?? ''), at: String(mark.at ?? ''), clearedHistory });
  };
  meta.observe(observer);
  return () => meta.unobserve(observer);
}
