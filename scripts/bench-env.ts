import { randomBytes } from 'node:crypto';

/**
 * The private environment of a server benchmark: a run id, a fresh PostgreSQL database cloned from
 * the migrated template, and a Redis key prefix of its own, so a bench never touches dev data.
 * Sets the env the web server's modules read, so call it before importing them.
 */
export async function createBenchEnvironment() {
  const runId = randomBytes(4).toString('hex');
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'warn';
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379/0';
  process.env.REDIS_PREFIX = `bench-${runId}`;
  process.env.BETTER_AUTH_SECRET = `bench-secret-${runId}-0123456789abcdef0123456789`;
  const { createTestDatabase } = await import('@p2pvalue/db/testing');
  const db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  return { runId, db };
}
