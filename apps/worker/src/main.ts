import { hostname } from 'node:os';
import { Queue, Worker } from 'bullmq';
import { createPrismaClient } from '@p2pvalue/db';
import { createLogger, createRedis, MAINTENANCE_QUEUE, PURGE_EXPIRED_AUTH_JOB, redisKey } from '@p2pvalue/shared';
import { env } from './env';
import { startHeartbeat } from './heartbeat';
import { createPurgeExpiredAuthProcessor } from './processors/purge-expired-auth.processor';

// Composition root: env, connections, workers, schedules, shutdown.
const log = createLogger({ name: 'worker', level: env.LOG_LEVEL, pretty: env.NODE_ENV === 'development' });
const workerId = env.WORKER_ID ?? `${hostname()}-${process.pid}`;

async function main(): Promise<void> {
  const db = createPrismaClient({ url: env.DATABASE_URL });
  // Workers wait for Redis instead of failing: no request limit, offline queue on.
  const connection = createRedis(env.REDIS_URL, 'worker');
  connection.on('error', (error) => log.warn({ err: error.message }, 'redis connection error'));
  const prefix = redisKey(env.REDIS_PREFIX, 'bull');

  const maintenance = new Worker(MAINTENANCE_QUEUE, createPurgeExpiredAuthProcessor({ db, now: () => new Date() }), {
    connection,
    prefix,
    concurrency: 1,
  });
  maintenance.on('failed', (job, error) => log.error({ jobId: job?.id, err: error }, 'maintenance job failed'));
  maintenance.on('completed', (job, result) => log.info({ jobId: job.id, result }, 'maintenance job done'));

  const schedules = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
  await schedules.upsertJobScheduler(PURGE_EXPIRED_AUTH_JOB, { every: 60 * 60 * 1000 }, { name: PURGE_EXPIRED_AUTH_JOB, data: {} });

  const heartbeat = startHeartbeat(connection, env.REDIS_PREFIX, workerId, (error) => log.warn({ err: error }, 'heartbeat failed'));
  log.info({ workerId, concurrency: env.WORKER_CONCURRENCY }, 'worker started');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker shutting down');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    // Workers first (they finish or hand back their current jobs), then the connections.
    await maintenance.close();
    await schedules.close();
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
