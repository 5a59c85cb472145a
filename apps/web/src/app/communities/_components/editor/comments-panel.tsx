'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import * as Y from 'yjs';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Button } from '~/components/ui/button';

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

interface SyncState {
  type: Y.XmlFragment;
  binding: { mapping: Map<never, never> };
}

/** The selection as Yjs relative positions: they keep pointing at the same text as others edit. */
function selectionAnchor(editor: Editor): { anchor: string; head: string; quote: string } | null {
  const state = ySyncPluginKey.getState(editor.state) as SyncState | undefined;
  const { from, to, empty } = editor.state.selection;
  if (!state?.binding || empty) return null;
  const rel = (pos: number) => toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, state.type, state.binding.mapping as never)));
  return { anchor: rel(from), head: rel(to), quote: editor.state.doc.textBetween(from, to, ' ').slice(0, 500) };
}

function selectAnchor(editor: Editor, ydoc: Y.Doc, anchor: { anchor: string; head: string }): void {
  const state = ySyncPluginKey.getState(editor.state) as SyncState | undefined;
  if (!state?.binding) return;
  const abs = (b64: string) => relativePositionToAbsolutePosition(ydoc, state.type, Y.decodeRelativePosition(fromBase64(b64)), state.binding.mapping as never);
  const from = abs(anchor.anchor);
  const to = abs(anchor.head);
  if (from !== null && to !== null) editor.chain().focus().setTextSelection({ from, to }).scrollIntoView().run();
}

/** Comment threads anchored to text, replies, resolve/reopen and @mentions of community members. */
export function CommentsPanel(props: {
  documentId: string;
  editor: Editor | null;
  ydoc: Y.Doc;
  canComment: boolean;
  linkKey: string | null;
  /** The thread whose highlighted text was clicked: scrolled to and marked. */
  focusedId: string | null;
  onFocus: (id: string) => void;
}) {
  const { documentId, editor, ydoc, canComment, linkKey, focusedId, onFocus } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const comments = useQuery(trpc.document.comments.queryOptions({ documentId, linkKey }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.document.comments.queryKey({ documentId, linkKey }) });
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!focusedId) return;
    const thread = list.current?.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(focusedId)}"]`);
    thread?.scrollIntoView({ block: 'nearest' });
    thread?.focus({ preventScroll: true });
  }, [focusedId, comments.data]);
  const add = useMutation(trpc.document.addComment.mutationOptions({ onSuccess: refresh }));
  const resolve = useMutation(trpc.document.setCommentResolved.mutationOptions({ onSuccess: refresh }));
  const [showResolved, setShowResolved] = useState(false);

  const threads = useMemo(() => {
    const all = comments.data ?? [];
    return all.filter((c) => !c.threadRootId).map((root) => ({ root, replies: all.filter((c) => c.threadRootId === root.id) }));
  }, [comments.data]);

  return (
    <div className="grid gap-3 text-sm" data-testid="comments-panel">
      {canComment ? (
        <CommentForm
          documentId={documentId}
          placeholder="Comment on the selected text…"
          pending={add.isPending}
          onSubmit={(body, mentionedIds) => add.mutate({ documentId, body, mentionedIds, anchor: editor ? selectionAnchor(editor) : null })}
        />
      ) : null}
      {add.error ? <p role="alert" className="text-destructive">{errorDetails(add.error).message}</p> : null}
      <label className="flex items-center gap-2 text-xs text-muted-foreground">
        <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> Show resolved
      </label>
      <ul className="grid gap-3" ref={list}>
        {threads
          .filter((t) => showResolved || !t.root.resolvedAt || t.root.id === focusedId)
          .map(({ root, replies }) => (
            <li
              key={root.id}
              data-comment-id={root.id}
              data-focused={root.id === focusedId}
              tabIndex={-1}
              className={`grid gap-2 rounded-md border p-2 outline-none ${root.resolvedAt ? 'opacity-60' : ''} ${root.id === focusedId ? 'border-amber-500 ring-2 ring-amber-400/60' : ''}`}
            >
              {root.anchor ? (
                <button
                  type="button"
                  className="truncate border-l-2 border-primary pl-2 text-left text-xs text-muted-foreground"
                  onClick={() => {
                    onFocus(root.id);
                    if (editor && root.anchor) selectAnchor(editor, ydoc, root.anchor);
                  }}
                >
                  “{root.anchor.quote}”
                </button>
              ) : null}
              {[root, ...replies].map((c) => (
                <div key={c.id}>
                  <span className="font-medium">{c.authorName}</span> <span className="text-xs text-muted-foreground">{c.createdAt.toLocaleString()}</span>
                  {/* Plain text: React escapes it, so HTML in comments stays inert. */}
                  <p className="whitespace-pre-wrap break-words">{c.body}</p>
                </div>
              ))}
              {canComment ? (
                <div className="flex flex-wrap gap-2">
                  <Button size="sm" variant="ghost" onClick={() => resolve.mutate({ commentId: root.id, resolved: !root.resolvedAt })}>
                    {root.resolvedAt ? 'Reopen' : 'Resolve'}
                  </Button>
                  <CommentForm documentId={documentId} placeholder="Reply…" compact pending={add.isPending} onSubmit={(body, mentionedIds) => add.mutate({ documentId, body, mentionedIds, threadRootId: root.id })} />
                </div>
              ) : null}
            </li>
          ))}
        {threads.length === 0 ? <li className="text-muted-foreground">No comments yet.</li> : null}
      </ul>
    </div>
  );
}

function CommentForm(props: { documentId: string; placeholder: string; compact?: boolean; pending: boolean; onSubmit: (body: string, mentionedIds: string[]) => void }) {
  const trpc = useTRPC();
  const [body, setBody] = useState('');
  const [mentioned, setMentioned] = useState<Map<string, string>>(new Map());
  const query = /@([\p{L}\p{N}_-]{1,30})$/u.exec(body)?.[1] ?? null;
  const candidates = useQuery({ ...trpc.document.mentionCandidates.queryOptions({ documentId: props.documentId, query: query ?? '' }), enabled: query !== null });
  // A listbox driven from the textarea (focus stays there): arrows, Enter or Tab to pick, Escape to close.
  const [activeIndex, setActiveIndex] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);
  const listId = useId();
  const options = query !== null && dismissedAt !== body ? (candidates.data ?? []) : [];
  const active = Math.min(activeIndex, options.length - 1);
  const pick = (c: { id: string; name: string }) => {
    setBody(body.replace(/@[\p{L}\p{N}_-]{1,30}$/u, `@${c.name} `));
    setMentioned(new Map(mentioned).set(c.id, c.name));
  };
  return (
    <form
      className={`relative grid gap-2 ${props.compact ? 'flex-1' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!body.trim()) return;
        const ids = [...mentioned.entries()].filter(([, name]) => body.includes(`@${name}`)).map(([id]) => id);
        props.onSubmit(body, ids);
        setBody('');
        setMentioned(new Map());
      }}
    >
      <textarea
        aria-label={props.placeholder}
        placeholder={props.placeholder}
        className="min-h-12 rounded-md border bg-background px-2 py-1 text-sm"
        value={body}
        maxLength={5000}
        aria-autocomplete="list"
        aria-controls={options.length > 0 ? listId : undefined}
        aria-activedescendant={options.length > 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          setBody(e.target.value);
          setActiveIndex(0);
        }}
        onKeyDown={(e) => {
          if (options.length === 0 || e.nativeEvent.isComposing) return;
          const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
          const picks = (e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey;
          if (step === 0 && !picks && e.key !== 'Escape') return;
          e.preventDefault();
          if (step !== 0) setActiveIndex((active + step + options.length) % options.length);
          else if (picks) pick(options[active]!);
          else setDismissedAt(body);
        }}
      />
      {options.length > 0 ? (
        <ul id={listId} role="listbox" aria-label="Mention suggestions" className="absolute top-full z-10 grid rounded-md border bg-card p-1 text-card-foreground shadow">
          {options.map((c, i) => (
            <li
              key={c.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`cursor-pointer rounded px-2 py-1 hover:bg-muted ${i === active ? 'bg-accent text-accent-foreground' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(c)}
            >
              {c.name}
            </li>
          ))}
        </ul>
      ) : null}
      <div>
        <Button type="submit" size="sm" disabled={props.pending || !body.trim()}>
          {props.compact ? 'Reply' : 'Comment'}
        </Button>
      </div>
    </form>
  );
}
