'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { EditorContent, useEditor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import Placeholder from '@tiptap/extension-placeholder';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import DOMPurify from 'dompurify';
import { useTRPC } from '~/lib/trpc/react';
import { Button } from '~/components/ui/button';
import { Skeleton } from '~/components/ui/skeleton';
import { RestoreNotice } from '~/components/documents/restore-notice';
import { watchRestores, type RestoreEvent } from '~/components/documents/restore-undo';
import { CollaborationCaret, colorFor } from './caret-extension';
import { CommentHighlights, commentHighlightsKey, type CommentRange } from './comment-highlights';
import { CommentsPanel } from './comments-panel';
import { documentExtensions } from './document-extensions';
import { EditorToolbar, IMAGE_TYPES } from './editor-toolbar';
import { HistoryPanel } from './history-panel';
import { mentionSuggestion } from './mention-suggestion';
import { usePresence } from './use-presence';
import { useSyncState, type SyncState } from './use-sync-state';
import { MakeNeedFromSelection } from '~/components/funding/make-need-from-selection';
import { clockTime } from '../../_lib/format';

interface Props {
  documentId: string;
  collabName: string;
  canWrite: boolean;
  canComment: boolean;
  /** Null for someone without an account reading through a share link. */
  user: { id: string; name: string } | null;
  /** The project's share-link key when the reader came with one. */
  linkKey?: string | null;
}

/** The server's limit (MAX_DOCUMENT_IMAGE_BYTES); it also limits uploads per minute (429, with its message shown). */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Uploads an image into the document; the server checks membership, sniffs the type and limits the size. */
async function uploadImage(documentId: string, file: File): Promise<string> {
  // The same limits as the server's, checked first so a wrong file is not sent at all.
  if (file.size > MAX_IMAGE_BYTES) throw new Error(`Images can be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
  if (file.type && !IMAGE_TYPES.split(',').includes(file.type)) throw new Error('Only PNG, JPEG, GIF and WebP images can be uploaded.');
  const res = await fetch(`/api/uploads/documents/${documentId}/images`, { method: 'PUT', body: file, headers: { 'content-type': file.type || 'application/octet-stream' } });
  const body = (await res.json().catch(() => ({}))) as { url?: string; message?: string };
  if (!res.ok || !body.url) throw new Error(body.message ?? `The upload failed (${res.status}).`);
  return body.url;
}

/** The collaborative editor: Yjs document kept in IndexedDB (offline) and synced through Hocuspocus. */
export function CollabEditor(props: Props) {
  const [session, setSession] = useState<{ ydoc: Y.Doc; provider: HocuspocusProvider } | null>(null);
  useEffect(() => {
    const ydoc = new Y.Doc();
    // Share-link readers cannot edit: nothing to keep offline for them.
    const local = props.linkKey ? null : new IndexeddbPersistence(`p2pv:${props.collabName}`, ydoc);
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    // The session cookie travels with the WebSocket upgrade; "cookie" tells the server to use it,
    // "link:<key>" adds the share-link key (the server makes such readers read-only).
    const token = props.linkKey ? `link:${props.linkKey}` : 'cookie';
    const provider = new HocuspocusProvider({ url: `${scheme}://${window.location.host}/collab`, name: props.collabName, document: ydoc, token });
    setSession({ ydoc, provider });
    return () => {
      provider.destroy();
      void local?.destroy();
      ydoc.destroy();
      setSession(null);
    };
  }, [props.collabName, props.linkKey]);
  if (!session) return <Skeleton className="h-96 w-full" />;
  return <EditorWithPanels {...props} ydoc={session.ydoc} provider={session.provider} />;
}

function EditorWithPanels({ documentId, canWrite, canComment, user, linkKey, ydoc, provider }: Props & { ydoc: Y.Doc; provider: HocuspocusProvider }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [panel, setPanel] = useState<'comments' | 'history' | null>(null);
  const [focusedComment, setFocusedComment] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [restored, setRestored] = useState<RestoreEvent | null>(null);
  const sync = useSyncState(provider);
  const people = usePresence(provider);
  const comments = useQuery(trpc.document.comments.queryOptions({ documentId, linkKey: linkKey ?? null }));
  const onCommentClick = useRef((id: string) => {
    setPanel('comments');
    setFocusedComment(id);
  });
  const upload = useRef(async (file: File) => {
    setUploadError(null);
    try {
      return await uploadImage(documentId, file);
    } catch (error) {
      setUploadError(error instanceof Error ? error.message : 'The upload failed.');
      throw error;
    }
  });
  const extensions = useMemo(
    () => [
      ...documentExtensions({
        linkKey,
        mentionSuggestion: mentionSuggestion((query) => queryClient.fetchQuery(trpc.document.mentionCandidates.queryOptions({ documentId, query }))),
        uploadImage: canWrite ? (file) => upload.current(file) : undefined,
      }),
      Collaboration.configure({ document: ydoc }),
      CollaborationCaret.configure({ awareness: provider.awareness, user: user ? { name: user.name, color: colorFor(user.id) } : { name: 'Guest', color: '#64748b' } }),
      CommentHighlights.configure({ onCommentClick: (id) => onCommentClick.current(id) }),
      Placeholder.configure({ placeholder: canWrite ? 'Write something…' : '' }),
    ],
    [ydoc, provider, linkKey, canWrite, documentId, user, queryClient, trpc],
  );
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: canWrite,
      extensions,
      editorProps: {
        attributes: { class: 'collab-prose min-h-80 px-4 py-3 focus:outline-none', 'aria-label': 'Document text', 'data-testid': 'editor' },
        // Pasted HTML is sanitised before ProseMirror parses it against the schema (belt and braces).
        transformPastedHTML: (html) => DOMPurify.sanitize(html, { FORBID_TAGS: ['style', 'script', 'iframe', 'object', 'embed', 'form'] }),
      },
    },
    [extensions],
  );
  useEffect(() => {
    if (!editor) return;
    const onAuth = () => editor.setEditable(canWrite && provider.authorizedScope !== 'readonly');
    provider.on('authenticated', onAuth);
    return () => void provider.off('authenticated', onAuth);
  }, [editor, provider, canWrite]);

  // A restore arriving from the server clears this editor's undo history (see restore-undo.ts).
  // Marks met while loading the document (not yet synced, nothing to undo) are old news.
  useEffect(() => {
    if (!editor) return;
    return watchRestores(
      ydoc,
      () => (editor.isDestroyed ? null : yUndoPluginKey.getState(editor.state)?.undoManager),
      (event) => {
        if (event.clearedHistory || provider.isSynced) setRestored(event);
      },
    );
  }, [editor, ydoc, provider]);

  // Open comment threads anchored to text are highlighted in it.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const ranges: CommentRange[] = (comments.data ?? [])
      .filter((c) => !c.threadRootId && !c.resolvedAt && c.anchor)
      .map((c) => ({ id: c.id, anchor: c.anchor!.anchor, head: c.anchor!.head }));
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, { ranges, focusedId: panel === 'comments' ? focusedComment : null }));
  }, [editor, comments.data, focusedComment, panel]);

  return (
    <div className="grid gap-3 lg:grid-cols-[1fr_20rem] lg:items-start">
      <div className="grid min-w-0 gap-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <SyncBadge state={sync} />
          <ul aria-label="Who is here" className="flex flex-wrap gap-1" data-testid="presence">
            {people.map((p) => (
              <li key={p.clientId} className="rounded-full px-2 py-0.5 text-xs text-white" style={{ backgroundColor: p.color }} title={p.self ? 'You' : p.name}>
                {p.name}
                {p.self ? ' (you)' : ''}
              </li>
            ))}
          </ul>
        </div>
        {canWrite && editor ? <EditorToolbar editor={editor} onImage={(file) => void upload.current(file).then((src) => editor.chain().focus().setImage({ src, alt: file.name.slice(0, 200) }).run(), () => undefined)} /> : null}
        {canWrite && editor && !linkKey ? <MakeNeedFromSelection editor={editor} documentId={documentId} /> : null}
        {uploadError ? (
          <p role="alert" className="text-sm text-destructive">
            {uploadError}
          </p>
        ) : null}
        {restored ? <RestoreNotice documentId={documentId} event={restored} viewerId={user?.id ?? null} canWrite={canWrite} onDismiss={() => setRestored(null)} /> : null}
        {/* The text itself draws no outline (it would hug the caret line); its frame shows focus. */}
        <div className="rounded-lg border bg-background focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-ring">
          <EditorContent editor={editor} />
        </div>
        {!canWrite ? <p className="text-xs text-muted-foreground">You can read this document but not edit it.</p> : null}
      </div>
      <aside className="grid gap-2">
        <div className="flex gap-2">
          <Button size="sm" variant={panel === 'comments' ? 'default' : 'outline'} onClick={() => setPanel(panel === 'comments' ? null : 'comments')}>
            Comments
          </Button>
          {linkKey ? null : (
            <Button size="sm" variant={panel === 'history' ? 'default' : 'outline'} onClick={() => setPanel(panel === 'history' ? null : 'history')}>
              History
            </Button>
          )}
        </div>
        {panel === 'comments' ? <CommentsPanel documentId={documentId} editor={editor} ydoc={ydoc} canComment={canComment} linkKey={linkKey ?? null} focusedId={focusedComment} onFocus={setFocusedComment} /> : null}
        {panel === 'history' ? <HistoryPanel documentId={documentId} canWrite={canWrite} /> : null}
      </aside>
    </div>
  );
}

function SyncBadge({ state }: { state: SyncState }) {
  const text =
    state.kind === 'saved'
      ? 'Saved'
      : state.kind === 'saving'
        ? 'Saving…'
        : state.kind === 'connecting'
          ? 'Connecting…'
          : state.unsavedSince
            ? `Offline — changes since ${clockTime(state.unsavedSince)} not yet saved`
            : 'Offline';
  const tone = state.kind === 'offline' ? 'text-amber-700 dark:text-amber-400' : 'text-muted-foreground';
  return (
    <p role="status" aria-live="polite" data-testid="sync-state" data-state={state.kind} className={`text-sm ${tone}`}>
      {text}
    </p>
  );
}
