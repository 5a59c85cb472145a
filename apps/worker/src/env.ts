import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';
import { dbEnv } from '@p2pvalue/db';
import { logEnv, redisEnv } from '@p2pvalue/shared';

/** The worker's whole configuration, validated once at boot. */
export const env = createEnv({
  extends: [dbEnv(), redisEnv(), logEnv()],
  server: {
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
    WORKER_ID: z.string().min(1).max(100).optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
