import { Redis, type RedisOptions } from 'ioredis';

export type { Redis };

/**
 * Producers and request handlers fail fast while Redis is down (no offline queue), so a request
 * gets a clear 503 instead of hanging; workers and subscribers wait and reconnect.
 */
export function createRedis(url: string, role: 'producer' | 'worker' | 'subscriber', extra: RedisOptions = {}): Redis {
  const base: RedisOptions = {
    lazyConnect: false,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(200 * attempt, 2_000),
  };
  const byRole: RedisOptions =
    role === 'producer'
      ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 }
      : { enableOfflineQueue: true, maxRetriesPerRequest: null };
  return new Redis(url, { ...base, ...byRole, ...extra });
}

/** Keys, channels and queue prefixes all go through this so that REDIS_PREFIX isolates deployments. */
export function redisKey(prefix: string, ...parts: string[]): string {
  return [prefix, ...parts].join(':');
}
