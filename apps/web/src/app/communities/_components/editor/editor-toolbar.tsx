'use client';

import { useRef, type ReactNode } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { Toolbar as T } from 'radix-ui';
import { Bold, Code, Columns3, Heading2, ImageIcon, Italic, Link2, List, ListChecks, Redo2, Rows3, Table2, Trash2, Undo2 } from 'lucide-react';
import { Button } from '~/components/ui/button';
import { LinkDialog } from './link-dialog';

export const IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';

/**
 * The editor's formatting toolbar. Radix Toolbar makes it one Tab stop with arrow keys (and
 * Home/End) between its buttons, the ARIA toolbar pattern, so keyboard users do not Tab through
 * eleven buttons to reach the text.
 */
export function EditorToolbar({ editor, onImage }: { editor: Editor; onImage: (file: File) => void }) {
  const fileInput = useRef<HTMLInputElement>(null);
  // Tiptap 3 does not re-render on every transaction: subscribe to what the buttons show.
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading'),
      bulletList: e.isActive('bulletList'),
      taskList: e.isActive('taskList'),
      codeBlock: e.isActive('codeBlock'),
      link: e.isActive('link'),
      table: e.isActive('table'),
    }),
  });
  const item = (label: string, icon: ReactNode, run?: () => void, pressed?: boolean) => (
    <T.Button key={label} asChild>
      <Button type="button" size="sm" variant={pressed ? 'default' : 'ghost'} aria-label={label} title={label} aria-pressed={pressed} onClick={run} className="min-h-9 min-w-9">
        {icon}
      </Button>
    </T.Button>
  );
  const c = () => editor.chain().focus();
  return (
    <div className="grid gap-1">
      <T.Root aria-label="Formatting" className="flex flex-wrap gap-1 rounded-lg border p-1">
        {item('Bold', <Bold className="size-4" aria-hidden />, () => c().toggleBold().run(), active.bold)}
        {item('Italic', <Italic className="size-4" aria-hidden />, () => c().toggleItalic().run(), active.italic)}
        {item('Heading', <Heading2 className="size-4" aria-hidden />, () => c().toggleHeading({ level: 2 }).run(), active.heading)}
        {item('Bullet list', <List className="size-4" aria-hidden />, () => c().toggleBulletList().run(), active.bulletList)}
        {item('Task list', <ListChecks className="size-4" aria-hidden />, () => c().toggleTaskList().run(), active.taskList)}
        {item('Code block', <Code className="size-4" aria-hidden />, () => c().toggleCodeBlock().run(), active.codeBlock)}
        <LinkDialog editor={editor}>{item('Link', <Link2 className="size-4" aria-hidden />, undefined, active.link)}</LinkDialog>
        {item('Insert image', <ImageIcon className="size-4" aria-hidden />, () => fileInput.current?.click())}
        {item('Insert table', <Table2 className="size-4" aria-hidden />, () => c().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), active.table)}
        {item('Undo', <Undo2 className="size-4" aria-hidden />, () => c().undo().run())}
        {item('Redo', <Redo2 className="size-4" aria-hidden />, () => c().redo().run())}
      </T.Root>
      <input
        ref={fileInput}
        type="file"
        accept={IMAGE_TYPES}
        className="sr-only"
        aria-label="Image file"
        data-testid="image-file"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onImage(file);
        }}
      />
      {active.table ? (
        // Table commands sit in their own row, shown while the caret is in a table (big enough to tap).
        <T.Root aria-label="Table" className="flex flex-wrap gap-1 rounded-lg border p-1 text-xs">
          {[
            { label: 'Add row', icon: <Rows3 className="size-4" aria-hidden />, run: () => c().addRowAfter().run() },
            { label: 'Add column', icon: <Columns3 className="size-4" aria-hidden />, run: () => c().addColumnAfter().run() },
            { label: 'Remove row', icon: null, run: () => c().deleteRow().run() },
            { label: 'Remove column', icon: null, run: () => c().deleteColumn().run() },
            { label: 'Delete table', icon: <Trash2 className="size-4" aria-hidden />, run: () => c().deleteTable().run(), className: 'text-destructive' },
          ].map(({ label, icon, run, className }) => (
            <T.Button key={label} asChild>
              <Button type="button" size="sm" variant="ghost" className={`min-h-9 ${className ?? ''}`} onClick={run}>
                {icon} {label}
              </Button>
            </T.Button>
          ))}
        </T.Root>
      ) : null}
    </div>
  );
}
