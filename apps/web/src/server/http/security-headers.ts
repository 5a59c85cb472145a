import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The request header through which the page layout reads this request's script nonce. */
export const NONCE_HEADER = 'x-nonce';

/**
 * The Content-Security-Policy of every response. Scripts run only with this request's nonce
 * (`'strict-dynamic'` lets Next's nonce'd bootstrap load its chunks); no `'unsafe-inline'` for
 * scripts. Styles keep `'unsafe-inline'`: Radix and charts position things with style
 * attributes, and a style cannot run code. Dev mode adds `'unsafe-eval'` for React's dev tools.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean }): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    // same-origin fetches, socket.io and Hocuspocus websockets
    `connect-src 'self'${opts.dev ? ' ws: wss:' : ''}`,
    `worker-src 'self' blob:`,
    `manifest-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/**
 * Security headers on every response, and a fresh script nonce per page request. The policy is also
 * set on the request, where Next reads the nonce for its own inline scripts, and the nonce on
 * `x-nonce` for ours (the theme script, the install-prompt capture).
 */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, opts: { behindTls: boolean; dev: boolean }): void {
  // Build assets and the service worker script carry no policy of their own: a worker takes its
  // policy from its script's response, and the page's nonce means nothing there (Next's own
  // proxy matcher skips them the same way).
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (!path.startsWith('/_next/') && !path.startsWith('/serwist/')) {
    const nonce = randomBytes(16).toString('base64');
    const policy = contentSecurityPolicy(nonce, opts);
    req.headers['content-security-policy'] = policy;
    req.headers[NONCE_HEADER] = nonce;
    res.setHeader('Content-Security-Policy', policy);
  }
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  if (opts.behindTls) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
}
