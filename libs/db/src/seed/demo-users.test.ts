import { verifyPassword } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { DEMO_PASSWORD, DEMO_USERS, maySeedDemoUsers, seedDemoUsers } from './demo-users';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('seedDemoUsers', () => {
  it('creates one user per role with a better-auth credential, and is idempotent', async () => {
    const first = await seedDemoUsers(database.prisma);
    expect(first.created).toEqual(DEMO_USERS.map((user) => user.email));
    const accountsBefore = await database.prisma.account.findMany({ orderBy: { id: 'asc' } });

    const second = await seedDemoUsers(database.prisma);
    expect(second).toEqual({ created: [], updated: [], unchanged: DEMO_USERS.map((user) => user.email) });
    expect(await database.prisma.account.findMany({ orderBy: { id: 'asc' } })).toEqual(accountsBefore);

    const users = await database.prisma.user.findMany({ include: { accounts: true } });
    expect(users).toHaveLength(3);
    for (const demo of DEMO_USERS) {
      const user = users.find((candidate) => candidate.email === demo.email);
      expect(user?.role).toBe(demo.role);
      expect(user?.accounts).toHaveLength(1);
      const account = user!.accounts[0]!;
      expect(account).toMatchObject({ providerId: 'credential', accountId: user!.id });
      expect(await verifyPassword({ hash: account.password!, password: DEMO_PASSWORD })).toBe(true);
      expect(await verifyPassword({ hash: account.password!, password: 'wrong' })).toBe(false);
    }
  });

  it('repairs a changed role and password', async () => {
    await database.prisma.user.update({ where: { email: 'staff@example.org' }, data: { role: 'member' } });
    await database.prisma.account.updateMany({ data: { password: 'garbage' } });
    const report = await seedDemoUsers(database.prisma);
    expect(report.updated).toHaveLength(3);
    expect((await database.prisma.user.findUnique({ where: { email: 'staff@example.org' } }))?.role).toBe('staff');
  });
});

describe('maySeedDemoUsers', () => {
  it('refuses production unless SEED_DEMO_USERS=true', () => {
    expect(maySeedDemoUsers({ NODE_ENV: 'development' })).toBe(true);
    expect(maySeedDemoUsers({ NODE_ENV: 'production' })).toBe(false);
    expect(maySeedDemoUsers({ NODE_ENV: 'production', SEED_DEMO_USERS: 'true' })).toBe(true);
  });
});
