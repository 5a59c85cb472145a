import * as Y from 'yjs';

/**
 * A restore replaces a document's content as one forward change made by the server. Editors'
 * local undo histories still point at the content it replaced: undoing a deletion made before the
 * restore would put that old text back into the restored version, a state that never existed. So
 * a restore leaves a mark in the same transaction, and editors that see a mark arrive clear their
 * undo history and offer "Undo restore" (restoring the "before restore" version) instead.
 *
 * The mark lives in a map beside the text (the editor's schema never reads it, the markdown and
 * plain text ignore it). The browser reads it by these names too (apps/web's restore-undo.ts).
 */
export const DOCUMENT_META_MAP = 'p2pv:meta';
export const RESTORE_MARK_KEY = 'restore';

export interface RestoreMark {
  /** The "before restore" version: unique per restore, and restoring it undoes this restore. */
  beforeVersionId: string;
  /** The version that was restored, and how the history panel names it. */
  versionId: string;
  label: string;
  byId: string;
  /** ISO time. */
  at: string;
}

export function markRestore(doc: Y.Doc, mark: RestoreMark): void {
  doc.getMap(DOCUMENT_META_MAP).set(RESTORE_MARK_KEY, { ...mark });
}

export function readRestoreMark(doc: Y.Doc): RestoreMark | null {
  const value = doc.getMap(DOCUMENT_META_MAP).get(RESTORE_MARK_KEY) as Partial<RestoreMark> | undefined;
  if (!value || typeof value.beforeVersionId !== 'string' || typeof value.versionId !== 'string') return null;
  return { beforeVersionId: value.beforeVersionId, versionId: value.versionId, label: String(value.label ?? ''), byId: String(value.byId ?? ''), at: String(value.at ?? '') };
}
