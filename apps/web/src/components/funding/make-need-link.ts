/**
 * The link that opens a project's new-need form prefilled from a document selection or a chat
 * message (the needs page reads `fromDocument` / `fromMessage` + `channel` and `quote`; the server
 * checks the source again when the need is created).
 */

/** Longest quote carried in the link: keeps the URL well under request-header limits even for non-Latin text. */
export const MAX_NEED_QUOTE = 1000;

/** Whitespace tidied, cut to `MAX_NEED_QUOTE` characters (on a code point boundary) with an ellipsis. */
export function quoteForNeed(text: string): string {
  const tidy = text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const chars = Array.from(tidy);
  return chars.length > MAX_NEED_QUOTE ? `${chars.slice(0, MAX_NEED_QUOTE - 1).join('').trimEnd()}…` : tidy;
}

export type MakeNeedSource = { kind: 'document'; documentId: string; text: string } | { kind: 'chat'; messageId: string; channelId: string; text: string };

/** Null when there is nothing to quote. */
export function makeNeedHref(communitySlug: string, projectSlug: string, source: MakeNeedSource): string | null {
  const quote = quoteForNeed(source.text);
  if (quote.length === 0) return null;
  const params = new URLSearchParams(source.kind === 'document' ? { fromDocument: source.documentId } : { fromMessage: source.messageId, channel: source.channelId });
  params.set('quote', quote);
  return `/communities/${encodeURIComponent(communitySlug)}/projects/${encodeURIComponent(projectSlug)}/needs?${params.toString()}`;
}
