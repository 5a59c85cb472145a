import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '../../env';

/**
 * Short-lived realtime tokens for non-browser clients (bots, tests, the benchmark): a signed
 * `{ user id, expiry }`, handed out by GET /api/v1/realtime/token to an authenticated caller and
 * accepted as the Hocuspocus provider's `token`. They carry no other power and cannot be revoked
 * individually; they simply expire.
 */
export const REALTIME_TOKEN_PREFIX = 'rt1.';
export const REALTIME_TOKEN_TTL_SECONDS = 15 * 60;

function sign(payload: string): string {
  return createHmac('sha256', `realtime:${env.BETTER_AUTH_SECRET}`).update(payload).digest('base64url');
}

export function createRealtimeToken(userId: string, now: Date = new Date()): { token: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + REALTIME_TOKEN_TTL_SECONDS * 1000);
  const payload = Buffer.from(JSON.stringify({ u: userId, e: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
  return { token: `${REALTIME_TOKEN_PREFIX}${payload}.${sign(payload)}`, expiresAt };
}

/** The user id of a valid, unexpired token, else null. */
export function verifyRealtimeToken(token: string, now: Date = new Date()): string | null {
  if (!token.startsWith(REALTIME_TOKEN_PREFIX) || token.length > 1000) return null;
  const [payload, signature] = token.slice(REALTIME_TOKEN_PREFIX.length).split('.');
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { u?: unknown; e?: unknown };
    if (typeof parsed.u !== 'string' || typeof parsed.e !== 'number' || parsed.e * 1000 <= now.getTime()) return null;
    return parsed.u;
  } catch {
    return null;
  }
}
