import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { testDatabaseGlobalSetup } from '@p2pvalue/db/testing';

// Every test run gets a fresh PostgreSQL database and a private Redis key prefix, and removes both.
export default async function setup(context: { provide?: (key: 'DATABASE_URL', value: string) => void }) {
  const runId = randomBytes(4).toString('hex');
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'silent';
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379/0';
  process.env.REDIS_PREFIX = `test-${runId}`;
  process.env.BETTER_AUTH_SECRET = `test-secret-${runId}-0123456789abcdef0123456789`;
  process.env.PUBLIC_URL = 'http://localhost:3999';
  process.env.AUTH_SIGNIN_RATE_LIMIT ??= '5';
  // Tests send bursts from one member; chat-send-limit.test.ts sets its own small limit.
  process.env.CHAT_SEND_RATE_LIMIT ??= '1000';
  const dropDatabase = await testDatabaseGlobalSetup(context as never);

  return async () => {
    await dropDatabase();
    const redis = new Redis(process.env.REDIS_URL!, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await redis.scan(cursor, 'MATCH', `test-${runId}:*`, 'COUNT', 500);
        cursor = next;
        keys.push(...batch);
      } while (cursor !== '0');
      if (keys.length > 0) await redis.del(...keys);
    } catch {
      // Redis may be down in a fault test; nothing to clean then.
    } finally {
      redis.disconnect();
    }
  };
}
