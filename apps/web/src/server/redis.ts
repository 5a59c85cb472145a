import { createRedis, type Redis } from '@p2pvalue/shared';
import { env } from '../env';

const holder = globalThis as unknown as { __p2pvRedis?: Redis };

/** The shared fail-fast connection for request handlers (no offline queue). */
export function getRedis(): Redis {
  holder.__p2pvRedis ??= createRedis(env.REDIS_URL, 'producer');
  return holder.__p2pvRedis;
}
