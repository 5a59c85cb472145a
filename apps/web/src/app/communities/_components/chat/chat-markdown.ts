/**
 * The chat's markdown subset, parsed into a tree that React renders as elements (never as HTML), so
 * a message can contain `<script>` or `javascript:` and only ever shows it as text. Supported:
 * paragraphs and line breaks, fenced code blocks, bullet and numbered lists, `code`, **bold**,
 * *italic* / _italic_, [links](https://…), bare http(s) URLs and mentions `@[Name](userId)`.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'mention'; userId: string; name: string }
  | { type: 'br' };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

/** Only web links and same-site paths; anything else (javascript:, data:, …) stays text. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  if (href.startsWith('/') && !href.startsWith('//')) return href;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

const INLINE =
  /(`[^`\n]+`)|(@\[[^\]\n]{1,80}\]\([A-Za-z0-9_-]{1,100}\))|(\[[^\]\n]+\]\([^)\s]+\))|(\*\*[^*\n]+\*\*)|(\*[^*\n]+\*|_[^_\n]+_)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/;

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let rest = source;
  const pushText = (text: string) => {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) out.push({ type: 'br' });
      if (line) out.push({ type: 'text', text: line });
    });
  };
  while (rest.length > 0) {
    const m = INLINE.exec(rest);
    if (!m || m.index === undefined) {
      pushText(rest);
      break;
    }
    if (m.index > 0) pushText(rest.slice(0, m.index));
    const token = m[0];
    if (m[1]) out.push({ type: 'code', text: token.slice(1, -1) });
    else if (m[2]) {
      const [, name, userId] = /^@\[(.+)\]\((.+)\)$/.exec(token)!;
      out.push({ type: 'mention', name: name!, userId: userId! });
    } else if (m[3]) {
      const [, label, target] = /^\[(.+)\]\((.+)\)$/.exec(token)!;
      const href = safeHref(target!);
      if (href) out.push({ type: 'link', href, children: parseInline(label!) });
      else pushText(token);
    } else if (m[4]) out.push({ type: 'strong', children: parseInline(token.slice(2, -2)) });
    else if (m[5]) out.push({ type: 'em', children: parseInline(token.slice(1, -1)) });
    else if (m[6]) {
      const href = safeHref(token);
      if (href) out.push({ type: 'link', href, children: [{ type: 'text', text: token }] });
      else pushText(token);
    }
    rest = rest.slice(m.index + token.length);
  }
  return out;
}

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

export function parseChatMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trimStart().startsWith('```')) {
      flush();
      const code: string[] = [];
      i += 1;
      while (i < lines.length && !lines[i]!.trimStart().startsWith('```')) code.push(lines[i++]!);
      blocks.push({ type: 'code', text: code.join('\n') });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flush();
      const ordered = !!numbered;
      const items: Inline[][] = [];
      let j = i;
      for (; j < lines.length; j++) {
        const item = (ordered ? NUMBERED : BULLET).exec(lines[j]!);
        if (!item) break;
        items.push(parseInline(item[1]!));
      }
      blocks.push({ type: 'list', ordered, items });
      i = j - 1;
      continue;
    }
    if (line.trim() === '') flush();
    else paragraph.push(line);
  }
  flush();
  return blocks;
}
