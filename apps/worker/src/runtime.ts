import { Queue, Worker } from 'bullmq';
import type { PrismaClient } from '@p2pvalue/db';
import { MAINTENANCE_QUEUE, PURGE_EXPIRED_AUTH_JOB, type Logger, type Redis } from '@p2pvalue/shared';
import { createPurgeExpiredAuthProcessor } from './processors/purge-expired-auth.processor';

export interface WorkerRuntimeDeps {
  db: PrismaClient;
  connection: Redis;
  /** BullMQ key prefix (from REDIS_PREFIX), so deployments and tests never share queues. */
  prefix: string;
  log: Logger;
  now?: () => Date;
}

/** Every queue consumer and schedule of a worker process; `close` hands back jobs and stops. */
export async function startWorkerRuntime(deps: WorkerRuntimeDeps) {
  const { connection, prefix, log } = deps;
  const maintenance = new Worker(MAINTENANCE_QUEUE, createPurgeExpiredAuthProcessor({ db: deps.db, now: deps.now ?? (() => new Date()) }), {
    connection,
    prefix,
    concurrency: 1,
  });
  maintenance.on('failed', (job, error) => log.error({ jobId: job?.id, err: error }, 'maintenance job failed'));
  maintenance.on('completed', (job, result) => log.info({ jobId: job.id, result }, 'maintenance job done'));

  const schedules = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
  await schedules.upsertJobScheduler(PURGE_EXPIRED_AUTH_JOB, { every: 60 * 60 * 1000 }, { name: PURGE_EXPIRED_AUTH_JOB, data: {} });

  return {
    workers: [maintenance],
    async close() {
      await maintenance.close();
      await schedules.close();
    },
  };
}
