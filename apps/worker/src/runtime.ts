import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { PrismaClient } from '@p2pvalue/db';
import { createPlatformServices, type LiveDocuments, type RunStepper } from '@p2pvalue/platform';
import { CLOSE_DUE_ROUNDS_JOB, MAINTENANCE_QUEUE, PRUNE_ABANDONED_UPLOADS_JOB, PURGE_EXPIRED_AUTH_JOB, SIMULATION_QUEUE, type Logger, type Redis } from '@p2pvalue/shared';
import { createCloseDueRoundsProcessor } from './processors/close-due-rounds.processor';
import { createPruneAbandonedUploadsProcessor } from './processors/prune-abandoned-uploads.processor';
import { createPurgeExpiredAuthProcessor } from './processors/purge-expired-auth.processor';
import { createSimulationProcessor } from './processors/simulation.processor';
import { startTwinWorker } from './twin-runtime';

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
  /** Ticks stepped between two looks at the clock and the stop requests (default 20). */
  simulationChunkTicks?: number;
  /** Wall time between two checkpoints of a run (default 10 s). */
  simulationCheckpointMs?: number;
  /** At most this share of a run's time in checkpoints (default 0.05). */
  simulationCheckpointMaxShare?: number;
  /** Where the ticks are computed (the thread pool; default on this event loop). */
  simulationStepper?: RunStepper;
  /** BullMQ lock of a simulation job; a dead worker's runs are taken over about this long after (default 10 s). */
  simulationLockMs?: number;
  /** How often due funding rounds are opened and closed (default a minute). */
  roundsCheckMs?: number;
}

/**
 * A killed worker's job is moved back to wait by the stalled check once its lock has expired, so
 * takeover comes within lockDuration + 2 × stalledInterval (the check marks, then moves). BullMQ's
 * defaults (30 s + 2 × 30 s) made that ≈ 80 s. The lock is renewed every lockDuration / 2 by this
 * process's event loop, which stepping never blocks for long (worker threads, or a yield per chunk),
 * so a short lock is safe for runs of any length.
 */
export function simulationLockOptions(lockMs: number) {
  return { lockDuration: lockMs, stalledInterval: Math.max(1_000, Math.round(lockMs / 2)), maxStalledCount: 2 };
}

/** Every queue consumer and schedule of a worker process; `close` hands back jobs and stops. */
export async function startWorkerRuntime(deps: WorkerRuntimeDeps) {
  const { connection, prefix, log } = deps;
  const now = deps.now ?? (() => new Date());
  // The worker serves no collaborative documents; only the funding rounds service and the upload repositories are used here.
  const noLive: LiveDocuments = {
    readState: () => Promise.reject(new Error('documents are not served by the worker')),
    change: () => Promise.reject(new Error('documents are not served by the worker')),
  };
  const { rounds, repos } = createPlatformServices({ db: deps.db, live: noLive, clock: now });
  const maintenanceProcessors: Record<string, (job: Job) => Promise<unknown>> = {
    [PURGE_EXPIRED_AUTH_JOB]: createPurgeExpiredAuthProcessor({ db: deps.db, now }),
    [CLOSE_DUE_ROUNDS_JOB]: createCloseDueRoundsProcessor({ rounds, now }),
    [PRUNE_ABANDONED_UPLOADS_JOB]: createPruneAbandonedUploadsProcessor({ repos, now }),
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

  const shutdown = new AbortController();
  const simulation = new Worker(
    SIMULATION_QUEUE,
    createSimulationProcessor({
      db: deps.db,
      workerId: deps.workerId ?? 'worker',
      chunkTicks: deps.simulationChunkTicks ?? 20,
      shutdown: shutdown.signal,
      ...(deps.simulationCheckpointMs !== undefined ? { checkpointEveryMs: deps.simulationCheckpointMs } : {}),
      ...(deps.simulationCheckpointMaxShare !== undefined ? { checkpointMaxShare: deps.simulationCheckpointMaxShare } : {}),
      ...(deps.simulationStepper ? { stepper: deps.simulationStepper } : {}),
      ...(deps.now ? { now: deps.now } : {}),
    }),
    // `name` is recorded on each job it takes (job.processedBy): the staff queue dashboard shows which worker runs what.
    { connection, prefix, name: deps.workerId ?? 'worker', concurrency: deps.simulationConcurrency ?? 1, ...simulationLockOptions(deps.simulationLockMs ?? 10_000) },
  );
  simulation.on('failed', (job, error) => log.warn({ jobId: job?.id, err: error.message }, 'simulation job failed'));
  // The simulation twin's calibration steps (issue 9); its particles run on the simulation queue.
  const twin = startTwinWorker({ db: deps.db, connection, prefix, log, ...(deps.now ? { now: deps.now } : {}) });

  const schedules = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
  /** Upserting is idempotent: the schedules are (re)created, never duplicated. */
  const upsertSchedules = () =>
    Promise.all([
      schedules.upsertJobScheduler(PURGE_EXPIRED_AUTH_JOB, { every: 60 * 60 * 1000 }, { name: PURGE_EXPIRED_AUTH_JOB, data: {} }),
      schedules.upsertJobScheduler(CLOSE_DUE_ROUNDS_JOB, { every: deps.roundsCheckMs ?? 60 * 1000 }, { name: CLOSE_DUE_ROUNDS_JOB, data: {} }),
      schedules.upsertJobScheduler(PRUNE_ABANDONED_UPLOADS_JOB, { every: 60 * 60 * 1000 }, { name: PRUNE_ABANDONED_UPLOADS_JOB, data: {} }),
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
    workers: [maintenance, simulation, twin.worker],
    async close() {
      connection.off('ready', onReady);
      // Running runs checkpoint the tick they reached and go back to the wait list; then the worker closes.
      shutdown.abort();
      await simulation.close();
      await twin.close();
      await maintenance.close();
      await schedules.close();
    },
  };
}
