/**
 * An href that is safe to render from user-supplied text: only http(s) and mailto. A bare host
 * ("www.example.org") becomes https; anything else (javascript:, data:, …) gives null.
 */
export function safeHref(raw: string | null | undefined, kind: 'web' | 'email' = 'web'): string | null {
  const text = raw?.trim();
  if (!text || /\s/.test(text)) return null;
  if (kind === 'email') {
    const address = text.replace(/^mailto:/i, '');
    return /^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$/.test(address) ? `mailto:${address}` : null;
  }
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : /^[\w-]+(\.[\w-]+)+([/?#].*)?$/.test(text) ? `https://${text}` : null;
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}
