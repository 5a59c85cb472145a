// Demo accounts for development and demos: one per role, password `p2pvalue-demo`, stored exactly
// as better-auth 1.7.5 stores email+password sign-ups (scrypt hash from `better-auth/crypto` in an
// `account` row with providerId "credential" and accountId = user id). Idempotent.
import { generateRandomString, hashPassword, verifyPassword } from 'better-auth/crypto';
import type { PrismaClient, UserRole } from '../generated/prisma/client';

export const DEMO_PASSWORD = 'p2pvalue-demo';

export const DEMO_USERS: readonly { email: string; name: string; role: UserRole }[] = [
  { email: 'staff@example.org', name: 'Demo Staff', role: 'staff' },
  { email: 'researcher@example.org', name: 'Demo Researcher', role: 'researcher' },
  { email: 'member@example.org', name: 'Demo Member', role: 'member' },
];

/** better-auth's default id: 32 alphanumeric characters. */
const newId = () => generateRandomString(32, 'a-z', 'A-Z', '0-9');

/** Whether a stored hash is the demo password's (a malformed hash makes verifyPassword throw). */
async function isDemoPassword(hash: string | null): Promise<boolean> {
  if (!hash) return false;
  try {
    return await verifyPassword({ hash, password: DEMO_PASSWORD });
  } catch {
    return false;
  }
}

export interface SeedReport {
  created: string[];
  updated: string[];
  unchanged: string[];
}

/** Upserts the demo users and their credential accounts; a password that still verifies is kept. */
export async function seedDemoUsers(prisma: PrismaClient): Promise<SeedReport> {
  const report: SeedReport = { created: [], updated: [], unchanged: [] };
  for (const demo of DEMO_USERS) {
    const existing = await prisma.user.findUnique({ where: { email: demo.email } });
    const user = await prisma.user.upsert({
      where: { email: demo.email },
      create: { id: newId(), email: demo.email, name: demo.name, role: demo.role, emailVerified: true },
      update: { name: demo.name, role: demo.role, emailVerified: true },
    });
    const credential = await prisma.account.findFirst({ where: { userId: user.id, providerId: 'credential' } });
    let changed = !existing || existing.name !== demo.name || existing.role !== demo.role || !existing.emailVerified;
    if (!credential) {
      await prisma.account.create({
        data: { id: newId(), providerId: 'credential', accountId: user.id, userId: user.id, password: await hashPassword(DEMO_PASSWORD) },
      });
      changed = true;
    } else if (!(await isDemoPassword(credential.password))) {
      await prisma.account.update({ where: { id: credential.id }, data: { password: await hashPassword(DEMO_PASSWORD) } });
      changed = true;
    }
    (existing ? (changed ? report.updated : report.unchanged) : report.created).push(demo.email);
  }
  return report;
}

/** Demo users are never seeded in production unless explicitly asked for. */
export function maySeedDemoUsers(env: { NODE_ENV?: string; SEED_DEMO_USERS?: string }): boolean {
  return env.NODE_ENV !== 'production' || env.SEED_DEMO_USERS === 'true';
}
