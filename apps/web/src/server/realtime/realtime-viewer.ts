import { createUserRepository } from '@p2pvalue/platform';
import { getDb } from '../db';
import { resolveViewer, type Viewer } from '../auth/viewer';
import { REALTIME_TOKEN_PREFIX, verifyRealtimeToken } from './realtime-token';

/**
 * The viewer of a realtime connection (socket.io or /collab): a short-lived realtime token, a
 * personal API token, or the session cookie in the upgrade request's headers.
 */
export async function resolveRealtimeViewer(headers: Headers, token: string | undefined): Promise<Viewer | null> {
  if (token?.startsWith(REALTIME_TOKEN_PREFIX)) {
    const userId = verifyRealtimeToken(token);
    const user = userId ? await createUserRepository(getDb()).findById(userId) : null;
    return user ? { id: user.id, email: user.email, name: user.name, role: user.role, via: 'token' } : null;
  }
  const withToken = new Headers(headers);
  if (token && token !== 'cookie') withToken.set('authorization', `Bearer ${token}`);
  return resolveViewer(withToken);
}
