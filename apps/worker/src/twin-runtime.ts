import { Worker } from 'bullmq';
import type { PrismaClient } from '@p2pvalue/db';
import { createExperimentRepository, createExperimentResultsRepository, createTwinCalibrationRepository, createTwinCoordinator } from '@p2pvalue/platform';
import { TWIN_QUEUE, type Logger, type Redis } from '@p2pvalue/shared';
import { createTwinStepProcessor } from './processors/twin-step.processor';
import { createBullTwinQueue } from './twin-queue';

/**
 * The twin's consumer (issue 9): calibration steps are short (read a batch's series, compute
 * distances, write the next batch), so one at a time is enough; the particles themselves run on
 * the simulation queue.
 */
export function startTwinWorker(deps: { db: PrismaClient; connection: Redis; prefix: string; log: Logger; now?: () => Date }) {
  const queue = createBullTwinQueue({ connection: deps.connection, prefix: deps.prefix });
  const coordinator = createTwinCoordinator({
    twins: createTwinCalibrationRepository(deps.db),
    experiments: createExperimentRepository(deps.db),
    results: createExperimentResultsRepository(deps.db),
    queue,
    clock: deps.now ?? (() => new Date()),
  });
  const worker = new Worker(TWIN_QUEUE, createTwinStepProcessor({ coordinator }), { connection: deps.connection, prefix: deps.prefix, concurrency: 1 });
  worker.on('failed', (job, error) => deps.log.warn({ jobId: job?.id, err: error.message }, 'twin step failed'));
  worker.on('completed', (job, result) => deps.log.info({ jobId: job.id, result }, 'twin step done'));
  return {
    worker,
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
