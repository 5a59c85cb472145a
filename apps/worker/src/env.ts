import { availableParallelism } from 'node:os';
import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';
import { dbEnv } from '@p2pvalue/db';
import { logEnv, redisEnv } from '@p2pvalue/shared';

/** The worker's whole configuration, validated once at boot. */
export const env = createEnv({
  extends: [dbEnv(), redisEnv(), logEnv()],
  server: {
    /** Simulation runs computed at once, one worker thread each (default: one per core). */
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
    /** Heap limit of one run's thread in MB; a run over it fails for good with a clear error. */
    WORKER_RUN_MEMORY_MB: z.coerce.number().int().min(16).max(65_536).default(1024),
    /** Wall time between two checkpoints of a run: the most a killed worker loses of it. */
    WORKER_CHECKPOINT_SECONDS: z.coerce.number().min(0).max(3600).default(10),
    /** At most this percentage of a run's time goes to writing checkpoints (a big community's snapshot costs). */
    WORKER_CHECKPOINT_MAX_PERCENT: z.coerce.number().min(1).max(100).default(5),
    /** BullMQ lock of a simulation job: a killed worker's runs are taken over about this long after. */
    WORKER_LOCK_SECONDS: z.coerce.number().min(2).max(600).default(10),
    /** Seconds between two checks for funding rounds due to open or close (the end-to-end suite uses 5). */
    WORKER_ROUNDS_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    WORKER_ID: z.string().min(1).max(100).optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
