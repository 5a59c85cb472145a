'use client';

import { useParams, useRouter } from 'next/navigation';
import { useEditorState, type Editor } from '@tiptap/react';
import { HandCoins } from 'lucide-react';
import { Button } from '~/components/ui/button';
import { makeNeedHref } from './make-need-link';

/**
 * "Make a need" in the document editor's toolbar: opens the project's new-need form prefilled with
 * the selected text, keeping a link back to the document. Disabled until some text is selected.
 */
export function MakeNeedFromSelection({ editor, documentId }: { editor: Editor; documentId: string }) {
  const router = useRouter();
  // The document page lives at /communities/[slug]/projects/[project]/documents/[documentId].
  const params = useParams<{ slug?: string; project?: string }>();
  const selected = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const { from, to, empty } = e.state.selection;
      return empty ? '' : e.state.doc.textBetween(from, to, '\n', ' ');
    },
  });
  if (!params.slug || !params.project) return null;
  const href = makeNeedHref(params.slug, params.project, { kind: 'document', documentId, text: selected });
  return (
    <Button
      type="button"
      size="sm"
      variant="ghost"
      className="min-h-9"
      disabled={!href}
      title={href ? 'Make a need from the selected text' : 'Select some text to make a need from it'}
      onClick={() => {
        if (href) router.push(href);
      }}
    >
      <HandCoins className="size-4" aria-hidden /> Make a need
    </Button>
  );
}
