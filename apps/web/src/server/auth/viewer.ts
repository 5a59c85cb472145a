import { createUserRepository, type TUserRole } from '@p2pvalue/platform';
import { getDb } from '../db';
import { API_TOKEN_PREFIX, getAuth } from './auth';

/** Who is calling: the same shape whether they came with a session cookie or an API token. */
export interface Viewer {
  id: string;
  email: string;
  name: string;
  role: TUserRole;
  via: 'session' | 'token';
}

export function bearerToken(headers: Headers): string | null {
  const header = headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

const SESSION_COOKIE = 'p2pv.session_token';

/**
 * better-auth answers "invalid" when its database query fails, so an outage would look like a
 * revoked token or an expired session. Ask the database: if it is down, its error surfaces
 * (callers map it to 503); otherwise the credential really is invalid.
 */
async function rejectUnlessDatabaseDown(): Promise<null> {
  await getDb().$queryRawUnsafe('SELECT 1');
  return null;
}

/**
 * Resolves the viewer from an `Authorization: Bearer <token>` header (personal API token) or the
 * session cookie. A presented token that is invalid or revoked never falls back to the cookie.
 */
export async function resolveViewer(headers: Headers): Promise<Viewer | null> {
  const users = createUserRepository(getDb());
  const token = bearerToken(headers);
  if (token) {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const result = await getAuth().api.verifyApiKey({ body: { key: token } });
    const ownerId = result.valid ? result.key?.referenceId : undefined;
    if (!ownerId) return rejectUnlessDatabaseDown();
    const user = await users.findById(ownerId);
    return user ? { id: user.id, email: user.email, name: user.name, role: user.role, via: 'token' } : null;
  }
  // better-auth turns a failed session query into a generic internal error: tell an outage apart.
  const session = await getAuth().api.getSession({ headers }).catch(async (error: unknown) => {
    await rejectUnlessDatabaseDown();
    throw error;
  });
  if (!session) return headers.get('cookie')?.includes(SESSION_COOKIE) ? rejectUnlessDatabaseDown() : null;
  const user = await users.findById(session.user.id);
  return user ? { id: user.id, email: user.email, name: user.name, role: user.role, via: 'session' } : null;
}
