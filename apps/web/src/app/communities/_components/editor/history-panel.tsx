'use client';

import { useMemo, useState } from 'react';
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { EditorContent, useEditor } from '@tiptap/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Button } from '~/components/ui/button';
import { Input } from '~/components/ui/input';
import { clockTime } from '../../_lib/format';
import { documentExtensions } from './document-extensions';

/** The Yjs fragment Tiptap's Collaboration extension binds to. */
const FRAGMENT = 'default';

/** A version's content rendered with the editor's schema, read-only (no connection, no editing UI). */
function VersionContent({ yState }: { yState: string }) {
  const content = useMemo(() => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Uint8Array.from(atob(yState), (c) => c.charCodeAt(0)));
    const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(FRAGMENT));
    doc.destroy();
    return json;
  }, [yState]);
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: false,
      extensions: documentExtensions(),
      content,
      editorProps: { attributes: { class: 'collab-prose px-3 py-2', 'aria-label': 'This version (read-only)', 'data-testid': 'version-content' } },
    },
    [content],
  );
  return (
    <div className="max-h-[28rem] overflow-auto rounded-md border bg-background">
      <EditorContent editor={editor} />
    </div>
  );
}

/** Versions: list, show one read-only with a diff against now, save one, restore one (and undo the restore). */
export function HistoryPanel({ documentId, canWrite }: { documentId: string; canWrite: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useQuery(trpc.document.versions.queryOptions({ documentId }));
  const [selected, setSelected] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [undoId, setUndoId] = useState<string | null>(null);
  const version = useQuery({ ...trpc.document.version.queryOptions({ documentId, versionId: selected ?? '00000000-0000-0000-0000-000000000000' }), enabled: selected !== null });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.document.versions.queryKey({ documentId }) });
  const save = useMutation(trpc.document.createVersion.mutationOptions({ onSuccess: () => (setLabel(''), refresh()) }));
  const restore = useMutation(
    trpc.document.restoreVersion.mutationOptions({
      onSuccess: ({ before }) => {
        setUndoId(before.id);
        setSelected(null);
        void refresh();
      },
    }),
  );
  const error = save.error ?? restore.error;

  return (
    <div className="grid gap-3 text-sm" data-testid="history-panel">
      {canWrite ? (
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ documentId, label: label || null });
          }}
        >
          <Input aria-label="Version name" placeholder="Name this version (optional)" value={label} maxLength={120} onChange={(e) => setLabel(e.target.value)} />
          <Button type="submit" size="sm" disabled={save.isPending}>
            Save version
          </Button>
        </form>
      ) : null}
      {undoId && canWrite ? (
        <Button size="sm" variant="outline" onClick={() => (restore.mutate({ documentId, versionId: undoId }), setUndoId(null))}>
          Undo restore
        </Button>
      ) : null}
      {error ? <p role="alert" className="text-destructive">{errorDetails(error).message}</p> : null}
      <ol className="grid gap-1">
        {(versions.data ?? []).map((v) => (
          <li key={v.id}>
            <button
              type="button"
              onClick={() => setSelected(v.id === selected ? null : v.id)}
              className={`w-full rounded-md px-2 py-1 text-left hover:bg-muted ${v.id === selected ? 'bg-muted' : ''}`}
            >
              <span className="font-medium">{v.label ?? (v.reason === 'auto' ? 'Automatic' : 'Version')}</span>{' '}
              <span className="text-muted-foreground">
                {v.createdAt.toLocaleDateString()} {clockTime(v.createdAt)}
                {v.authors.length ? ` · ${v.authors.map((a) => a.name).join(', ')}` : ''}
              </span>
            </button>
          </li>
        ))}
        {versions.data?.length === 0 ? <li className="text-muted-foreground">No versions yet.</li> : null}
      </ol>
      {selected && version.data ? (
        <div className="grid gap-2 rounded-md border p-2">
          <div className="flex items-center justify-between gap-2">
            <span className="font-medium">This version</span>
            {canWrite ? (
              <Button size="sm" onClick={() => restore.mutate({ documentId, versionId: selected })} disabled={restore.isPending}>
                Restore
              </Button>
            ) : null}
          </div>
          <VersionContent yState={version.data.yState} />
          <span className="font-medium">Changes since this version</span>
          <pre className="max-h-64 overflow-auto text-xs whitespace-pre-wrap" aria-label="Diff against the current document">
            {version.data.diff.map((line, i) => (
              <div key={i} className={line.op === 'add' ? 'bg-green-500/15' : line.op === 'remove' ? 'bg-red-500/15 line-through' : ''}>
                {line.op === 'add' ? '+ ' : line.op === 'remove' ? '- ' : '  '}
                {line.text}
              </div>
            ))}
          </pre>
          <details>
            <summary className="cursor-pointer">This version as markdown</summary>
            <pre className="max-h-64 overflow-auto text-xs whitespace-pre-wrap">{version.data.markdown}</pre>
          </details>
        </div>
      ) : null}
    </div>
  );
}
