// The only place in libs/db that reads process.env. `dbEnv()` is a t3-env preset: apps put it in
// their own env's `extends: [dbEnv()]`; libs/db's scripts call it directly.
import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';

/** The local development database (PostgreSQL on 127.0.0.1, trust auth), used when unset outside production. */
export const DEV_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/p2pvalue';

const isProduction = process.env.NODE_ENV === 'production';

export function dbEnv() {
  return createEnv({
    server: {
      DATABASE_URL: isProduction ? z.url() : z.url().default(DEV_DATABASE_URL),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
}

/** Settings only the seed script reads. */
export function seedEnv() {
  return createEnv({
    server: {
      NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
      SEED_DEMO_USERS: z.enum(['true', 'false']).optional(),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
}
