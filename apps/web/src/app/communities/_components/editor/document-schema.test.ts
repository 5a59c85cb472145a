import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { DOCUMENT_FRAGMENT, buildDocumentState, documentText, mentionedUserIds } from '@p2pvalue/platform';
import { documentExtensions } from './document-extensions';

const schema = getSchema(documentExtensions());

function fragmentOf(state: Uint8Array): Y.XmlFragment {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getXmlFragment(DOCUMENT_FRAGMENT);
}

// The server writes Yjs content (seed, API, restore) and reads it (markdown, mentions) without a
// browser; both sides must agree with the editor's schema.
describe("the editor's document schema and the server's Yjs helpers", () => {
  it('accepts server-built tables, mentions and images as valid editor content', () => {
    const fragment = fragmentOf(
      buildDocumentState([
        { type: 'heading', level: 2, text: 'Budget' },
        { type: 'table', rows: [['Item', 'Cost'], ['Servers', [{ mention: { id: 'u1', label: 'Ada' } }]]] },
        { type: 'image', src: '/api/v1/documents/00000000-0000-4000-8000-000000000000/images/00000000-0000-4000-8000-000000000001', alt: 'chart' },
        { type: 'tasks', items: [{ text: 'pay', checked: false }] },
      ]),
    );
    const root = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    expect(() => root.check()).not.toThrow();
    const table = root.child(1);
    expect(table.type.name).toBe('table');
    expect(table.child(0).child(0).type.name).toBe('tableHeader');
    expect(table.child(1).child(1).firstChild!.firstChild!.type.name).toBe('mention');
    expect(root.child(2).type.name).toBe('image');
  });

  it('reads markdown and mentions from a table the editor made', () => {
    const cell = (type: string, content: unknown[]) => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [{ type: 'paragraph', content }] });
    const json = {
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [cell('tableHeader', [{ type: 'text', text: 'Who' }]), cell('tableHeader', [{ type: 'text', text: 'What' }])] },
            {
              type: 'tableRow',
              content: [cell('tableCell', [{ type: 'mention', attrs: { id: 'u2', label: 'Grace' } }]), cell('tableCell', [{ type: 'text', text: 'review', marks: [{ type: 'bold' }] }])],
            },
          ],
        },
      ],
    };
    expect(() => Node.fromJSON(schema, json).check()).not.toThrow();
    const doc = new Y.Doc();
    prosemirrorJSONToYXmlFragment(schema, json, doc.getXmlFragment(DOCUMENT_FRAGMENT));
    expect(documentText(doc).markdown).toBe('| Who | What |\n| --- | --- |\n| @Grace | **review** |');
    expect(mentionedUserIds(doc.getXmlFragment(DOCUMENT_FRAGMENT))).toEqual(['u2']);
  });
});
