import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendBlocks, buildDocumentState, replaceContent } from './yjs-build';
import { DOCUMENT_FRAGMENT, documentText, documentTextFromState } from './yjs-text';
import { diffLines } from './line-diff';

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
});
