import { describe, expect, it } from 'vitest';
import { makeNeedHref, MAX_NEED_QUOTE, quoteForNeed } from './make-need-link';

const DOC = '11111111-1111-4111-8111-111111111111';
const MSG = '22222222-2222-4222-8222-222222222222';
const CHANNEL = '33333333-3333-4333-8333-333333333333';

describe('make-a-need links', () => {
  it('carries a document selection as fromDocument + quote', () => {
    const href = makeNeedHref('commons', 'garden', { kind: 'document', documentId: DOC, text: '  Fix the   gate\r\n\r\n\r\n\r\nby May ' });
    const url = new URL(href!, 'http://x');
    expect(url.pathname).toBe('/communities/commons/projects/garden/needs');
    expect(Object.fromEntries(url.searchParams)).toEqual({ fromDocument: DOC, quote: 'Fix the gate\n\nby May' });
  });

  it('carries a chat message with its channel, so the form can link back to it', () => {
    const url = new URL(makeNeedHref('commons', 'garden', { kind: 'chat', messageId: MSG, channelId: CHANNEL, text: 'Can someone & fix #wifi?' })!, 'http://x');
    expect(Object.fromEntries(url.searchParams)).toEqual({ fromMessage: MSG, channel: CHANNEL, quote: 'Can someone & fix #wifi?' });
  });

  it('has nothing to offer for an empty selection', () => {
    expect(makeNeedHref('c', 'p', { kind: 'document', documentId: DOC, text: ' \n\t ' })).toBeNull();
  });

  it('cuts long quotes on a code point boundary, within the limit the needs page accepts', () => {
    const long = '🌱'.repeat(MAX_NEED_QUOTE + 50);
    const quote = quoteForNeed(long);
    expect(Array.from(quote)).toHaveLength(MAX_NEED_QUOTE);
    expect(quote.endsWith('🌱…')).toBe(true);
    expect(quote.length).toBeLessThanOrEqual(2000);
    expect(quoteForNeed('short')).toBe('short');
  });
});
