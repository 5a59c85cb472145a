import { Queue, Worker } from 'bullmq';
import type { PrismaClient } from '@p2pvalue/db';
import { MAINTENANCE_QUEUE, PURGE_EXPIRED_AUTH_JOB, SIMULATION_QUEUE, type Logger, type Redis } from '@p2pvalue/shared';
import { createPurgeExpiredAuthProcessor } from './processors/purge-expired-auth.processor';
import { createSimulationProcessor } from './processors/simulation.processor';

export interface WorkerRuntimeDeps {
  db: PrismaClient;
  connection: Redis;
  /** BullMQ key prefix (from REDIS_PREFIX), so deployments and tests never share queues. */
  prefix: string;
  log: Logger;
  now?: () => Date;
  /** Identifies this process on the runs it works on (default host-pid, from main.ts). */
  workerId?: string;
  /** Simulation runs in parallel in this process (default 1). */
  simulationConcurrency?: number;
  /** Ticks per simulation chunk: a checkpoint and a progress report after each (default 100). */
  simulationChunkTicks?: number;
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

  const simulation = new Worker(
    SIMULATION_QUEUE,
    createSimulationProcessor({ db: deps.db, workerId: deps.workerId ?? 'worker', chunkTicks: deps.simulationChunkTicks ?? 100, ...(deps.now ? { now: deps.now } : {}) }),
    { connection, prefix, concurrency: deps.simulationConcurrency ?? 1 },
  );
  simulation.on('failed', (job, error) => log.warn({ jobId: job?.id, err: error.message }, 'simulation job failed'));

  const schedules = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
  await schedules.upsertJobScheduler(PURGE_EXPIRED_AUTH_JOB, { every: 60 * 60 * 1000 }, { name: PURGE_EXPIRED_AUTH_JOB, data: {} });

  return {
    workers: [maintenance, simulation],
    async close() {
      await simulation.close();
      await maintenance.close();
      await schedules.close();
    },
  };
}
