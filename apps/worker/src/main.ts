import { hostname } from 'node:os';
import { createPrismaClient } from '@p2pvalue/db';
import { createLogger, createRedis, redisKey } from '@p2pvalue/shared';
import { env } from './env';
import { startHeartbeat } from './heartbeat';
import { startWorkerRuntime } from './runtime';
import { createRunThreadPool } from './threads/run-thread-pool';

// Composition root: env, connections, workers, heartbeat, shutdown.
const log = createLogger({ name: 'worker', level: env.LOG_LEVEL, pretty: env.NODE_ENV === 'development' });
const workerId = env.WORKER_ID ?? `${hostname()}-${process.pid}`;

async function main(): Promise<void> {
  const db = createPrismaClient({ url: env.DATABASE_URL });
  // Workers wait for Redis instead of failing: no request limit, offline queue on.
  const connection = createRedis(env.REDIS_URL, 'worker');
  connection.on('error', (error) => log.warn({ err: error.message }, 'redis connection error'));

  // Simulation runs are computed in worker threads; this event loop keeps the locks and the writes.
  const threads = createRunThreadPool({ size: env.WORKER_CONCURRENCY, memoryMb: env.WORKER_RUN_MEMORY_MB });
  await threads.ready();

  const runtime = await startWorkerRuntime({
    db,
    connection,
    prefix: redisKey(env.REDIS_PREFIX, 'bull'),
    log,
    workerId,
    simulationConcurrency: env.WORKER_CONCURRENCY,
    simulationStepper: threads,
    simulationCheckpointMs: env.WORKER_CHECKPOINT_SECONDS * 1000,
    simulationCheckpointMaxShare: env.WORKER_CHECKPOINT_MAX_PERCENT / 100,
    simulationLockMs: env.WORKER_LOCK_SECONDS * 1000,
    roundsCheckMs: env.WORKER_ROUNDS_CHECK_SECONDS * 1000,
  });
  const heartbeat = startHeartbeat(connection, env.REDIS_PREFIX, workerId, (error) => log.warn({ err: error }, 'heartbeat failed'));
  log.info({ workerId, concurrency: env.WORKER_CONCURRENCY, runMemoryMb: env.WORKER_RUN_MEMORY_MB }, 'worker started');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker shutting down');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    // Workers first (running runs checkpoint and hand their jobs back), then threads and connections.
    await runtime.close();
    await threads.close();
    await heartbeat.stop();
    connection.disconnect();
    await db.$disconnect();
    log.info('worker stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'worker failed to start');
  process.exit(1);
});
