import { describe, expect, it } from 'vitest';
import { parseChatMarkdown, parseInline, safeHref } from './chat-markdown';

describe('chat markdown', () => {
  it('keeps HTML and dangerous links as plain text', () => {
    expect(parseChatMarkdown('<script>alert(1)</script>')).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script>' }] }]);
    expect(parseInline('[click](javascript:alert(1))')).toEqual([{ type: 'text', text: '[click](javascript:alert(1)' }, { type: 'text', text: ')' }]);
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('/communities/x')).toBe('/communities/x');
  });

  it('renders links, code, emphasis, mentions, lists and code blocks', () => {
    expect(parseInline('see **the [pad](https://example.org/a)** and `x<y` @[Mia](u-1) https://p2pvalue.eu/x.')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'strong', children: [{ type: 'text', text: 'the ' }, { type: 'link', href: 'https://example.org/a', children: [{ type: 'text', text: 'pad' }] }] },
      { type: 'text', text: ' and ' },
      { type: 'code', text: 'x<y' },
      { type: 'text', text: ' ' },
      { type: 'mention', name: 'Mia', userId: 'u-1' },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'https://p2pvalue.eu/x', children: [{ type: 'text', text: 'https://p2pvalue.eu/x' }] },
      { type: 'text', text: '.' },
    ]);
    expect(parseChatMarkdown('todo:\n- one\n- *two*\n\n```\n<b>raw</b>\n```\n1. first')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'todo:' }] },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'one' }], [{ type: 'em', children: [{ type: 'text', text: 'two' }] }]] },
      { type: 'code', text: '<b>raw</b>' },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'first' }]] },
    ]);
  });
});
