import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from './yjs-text';

/** A small block model for writing Tiptap-compatible Yjs content on the server (seed, tests, API). */
export type TextRun = string | { text: string; bold?: boolean; italic?: boolean; code?: boolean; link?: string } | { mention: { id: string; label: string } };
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: TextRun[] | string }
  | { type: 'paragraph'; text: TextRun[] | string }
  | { type: 'bullets'; items: (TextRun[] | string)[] }
  | { type: 'tasks'; items: { text: string; checked: boolean }[] }
  | { type: 'code'; language?: string; code: string }
  /** The first row is a header row unless `header` is false. */
  | { type: 'table'; rows: (TextRun[] | string)[][]; header?: boolean }
  | { type: 'image'; src: string; alt?: string };

function textNode(runs: Exclude<TextRun, { mention: unknown }>[]): Y.XmlText {
  const text = new Y.XmlText();
  let at = 0;
  for (const run of runs) {
    // Explicit (empty) attributes: Y.Text would otherwise carry the previous run's marks on.
    if (typeof run === 'string') {
      text.insert(at, run, {});
      at += run.length;
      continue;
    }
    const marks: Record<string, unknown> = {};
    if (run.bold) marks.bold = {};
    if (run.italic) marks.italic = {};
    if (run.code) marks.code = {};
    if (run.link) marks.link = { href: run.link, target: '_blank', rel: 'noopener noreferrer nofollow', class: null };
    text.insert(at, run.text, marks);
    at += run.text.length;
  }
  return text;
}

/** Inline content as y-prosemirror lays it out: text runs in Y.XmlText, inline nodes (mentions) as elements between them. */
function inlineNodes(runs: TextRun[] | string): (Y.XmlText | Y.XmlElement)[] {
  const list = typeof runs === 'string' ? [runs] : runs;
  const out: (Y.XmlText | Y.XmlElement)[] = [];
  let pending: Exclude<TextRun, { mention: unknown }>[] = [];
  const flush = () => {
    if (pending.length > 0) out.push(textNode(pending));
    pending = [];
  };
  for (const run of list) {
    if (typeof run !== 'string' && 'mention' in run) {
      flush();
      out.push(element('mention', { id: run.mention.id, label: run.mention.label, mentionSuggestionChar: '@' }, []));
    } else pending.push(run);
  }
  flush();
  return out.length > 0 ? out : [new Y.XmlText()];
}

function element(name: string, attrs: Record<string, unknown>, children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, v as string);
  el.insert(0, children);
  return el;
}

function paragraph(runs: TextRun[] | string): Y.XmlElement {
  return element('paragraph', {}, inlineNodes(runs));
}

function table(rows: (TextRun[] | string)[][], header: boolean): Y.XmlElement {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return element(
    'table',
    {},
    rows.map((row, r) =>
      element(
        'tableRow',
        {},
        Array.from({ length: width }, (_, c) => element(header && r === 0 ? 'tableHeader' : 'tableCell', { colspan: 1, rowspan: 1 }, [paragraph(row[c] ?? '')])),
      ),
    ),
  );
}

function blockToElement(block: Block): Y.XmlElement {
  switch (block.type) {
    case 'heading':
      return element('heading', { level: block.level }, inlineNodes(block.text));
    case 'paragraph':
      return paragraph(block.text);
    case 'bullets':
      return element('bulletList', {}, block.items.map((item) => element('listItem', {}, [paragraph(item)])));
    case 'tasks':
      return element('taskList', {}, block.items.map((item) => element('taskItem', { checked: item.checked }, [paragraph(item.text)])));
    case 'code':
      return element('codeBlock', { language: block.language ?? null }, [textNode([block.code])]);
    case 'table':
      return table(block.rows, block.header ?? true);
    case 'image':
      return element('image', { src: block.src, alt: block.alt ?? null }, []);
  }
}

/** Appends blocks to the document's fragment in one transaction. */
export function appendBlocks(doc: Y.Doc, blocks: Block[], origin?: unknown): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
    fragment.insert(fragment.length, blocks.map(blockToElement));
  }, origin);
}

/** A complete Yjs state holding the blocks. */
export function buildDocumentState(blocks: Block[]): Uint8Array {
  const doc = new Y.Doc();
  appendBlocks(doc, blocks);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/**
 * Replaces the document's content with a copy of `source`'s, as one forward change (no history
 * rewriting, no `gc: false`): clients merge it like any edit and a Y.UndoManager tracking `origin`
 * can undo it.
 */
export function replaceContent(target: Y.Doc, source: Y.Doc, origin?: unknown): void {
  const from = source.getXmlFragment(DOCUMENT_FRAGMENT);
  target.transact(() => {
    const to = target.getXmlFragment(DOCUMENT_FRAGMENT);
    if (to.length > 0) to.delete(0, to.length);
    to.insert(0, from.toArray().map((node) => (node as Y.XmlElement | Y.XmlText).clone()));
  }, origin);
}
