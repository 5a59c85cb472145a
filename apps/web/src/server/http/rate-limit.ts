import type { Redis } from '@p2pvalue/shared';

export interface RateLimit {
  /** Actions allowed per window. */
  limit: number;
  windowSeconds: number;
}

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A fixed-window counter in Redis, shared by every web process: the first action of a window
 * starts it (INCR, then EXPIRE NX), later ones count against it. When Redis cannot answer the
 * action is allowed: PostgreSQL, not Redis, stores what users do, and an outage of the limiter
 * must not stop chat (the failure is reported through `onError`).
 */
export async function takeRateLimit(redis: Redis, key: string, rule: RateLimit, onError?: (error: unknown) => void): Promise<RateLimitResult> {
  try {
    // A connection still being opened (the first request of a process) is waited for briefly, or
    // the first actions after every start would pass uncounted.
    if (redis.status !== 'ready') await readyWithin(redis, 1_000);
    const replies = await redis.multi().incr(key).expire(key, rule.windowSeconds, 'NX').ttl(key).exec();
    const count = Number(replies?.[0]?.[1] ?? 0);
    if (count <= rule.limit) return { allowed: true };
    const ttl = Number(replies?.[2]?.[1] ?? rule.windowSeconds);
    return { allowed: false, retryAfterSeconds: Math.max(1, ttl) };
  } catch (error) {
    onError?.(error);
    return { allowed: true };
  }
}

function readyWithin(redis: Redis, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    redis.once('ready', done);
  });
}
