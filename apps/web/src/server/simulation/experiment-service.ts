import { createExperimentRepository, createExperimentService, type ExperimentService } from '@p2pvalue/platform';
import type { PrismaClient } from '@p2pvalue/db';
import { env } from '../../env';
import { getExperimentQueue } from './experiment-queue';

/** The experiment service over a Prisma client and the BullMQ queue (one composition for tRPC and REST). */
export function experimentService(db: PrismaClient): ExperimentService {
  return createExperimentService({
    experiments: createExperimentRepository(db),
    queue: getExperimentQueue(),
    clock: () => new Date(),
    researcherLimits: { maxActiveRuns: env.EXPERIMENT_MAX_ACTIVE_RUNS, maxTicksPerRun: env.EXPERIMENT_MAX_TICKS_PER_RUN },
  });
}
