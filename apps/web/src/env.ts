import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';
import { dbEnv } from '@p2pvalue/db';
import { logEnv, redisEnv } from '@p2pvalue/shared';

/** The web app's whole configuration, validated once at boot. */
export const env = createEnv({
  extends: [dbEnv(), redisEnv(), logEnv()],
  server: {
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    PUBLIC_URL: z.url().default('http://localhost:3000'),
    BETTER_AUTH_SECRET: z.string().min(32, 'BETTER_AUTH_SECRET must be at least 32 characters'),
    /** Sign-in attempts allowed per client address per minute. */
    AUTH_SIGNIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    /** Chat messages one member may send per 10 seconds, over socket.io, tRPC and REST together. */
    CHAT_SEND_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
    /** Largest accepted JSON request body, in bytes. */
    MAX_JSON_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    /** Set when the app runs behind a TLS-terminating proxy (enables HSTS and secure cookies). */
    /** Trust X-Forwarded-For from a reverse proxy; otherwise the socket address is the client's. */
    TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    BEHIND_TLS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    /** Simulation runs one researcher may have queued or running at a time (docs/OPERATIONS.md). */
    EXPERIMENT_MAX_ACTIVE_RUNS: z.coerce.number().int().min(1).default(20_000),
    /** Tick limit of one simulation run; the service never allows more than 100,000. */
    EXPERIMENT_MAX_TICKS_PER_RUN: z.coerce.number().int().min(1).max(100_000).default(100_000),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === 'true',
});
