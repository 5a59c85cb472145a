import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendBlocks, buildDocumentState, replaceContent } from './yjs-build';
import { DOCUMENT_FRAGMENT, documentText, documentTextFromState, fragmentToMarkdown, fragmentToPlainText } from './yjs-text';
import { diffLines } from './line-diff';
import { mentionedUserIds, mentionsAddedBy } from './yjs-mentions';

describe('document text derived from Yjs', () => {
  it('writes markdown and plain text for headings, marks, lists, tasks and code', () => {
    const state = buildDocumentState([
      { type: 'heading', level: 2, text: 'Plan' },
      { type: 'paragraph', text: ['We ', { text: 'must', bold: true }, ' read ', { text: 'this', link: 'https://p2pvalue.eu' }, ' and ', { text: 'x<y', code: true }] },
      { type: 'bullets', items: ['one', 'two'] },
      { type: 'tasks', items: [{ text: 'done', checked: true }, { text: 'todo', checked: false }] },
      { type: 'code', language: 'ts', code: 'let a = 1;' },
    ]);
    const { markdown, plainText } = documentTextFromState(state);
    expect(markdown).toBe(
      ['## Plan', 'We **must** read [this](https://p2pvalue.eu) and `x<y`', '- one\n- two', '- [x] done\n- [ ] todo', '```ts\nlet a = 1;\n```'].join('\n\n'),
    );
    expect(plainText).toContain('We must read this and x<y');
    expect(plainText).toContain('todo');
  });

  it('escapes markdown and HTML in text so it stays text', () => {
    const { markdown } = documentTextFromState(buildDocumentState([{ type: 'paragraph', text: '<script>alert(1)</script> *x*' }]));
    expect(markdown).toBe('\\<script\\>alert(1)\\</script\\> \\*x\\*');
  });

  it('replaces content as a forward change that an UndoManager can undo', () => {
    const live = new Y.Doc();
    appendBlocks(live, [{ type: 'paragraph', text: 'current' }]);
    const old = new Y.Doc();
    appendBlocks(old, [{ type: 'paragraph', text: 'old' }]);
    const origin = { restore: true };
    const undo = new Y.UndoManager(live.getXmlFragment(DOCUMENT_FRAGMENT), { trackedOrigins: new Set([origin]) });
    replaceContent(live, old, origin);
    expect(documentText(live).plainText).toBe('old');
    undo.undo();
    expect(documentText(live).plainText).toBe('current');
  });

  it('diffs lines', () => {
    expect(diffLines('a\nb\nc', 'a\nc\nd')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'remove', text: 'b' },
      { op: 'same', text: 'c' },
      { op: 'add', text: 'd' },
    ]);
  });

  it('writes tables as markdown tables (header row, escaped pipes) and as tab-separated lines', () => {
    const state = buildDocumentState([
      { type: 'paragraph', text: 'Budget' },
      { type: 'table', rows: [['Item', 'Cost'], ['Servers', '40 €'], ['', 'a|b']] },
    ]);
    const { markdown, plainText } = documentTextFromState(state);
    expect(markdown).toBe(['Budget', '| Item | Cost |\n| --- | --- |\n| Servers | 40 € |\n|  | a\\|b |'].join('\n\n'));
    expect(plainText).toBe('Budget\nItem\tCost\nServers\t40 €\n\ta|b');
  });

  it('diffs and restores documents with tables row by row', () => {
    const v1 = new Y.Doc();
    appendBlocks(v1, [{ type: 'table', rows: [['A', 'B'], ['1', '2']] }]);
    const live = new Y.Doc();
    appendBlocks(live, [{ type: 'table', rows: [['A', 'B'], ['1', '3'], ['4', '5']] }]);
    const diff = diffLines(documentText(v1).markdown, documentText(live).markdown);
    expect(diff.filter((l) => l.op !== 'same')).toEqual([
      { op: 'remove', text: '| 1 | 2 |' },
      { op: 'add', text: '| 1 | 3 |' },
      { op: 'add', text: '| 4 | 5 |' },
    ]);
    replaceContent(live, v1);
    expect(documentText(live).markdown).toBe(documentText(v1).markdown);
    const row = live.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement;
    expect(row.nodeName).toBe('table');
    expect((row.get(0) as Y.XmlElement).toArray().map((c) => (c as Y.XmlElement).nodeName)).toEqual(['tableHeader', 'tableHeader']);
  });

  it('writes mentions as @name and images as markdown images', () => {
    const { markdown, plainText } = documentTextFromState(
      buildDocumentState([
        { type: 'paragraph', text: ['Ask ', { mention: { id: 'u1', label: 'Ada' } }, ' about it'] },
        { type: 'image', src: '/api/v1/documents/d/images/i', alt: 'chart' },
      ]),
    );
    expect(markdown).toBe('Ask @Ada about it\n\n![chart](/api/v1/documents/d/images/i)');
    const hostile = documentTextFromState(buildDocumentState([{ type: 'paragraph', text: [{ mention: { id: 'u2', label: '<img src=x onerror=alert(1)>' } }] }]));
    expect(hostile.markdown).toBe('@\\<img src=x onerror=alert(1)\\>');
    expect(plainText).toBe('Ask @Ada about it\nchart');
  });

  it('finds mentioned people, and only the mentions an edit inserted', () => {
    const doc = new Y.Doc();
    appendBlocks(doc, [{ type: 'paragraph', text: [{ mention: { id: 'old', label: 'Old' } }] }]);
    const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
    expect(mentionedUserIds(fragment)).toEqual(['old']);
    const added: string[][] = [];
    fragment.observeDeep((events) => added.push(mentionsAddedBy(events)));
    // Typing next to an existing mention announces nobody.
    ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlElement).setAttribute('label', 'Old');
    appendBlocks(doc, [{ type: 'paragraph', text: 'plain' }]);
    // A new mention inside a new paragraph, and one inside a table cell.
    appendBlocks(doc, [
      { type: 'paragraph', text: ['hi ', { mention: { id: 'new', label: 'New' } }] },
      { type: 'table', rows: [['x'], [[{ mention: { id: 'cell', label: 'Cell' } }]]] },
    ]);
    expect(added).toEqual([[], [], ['new', 'cell']]);
  });

  it('finds mentions in updates from elsewhere, not in content deleted in the same update', () => {
    const server = new Y.Doc();
    const fragment = server.getXmlFragment(DOCUMENT_FRAGMENT);
    appendBlocks(server, Array.from({ length: 50 }, (_, i) => ({ type: 'paragraph' as const, text: `line ${i}` })));
    const added: string[][] = [];
    fragment.observeDeep((events) => added.push(mentionsAddedBy(events)));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const sync = () => Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    appendBlocks(client, [{ type: 'bullets', items: [['see ', { mention: { id: 'deep', label: 'Deep' } }]] }]);
    sync();
    client.transact(() => {
      appendBlocks(client, [{ type: 'paragraph', text: [{ mention: { id: 'gone', label: 'Gone' } }] }]);
      const f = client.getXmlFragment(DOCUMENT_FRAGMENT);
      f.delete(f.length - 1, 1);
    });
    sync();
    // Meta data beside the text (a restore mark) mentions nobody.
    client.getMap('p2pv:meta').set('restore', { versionId: 'v' });
    sync();
    expect(added).toEqual([['deep'], []]);
  });
});

describe('document text kept per block on a live document', () => {
  const fresh = (doc: Y.Doc) => {
    const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
    return { markdown: fragmentToMarkdown(fragment), plainText: fragmentToPlainText(fragment) };
  };

  it('matches a full derivation after every kind of edit, local or from elsewhere', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
    appendBlocks(doc, [
      { type: 'heading', level: 1, text: 'Title' },
      { type: 'paragraph', text: 'first' },
      { type: 'bullets', items: ['one', 'two'] },
      { type: 'table', rows: [['a', 'b'], ['c', 'd']] },
      { type: 'tasks', items: [{ text: 'task', checked: false }] },
    ]);
    expect(documentText(doc)).toEqual(fresh(doc));
    const steps: ((d: Y.Doc) => void)[] = [
      // Text inside a paragraph, a list item and a table cell.
      (d) => ((d.getXmlFragment(DOCUMENT_FRAGMENT).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(5, ' edited', { bold: {} }),
      (d) => {
        const item = (d.getXmlFragment(DOCUMENT_FRAGMENT).get(2) as Y.XmlElement).get(1) as Y.XmlElement;
        ((item.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'item ');
      },
      (d) => {
        const cell = ((d.getXmlFragment(DOCUMENT_FRAGMENT).get(3) as Y.XmlElement).get(1) as Y.XmlElement).get(1) as Y.XmlElement;
        ((cell.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(1, '|pipe');
      },
      // Attributes: a heading's level, a task's check.
      (d) => (d.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).setAttribute('level', 3 as unknown as string),
      (d) => ((d.getXmlFragment(DOCUMENT_FRAGMENT).get(4) as Y.XmlElement).get(0) as Y.XmlElement).setAttribute('checked', true as unknown as string),
      // Blocks inserted in the middle and removed.
      (d) => d.getXmlFragment(DOCUMENT_FRAGMENT).insert(1, [new Y.XmlElement('horizontalRule')]),
      (d) => d.getXmlFragment(DOCUMENT_FRAGMENT).delete(2, 1),
      (d) => appendBlocks(d, [{ type: 'code', language: 'ts', code: 'x' }]),
    ];
    for (const [i, step] of steps.entries()) {
      if (i % 2 === 0) step(doc);
      else {
        // From another replica, as updates arrive on the server.
        const other = new Y.Doc();
        Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
        const before = Y.encodeStateVector(doc);
        step(other);
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before));
      }
      expect(documentText(doc), `after step ${i}`).toEqual(fresh(doc));
    }
    // Inside a transaction the cache is not trusted: the change is already visible.
    doc.transact(() => {
      ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Now ');
      expect(documentText(doc).markdown.startsWith('### Now Title')).toBe(true);
    });
    // A restore replaces every block.
    replaceContent(doc, (() => {
      const v = new Y.Doc();
      appendBlocks(v, [{ type: 'paragraph', text: 'restored' }]);
      return v;
    })());
    expect(documentText(doc)).toEqual({ markdown: 'restored', plainText: 'restored' });
  });
});
