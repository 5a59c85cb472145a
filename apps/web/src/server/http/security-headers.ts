import type { ServerResponse } from 'node:http';

/** Baseline security headers on every response (CSP with nonces arrives with the security issue). */
export function setSecurityHeaders(res: ServerResponse, opts: { behindTls: boolean }): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  if (opts.behindTls) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
}
