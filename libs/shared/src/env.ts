import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';

/** Redis connection settings, composed into each app's env. */
export function redisEnv() {
  return createEnv({
    server: {
      REDIS_URL: z.url().default('redis://127.0.0.1:6379/0'),
      /** Prefix of every key, queue and channel: lets tests and several deployments share one Redis. */
      REDIS_PREFIX: z.string().regex(/^[a-z0-9_:-]+$/i).default('p2pv'),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
}

/** Logging settings shared by every process. */
export function logEnv() {
  return createEnv({
    server: {
      LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
}
