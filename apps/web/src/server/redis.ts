import { createRedis, type Redis } from '@p2pvalue/shared';
import { env } from '../env';
import { logger } from './logger';

const holder = globalThis as unknown as { __p2pvRedis?: Redis };

/** The shared fail-fast connection for request handlers (no offline queue). */
export function getRedis(): Redis {
  if (!holder.__p2pvRedis) {
    const redis = createRedis(env.REDIS_URL, 'producer');
    // It reconnects by itself; without a listener ioredis prints every failed attempt unformatted.
    redis.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis connection error'));
    holder.__p2pvRedis = redis;
  }
  return holder.__p2pvRedis;
}
