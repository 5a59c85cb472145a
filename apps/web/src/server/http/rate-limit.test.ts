import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedis } from '@p2pvalue/shared';
import { takeRateLimit } from './rate-limit';

const redis = createRedis(process.env.REDIS_URL!, 'producer');
const key = () => `${process.env.REDIS_PREFIX}:rate-test:${randomBytes(4).toString('hex')}`;

afterAll(async () => {
  await redis.quit();
});

describe('takeRateLimit', () => {
  it('allows `limit` actions per window, then refuses with the time left', async () => {
    const k = key();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await takeRateLimit(redis, k, { limit: 3, windowSeconds: 30 }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    const refused = results[3] as { allowed: false; retryAfterSeconds: number };
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(30);
    // Other keys (other members) have their own windows.
    expect(await takeRateLimit(redis, key(), { limit: 3, windowSeconds: 30 })).toEqual({ allowed: true });
  });

  it('starts a new window when the old one expires', async () => {
    const k = key();
    await takeRateLimit(redis, k, { limit: 1, windowSeconds: 1 });
    expect((await takeRateLimit(redis, k, { limit: 1, windowSeconds: 1 })).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await takeRateLimit(redis, k, { limit: 1, windowSeconds: 1 })).allowed).toBe(true);
  });

  it('allows the action when Redis cannot answer, and reports why', async () => {
    const down = createRedis('redis://127.0.0.1:1/0', 'producer');
    down.on('error', () => undefined);
    const errors: unknown[] = [];
    expect(await takeRateLimit(down, key(), { limit: 1, windowSeconds: 10 }, (e) => errors.push(e))).toEqual({ allowed: true });
    expect(errors).toHaveLength(1);
    down.disconnect();
  });
});
