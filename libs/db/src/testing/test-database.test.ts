import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { dbEnv } from '../env';
import { databaseExists, dropDatabase, withAdminClient } from '../migrate/admin';
import { cleanupStaleTestDatabases, createTestDatabase } from './test-database';

const serverUrl = dbEnv().DATABASE_URL;
const exists = (name: string) => withAdminClient(serverUrl, (client) => databaseExists(client, name));

describe('createTestDatabase', () => {
  it('creates a migrated database with a working client, and drops it', async () => {
    const started = performance.now();
    const database = await createTestDatabase();
    console.info(`createTestDatabase(): ${Math.round(performance.now() - started)} ms`);
    try {
      expect(database.name).toMatch(/^p2pvalue_test_\d+_[0-9a-f]{8}$/);
      expect(await database.prisma.user.count()).toBe(0);
      const applied = await database.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
      expect(Number(applied[0]?.n)).toBeGreaterThan(0);
    } finally {
      await database.drop();
    }
    expect(await exists(database.name)).toBe(false);
    await database.drop(); // idempotent
  });

  it('gives concurrent callers separate databases', async () => {
    const databases = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
    try {
      expect(new Set(databases.map((database) => database.name)).size).toBe(3);
    } finally {
      await Promise.all(databases.map((database) => database.drop()));
    }
  });
});

describe('cleanupStaleTestDatabases', () => {
  const old = `p2pvalue_test_1000000000_${randomBytes(4).toString('hex')}`;
  afterAll(() => dropDatabase(serverUrl, old));

  it('drops test databases older than an hour and keeps fresh ones', async () => {
    await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${old}"`));
    const fresh = await createTestDatabase();
    try {
      // (Another test run's global setup may clean up concurrently, so check the outcome.)
      const dropped = await cleanupStaleTestDatabases();
      expect(dropped).not.toContain(fresh.name);
      expect(await exists(old)).toBe(false);
      expect(await exists(fresh.name)).toBe(true);
    } finally {
      await fresh.drop();
    }
  });
});
