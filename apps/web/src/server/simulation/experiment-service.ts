import type { Queue } from 'bullmq';
import { createExperimentRepository, createExperimentService, type ExperimentService, type ResearcherLimits } from '@p2pvalue/platform';
import type { PrismaClient } from '@p2pvalue/db';
import { redisKey } from '@p2pvalue/shared';
import { env } from '../../env';
import { getRedis } from '../redis';
import { getExperimentQueue } from './experiment-queue';
import { createQueueDashboard, createSimulationQueueReader, type QueueDashboardService } from './queue-dashboard';

/** The operator's per-researcher limits (docs/OPERATIONS.md). */
export const researcherLimits = (): ResearcherLimits => ({ maxActiveRuns: env.EXPERIMENT_MAX_ACTIVE_RUNS, maxTicksPerRun: env.EXPERIMENT_MAX_TICKS_PER_RUN });

/** The experiment service over a Prisma client and the BullMQ queue (one composition for tRPC and REST). */
export function experimentService(db: PrismaClient): ExperimentService {
  return createExperimentService({
    experiments: createExperimentRepository(db),
    queue: getExperimentQueue(),
    clock: () => new Date(),
    researcherLimits: researcherLimits(),
  });
}

const holder = globalThis as unknown as { __p2pvSimulationQueueReader?: Queue };

/** The staff queue dashboard over the simulation queue, the worker heartbeats and the run rows. */
export function queueDashboardService(db: PrismaClient): QueueDashboardService {
  holder.__p2pvSimulationQueueReader ??= createSimulationQueueReader(getRedis(), redisKey(env.REDIS_PREFIX, 'bull'));
  return createQueueDashboard({
    queue: holder.__p2pvSimulationQueueReader,
    redis: getRedis(),
    redisPrefix: env.REDIS_PREFIX,
    experiments: createExperimentRepository(db),
    limits: researcherLimits(),
    clock: () => new Date(),
  });
}
