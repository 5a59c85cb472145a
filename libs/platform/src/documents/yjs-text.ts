import * as Y from 'yjs';

/** The Y.XmlFragment Tiptap's Collaboration extension binds to (its default `field`). */
export const DOCUMENT_FRAGMENT = 'default';

type Delta = { insert: string | Y.XmlElement; attributes?: Record<string, unknown> }[];

function attr(el: Y.XmlElement, name: string): unknown {
  return el.getAttribute(name) as unknown;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function inlineMarkdown(node: Y.XmlText | Y.XmlElement): string {
  if (node instanceof Y.XmlElement) {
    if (node.nodeName === 'hardBreak') return '  \n';
    // Labels come from clients: escaped like any text, so a name cannot smuggle markup into the markdown.
    if (node.nodeName === 'mention') return `@${escapeMarkdown(String(attr(node, 'label') ?? attr(node, 'id') ?? ''))}`;
    if (node.nodeName === 'image') return `![${escapeMarkdown(String(attr(node, 'alt') ?? ''))}](${String(attr(node, 'src') ?? '')})`;
    return node.toArray().map((c) => inlineMarkdown(c as Y.XmlText | Y.XmlElement)).join('');
  }
  return (node.toDelta() as Delta)
    .map((op) => {
      if (typeof op.insert !== 'string') return inlineMarkdown(op.insert);
      const marks = op.attributes ?? {};
      if (marks.code) return '`' + op.insert.replace(/`/g, '\\`') + '`';
      let out = escapeMarkdown(op.insert);
      if (marks.bold) out = `**${out}**`;
      if (marks.italic) out = `_${out}_`;
      if (marks.strike) out = `~~${out}~~`;
      const link = marks.link as { href?: unknown } | undefined;
      if (link && typeof link.href === 'string') out = `[${out}](${link.href})`;
      return out;
    })
    .join('');
}

function inlineChildren(el: Y.XmlElement): string {
  return el.toArray().map((c) => inlineMarkdown(c as Y.XmlText | Y.XmlElement)).join('');
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? line : line === '' ? line : prefix + line))
    .join('\n');
}

function blockMarkdown(el: Y.XmlElement | Y.XmlText): string {
  if (el instanceof Y.XmlText) return inlineMarkdown(el);
  const children = () => el.toArray().map((c) => blockMarkdown(c as Y.XmlElement)).filter((s) => s !== '');
  switch (el.nodeName) {
    case 'paragraph':
      return inlineChildren(el);
    case 'heading':
      return `${'#'.repeat(Math.min(6, Math.max(1, Number(attr(el, 'level') ?? 1))))} ${inlineChildren(el)}`;
    case 'blockquote':
      return children()
        .join('\n\n')
        .split('\n')
        .map((l) => `> ${l}`.trimEnd())
        .join('\n');
    case 'codeBlock': {
      const language = attr(el, 'language');
      const text = el.toArray().map((c) => (c instanceof Y.XmlText ? (c.toDelta() as Delta).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('') : '')).join('');
      return '```' + (typeof language === 'string' ? language : '') + '\n' + text + '\n```';
    }
    case 'horizontalRule':
      return '---';
    case 'image':
      return inlineMarkdown(el);
    case 'bulletList':
      return el
        .toArray()
        .map((item) => `- ${indent(blockMarkdown(item as Y.XmlElement), '  ')}`)
        .join('\n');
    case 'orderedList': {
      const start = Number(attr(el, 'start') ?? 1) || 1;
      return el
        .toArray()
        .map((item, i) => `${start + i}. ${indent(blockMarkdown(item as Y.XmlElement), '   ')}`)
        .join('\n');
    }
    case 'taskList':
      return el
        .toArray()
        .map((item) => {
          const checked = attr(item as Y.XmlElement, 'checked');
          return `- [${checked === true || checked === 'true' ? 'x' : ' '}] ${indent(blockMarkdown(item as Y.XmlElement), '  ')}`;
        })
        .join('\n');
    case 'listItem':
    case 'taskItem':
      return children().join('\n');
    case 'table': {
      const rows = el.toArray().map((row) => (row as Y.XmlElement).toArray().map((cell) => cellText(cell as Y.XmlElement)));
      if (rows.length === 0) return '';
      const width = Math.max(...rows.map((r) => r.length));
      const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
      return [line(rows[0]!), line(Array.from({ length: width }, () => '---')), ...rows.slice(1).map(line)].join('\n');
    }
    default:
      return children().join('\n\n');
  }
}

function cellText(cell: Y.XmlElement): string {
  return cell
    .toArray()
    .map((c) => blockMarkdown(c as Y.XmlElement))
    .join(' ')
    .replace(/\n/g, ' ')
    // Text runs already escape pipes; code spans do not, and a bare pipe would split the cell.
    .replace(/(?<!\\)\|/g, '\\|');
}

function plainOf(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as Delta).map((op) => (typeof op.insert === 'string' ? op.insert : plainOf(op.insert))).join('');
  }
  if (node.nodeName === 'hardBreak') return '\n';
  if (node.nodeName === 'mention') return `@${String(attr(node, 'label') ?? '')}`;
  if (node.nodeName === 'image') return String(attr(node, 'alt') ?? '');
  // A table row is one line, its cells separated by tabs.
  if (node.nodeName === 'tableRow') return node.toArray().map((c) => plainOf(c as Y.XmlElement).replace(/\n/g, ' ')).join('\t');
  const parts = node.toArray().map((c) => plainOf(c as Y.XmlElement));
  const isBlockContainer = node.toArray().some((c) => c instanceof Y.XmlElement && !['hardBreak', 'mention', 'image'].includes(c.nodeName));
  return parts.join(isBlockContainer ? '\n' : '');
}

/** Markdown of a Tiptap document held in Yjs, derived without a browser or ProseMirror schema. */
export function fragmentToMarkdown(fragment: Y.XmlFragment): string {
  return fragment
    .toArray()
    .map((c) => blockMarkdown(c as Y.XmlElement))
    .join('\n\n')
    .trim();
}

export function fragmentToPlainText(fragment: Y.XmlFragment): string {
  return fragment
    .toArray()
    .map((c) => plainOf(c as Y.XmlElement))
    .join('\n')
    .trim();
}

interface BlockText {
  markdown: string;
  plain: string;
}

/**
 * The text of each top-level block, kept per live fragment and dropped when something inside that
 * block changes. A server stores a document every few seconds while people type; deriving the
 * text of the whole document each time is work proportional to its size, done on the event loop
 * that also relays every keystroke (tens of milliseconds at a few thousand paragraphs). With the
 * cache a store re-derives only the blocks edited since the previous one.
 */
const blockTexts = new WeakMap<Y.XmlFragment, WeakMap<object, BlockText>>();

function blockTextCache(fragment: Y.XmlFragment): WeakMap<object, BlockText> {
  let cache = blockTexts.get(fragment);
  if (cache) return cache;
  const fresh = new WeakMap<object, BlockText>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- observeDeep hands over YEvent<any>
  fragment.observeDeep((events: Y.YEvent<any>[]) => {
    for (const event of events) {
      // Blocks inserted or removed at the top level leave the others' text as it was.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      let type: Y.AbstractType<any> = event.target;
      if (type === fragment) continue;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      while (type._item && type._item.parent !== fragment) type = type._item.parent as Y.AbstractType<any>;
      fresh.delete(type);
    }
  });
  blockTexts.set(fragment, fresh);
  cache = fresh;
  return cache;
}

export function documentText(doc: Y.Doc): { markdown: string; plainText: string } {
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  // Inside a transaction the observers that keep the cache right have not run yet.
  if (doc._transaction !== null) return { markdown: fragmentToMarkdown(fragment), plainText: fragmentToPlainText(fragment) };
  const cache = blockTextCache(fragment);
  const markdown: string[] = [];
  const plain: string[] = [];
  for (const child of fragment.toArray()) {
    const block = child as Y.XmlElement;
    let text = cache.get(block);
    if (!text) {
      text = { markdown: blockMarkdown(block), plain: plainOf(block) };
      cache.set(block, text);
    }
    markdown.push(text.markdown);
    plain.push(text.plain);
  }
  return { markdown: markdown.join('\n\n').trim(), plainText: plain.join('\n').trim() };
}

export function documentTextFromState(state: Uint8Array): { markdown: string; plainText: string } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  // A throw-away document: nothing to cache.
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  const text = { markdown: fragmentToMarkdown(fragment), plainText: fragmentToPlainText(fragment) };
  doc.destroy();
  return text;
}
