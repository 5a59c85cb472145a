'use client';

import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import TaskList from '@tiptap/extension-task-list';
import TaskItem from '@tiptap/extension-task-item';
import Image from '@tiptap/extension-image';
import Placeholder from '@tiptap/extension-placeholder';
import DOMPurify from 'dompurify';
import { Bold, Code, Heading2, ImageIcon, Italic, Link2, List, ListChecks, Redo2, Undo2 } from 'lucide-react';
import { Button } from '~/components/ui/button';
import { Skeleton } from '~/components/ui/skeleton';
import { CollaborationCaret, colorFor } from './caret-extension';
import { CommentsPanel } from './comments-panel';
import { HistoryPanel } from './history-panel';
import { usePresence } from './use-presence';
import { useSyncState, type SyncState } from './use-sync-state';
import { clockTime } from '../../_lib/format';

interface Props {
  documentId: string;
  collabName: string;
  canWrite: boolean;
  canComment: boolean;
  user: { id: string; name: string };
}

/** The collaborative editor: Yjs document kept in IndexedDB (offline) and synced through Hocuspocus. */
export function CollabEditor(props: Props) {
  const [session, setSession] = useState<{ ydoc: Y.Doc; provider: HocuspocusProvider } | null>(null);
  useEffect(() => {
    const ydoc = new Y.Doc();
    const local = new IndexeddbPersistence(`p2pv:${props.collabName}`, ydoc);
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    // The session cookie travels with the WebSocket upgrade; "cookie" tells the server to use it.
    const provider = new HocuspocusProvider({ url: `${scheme}://${window.location.host}/collab`, name: props.collabName, document: ydoc, token: 'cookie' });
    setSession({ ydoc, provider });
    return () => {
      provider.destroy();
      void local.destroy();
      ydoc.destroy();
      setSession(null);
    };
  }, [props.collabName]);
  if (!session) return <Skeleton className="h-96 w-full" />;
  return <EditorWithPanels {...props} ydoc={session.ydoc} provider={session.provider} />;
}

function EditorWithPanels({ documentId, canWrite, canComment, user, ydoc, provider }: Props & { ydoc: Y.Doc; provider: HocuspocusProvider }) {
  const [panel, setPanel] = useState<'comments' | 'history' | null>(null);
  const sync = useSyncState(provider);
  const people = usePresence(provider);
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: canWrite,
      extensions: [
        StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true, defaultProtocol: 'https' } }),
        Collaboration.configure({ document: ydoc }),
        CollaborationCaret.configure({ awareness: provider.awareness, user: { name: user.name, color: colorFor(user.id) } }),
        TaskList,
        TaskItem.configure({ nested: true }),
        Image.configure({ allowBase64: false }),
        Placeholder.configure({ placeholder: canWrite ? 'Write something…' : '' }),
      ],
      editorProps: {
        attributes: { class: 'collab-prose min-h-80 px-4 py-3 focus:outline-none', 'aria-label': 'Document text', 'data-testid': 'editor' },
        // Pasted HTML is sanitised before ProseMirror parses it against the schema (belt and braces).
        transformPastedHTML: (html) => DOMPurify.sanitize(html, { FORBID_TAGS: ['style', 'script', 'iframe', 'object', 'embed', 'form'] }),
      },
    },
    [ydoc, provider],
  );
  useEffect(() => {
    if (!editor) return;
    const onAuth = () => editor.setEditable(canWrite && provider.authorizedScope !== 'readonly');
    provider.on('authenticated', onAuth);
    return () => void provider.off('authenticated', onAuth);
  }, [editor, provider, canWrite]);

  return (
    <div className="grid gap-3 lg:grid-cols-[1fr_20rem] lg:items-start">
      <div className="grid gap-2">
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
        {canWrite && editor ? <Toolbar editor={editor} /> : null}
        <div className="rounded-lg border bg-background">
          <EditorContent editor={editor} />
        </div>
        {!canWrite ? <p className="text-xs text-muted-foreground">You can read this document but not edit it.</p> : null}
      </div>
      <aside className="grid gap-2">
        <div className="flex gap-2">
          <Button size="sm" variant={panel === 'comments' ? 'default' : 'outline'} onClick={() => setPanel(panel === 'comments' ? null : 'comments')}>
            Comments
          </Button>
          <Button size="sm" variant={panel === 'history' ? 'default' : 'outline'} onClick={() => setPanel(panel === 'history' ? null : 'history')}>
            History
          </Button>
        </div>
        {panel === 'comments' ? <CommentsPanel documentId={documentId} editor={editor} ydoc={ydoc} canComment={canComment} /> : null}
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

function Toolbar({ editor }: { editor: Editor }) {
  const item = (label: string, icon: React.ReactNode, run: () => void, active = false) => (
    <Button key={label} type="button" size="sm" variant={active ? 'default' : 'ghost'} aria-label={label} aria-pressed={active} onClick={run}>
      {icon}
    </Button>
  );
  const c = () => editor.chain().focus();
  return (
    <div role="toolbar" aria-label="Formatting" className="flex flex-wrap gap-1 rounded-lg border p-1">
      {item('Bold', <Bold className="size-4" />, () => c().toggleBold().run(), editor.isActive('bold'))}
      {item('Italic', <Italic className="size-4" />, () => c().toggleItalic().run(), editor.isActive('italic'))}
      {item('Heading', <Heading2 className="size-4" />, () => c().toggleHeading({ level: 2 }).run(), editor.isActive('heading'))}
      {item('Bullet list', <List className="size-4" />, () => c().toggleBulletList().run(), editor.isActive('bulletList'))}
      {item('Task list', <ListChecks className="size-4" />, () => c().toggleTaskList().run(), editor.isActive('taskList'))}
      {item('Code block', <Code className="size-4" />, () => c().toggleCodeBlock().run(), editor.isActive('codeBlock'))}
      {item('Link', <Link2 className="size-4" />, () => {
        const href = window.prompt('Link address (https://…)');
        if (href && /^(https?:|mailto:)/i.test(href)) c().setLink({ href }).run();
      })}
      {item('Image', <ImageIcon className="size-4" />, () => {
        const src = window.prompt('Image address (https://…)');
        if (src && /^https?:/i.test(src)) c().setImage({ src }).run();
      })}
      {item('Undo', <Undo2 className="size-4" />, () => c().undo().run())}
      {item('Redo', <Redo2 className="size-4" />, () => c().redo().run())}
    </div>
  );
}
