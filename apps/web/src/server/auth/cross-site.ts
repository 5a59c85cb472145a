import { bearerToken } from './viewer';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request that a browser sent from another site with the session cookie (CSRF).
 * The cookie is SameSite=Lax and JSON bodies need a CORS preflight we never grant, so this is the
 * third wall (OWASP ASVS 13.2.3): a browser's `Sec-Fetch-Site: cross-site`, or an `Origin` that
 * is neither PUBLIC_URL nor the host the request was sent to, is refused. API tokens are not
 * ambient credentials, and requests without an Origin do not come from a browser page.
 */
export function isCrossSiteCookieWrite(headers: Headers, method: string, publicUrl: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (bearerToken(headers) !== null || !headers.get('cookie')) return false;
  if (headers.get('sec-fetch-site') === 'cross-site') return true;
  const origin = headers.get('origin');
  if (!origin) return false;
  if (origin === 'null') return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  return origin !== new URL(publicUrl).origin && originHost !== headers.get('host');
}

export const CROSS_SITE_MESSAGE = 'This request came from another site with your session cookie and was refused. Use the site itself, or an API token.';
