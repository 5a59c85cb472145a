/**
 * The `?next=` target after signing in, limited to paths on this site so the parameter cannot be
 * used to send people elsewhere (`//evil.example`, `https://…`, `/\evil`).
 */
export function safeNextPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith('/api/')) return fallback;
  return value;
}
