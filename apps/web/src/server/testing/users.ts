import { randomBytes } from 'node:crypto';
import type { TUserRole } from '@p2pvalue/platform';
import { getAuth } from '../auth/auth';
import { getDb } from '../db';
import type { Viewer } from '../auth/viewer';

/** Signs up a real account through better-auth (hashing, tables) and returns it as a viewer. */
export async function createTestUser(role: TUserRole = 'member', name = 'Test User'): Promise<Viewer & { password: string }> {
  const email = `u-${randomBytes(6).toString('hex')}@example.org`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const { user } = await getAuth().api.signUpEmail({ body: { email, password, name } });
  if (role !== 'member') await getDb().user.update({ where: { id: user.id }, data: { role } });
  return { id: user.id, email, name, role, via: 'session', password };
}
