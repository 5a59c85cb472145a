import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { PrismaClient } from '@p2pvalue/db';
import { createPlatformServices, type LiveDocuments } from '@p2pvalue/platform';
import { CLOSE_DUE_ROUNDS_JOB, MAINTENANCE_QUEUE, PURGE_EXPIRED_AUTH_JOB, SIMULATION_QUEUE, type Logger, type Redis } from '@p2pvalue/shared';
import { createCloseDueRoundsProcessor } from './processors/close-due-rounds.processor';
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
  const now = deps.now ?? (() => new Date());
  // The worker serves no collaborative documents; only the funding rounds service is used here.
  const noLive: LiveDocuments = {
    readState: () => Promise.reject(new Error('documents are not served by the worker')),
    change: () => Promise.reject(new Error('documents are not served by the worker')),
  };
  const { rounds } = createPlatformServices({ db: deps.db, live: noLive, clock: now });
  const maintenanceProcessors: Record<string, (job: Job) => Promise<unknown>> = {
    [PURGE_EXPIRED_AUTH_JOB]: createPurgeExpiredAuthProcessor({ db: deps.db, now }),
    [CLOSE_DUE_ROUNDS_JOB]: createCloseDueRoundsProcessor({ rounds, now }),
  };
  const maintenance = new Worker(
    MAINTENANCE_QUEUE,
    (job: Job) => {
      const processor = maintenanceProcessors[job.name];
      if (!processor) throw new UnrecoverableError(`unknown maintenance job ${job.name}`);
      return processor(job);
    },
    { connection, prefix, concurrency: 1 },
  );
  maintenance.on('failed', (job, error) => log.error({ jobId: job?.id, err: error }, 'maintenance job failed'));
  maintenance.on('completed', (job, result) => log.info({ jobId: job.id, result }, 'maintenance job done'));

  const simulation = new Worker(
    SIMULATION_QUEUE,
    createSimulationProcessor({ db: deps.db, workerId: deps.workerId ?? 'worker', chunkTicks: deps.simulationChunkTicks ?? 100, ...(deps.now ? { now: deps.now } : {}) }),
    { connection, prefix, concurrency: deps.simulationConcurrency ?? 1 },
  );
  simulation.on('failed', (job, error) => log.warn({ jobId: job?.id, err: error.message }, 'simulation job failed'));

  const schedules = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
  /** Upserting is idempotent: the schedules are (re)created, never duplicated. */
  const upsertSchedules = () =>
    Promise.all([
      schedules.upsertJobScheduler(PURGE_EXPIRED_AUTH_JOB, { every: 60 * 60 * 1000 }, { name: PURGE_EXPIRED_AUTH_JOB, data: {} }),
      schedules.upsertJobScheduler(CLOSE_DUE_ROUNDS_JOB, { every: 60 * 1000 }, { name: CLOSE_DUE_ROUNDS_JOB, data: {} }),
    ]);
  await upsertSchedules();
  // After an outage Redis may come back empty (restarted without persistence): put the schedules
  // back whenever the connection is ready again, not only at start.
  const onReady = () => {
    upsertSchedules().then(
      () => log.info('job schedules upserted after redis reconnect'),
      (error: unknown) => log.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not upsert job schedules after redis reconnect'),
    );
  };
  connection.on('ready', onReady);

  return {
    workers: [maintenance, simulation],
    async close() {
      connection.off('ready', onReady);
      await simulation.close();
      await maintenance.close();
      await schedules.close();
    },
  };
}
