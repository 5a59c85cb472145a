import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import * as Y from 'yjs';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';

/** An open comment thread anchored to text: base64 Yjs relative positions of its start and end. */
export interface CommentRange {
  id: string;
  anchor: string;
  head: string;
}

interface YSyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<never, never> } | null;
}

const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export const commentHighlightsKey = new PluginKey<{ ranges: CommentRange[]; focusedId: string | null; decorations: DecorationSet }>('commentHighlights');

function decorate(state: EditorState, ranges: CommentRange[], focusedId: string | null): DecorationSet {
  const sync = ySyncPluginKey.getState(state) as YSyncState | undefined;
  if (!sync?.binding || ranges.length === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const range of ranges) {
    try {
      const abs = (b64: string) => relativePositionToAbsolutePosition(sync.doc, sync.type, Y.decodeRelativePosition(fromBase64(b64)), sync.binding!.mapping as never);
      const from = abs(range.anchor);
      const to = abs(range.head);
      if (from === null || to === null || from >= to || to > state.doc.content.size) continue;
      decorations.push(
        Decoration.inline(from, to, { class: range.id === focusedId ? 'comment-range comment-range-focused' : 'comment-range', 'data-comment-id': range.id }, { commentId: range.id }),
      );
    } catch {
      // An anchor whose text was deleted (or a malformed one) is simply not highlighted.
    }
  }
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Highlights the text that open comment threads are anchored to (anchors are Yjs relative
 * positions, so they follow the text as everyone edits). Clicking highlighted text reports the
 * thread, which the comments panel focuses.
 */
export const CommentHighlights = Extension.create<{ onCommentClick: (id: string) => void }>({
  name: 'commentHighlights',
  addOptions() {
    return { onCommentClick: () => undefined };
  },
  addProseMirrorPlugins() {
    const onCommentClick = (id: string) => this.options.onCommentClick(id);
    return [
      new Plugin({
        key: commentHighlightsKey,
        state: {
          init: () => ({ ranges: [] as CommentRange[], focusedId: null as string | null, decorations: DecorationSet.empty }),
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(commentHighlightsKey) as { ranges?: CommentRange[]; focusedId?: string | null } | undefined;
            const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
            if (!meta && !tr.docChanged) return value;
            // Local edits: the Yjs mapping is updated only after this transaction, so move the
            // highlights along with the edit; remote edits (and new comments) resolve the anchors again.
            if (!meta && !remote) return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
            const ranges = meta?.ranges ?? value.ranges;
            const focusedId = meta && 'focusedId' in meta ? (meta.focusedId ?? null) : value.focusedId;
            return { ranges, focusedId, decorations: decorate(state, ranges, focusedId) };
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick: (view, pos) => {
            const hit = commentHighlightsKey.getState(view.state)?.decorations.find(pos, pos)[0];
            const id = (hit?.spec as { commentId?: string } | undefined)?.commentId;
            if (!id) return false;
            onCommentClick(id);
            return false;
          },
        },
      }),
    ];
  },
});
