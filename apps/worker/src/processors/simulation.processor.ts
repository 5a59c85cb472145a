import { UnrecoverableError, type Job } from 'bullmq';
import type { PrismaClient } from '@p2pvalue/db';
import { createExperimentRepository, executeExperimentRun } from '@p2pvalue/platform';
import { isAppError, SIMULATION_EXPERIMENT_JOB, SIMULATION_RUN_JOB, ZSimulationExperimentPayload, ZSimulationRunPayload } from '@p2pvalue/shared';

export interface SimulationProcessorDeps {
  db: PrismaClient;
  workerId: string;
  /** Ticks per chunk: a checkpoint and a progress report after each. */
  chunkTicks: number;
  now?: () => Date;
}

/**
 * Consumer of the simulation queue. A run job steps its run in chunks (checkpoint + progress
 * after each), resuming from the last checkpoint on a retry; the experiment job (the flow's
 * parent, processed once its runs are done) closes the experiment. Bad payloads and data that a
 * retry cannot fix end the job with UnrecoverableError.
 */
export function createSimulationProcessor(deps: SimulationProcessorDeps) {
  const experiments = createExperimentRepository(deps.db);
  const clock = deps.now ?? (() => new Date());

  return async (job: Job, _token?: string, signal?: AbortSignal): Promise<unknown> => {
    try {
      if (job.name === SIMULATION_EXPERIMENT_JOB) {
        const payload = ZSimulationExperimentPayload.safeParse(job.data);
        if (!payload.success) throw new UnrecoverableError(`invalid experiment payload: ${payload.error.message}`);
        // Usually the last run has closed the experiment already; this catches any other order.
        const closed = await experiments.finishExperimentIfDone(payload.data.experimentId, clock());
        return { status: closed ?? (await experiments.findExperiment(payload.data.experimentId))?.status ?? null };
      }
      if (job.name !== SIMULATION_RUN_JOB) throw new UnrecoverableError(`unknown job ${job.name}`);
      const payload = ZSimulationRunPayload.safeParse(job.data);
      if (!payload.success) throw new UnrecoverableError(`invalid run payload: ${payload.error.message}`);
      const result = await executeExperimentRun(
        { experiments, clock },
        {
          runId: payload.data.runId,
          workerId: deps.workerId,
          chunkTicks: deps.chunkTicks,
          finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
          onProgress: ({ tick, steps }) => job.updateProgress({ tick, steps }),
          ...(signal ? { signal } : {}),
        },
      );
      // Interrupted (cancelled job or shutdown): fail this attempt; the next one resumes from the checkpoint.
      if (result.outcome === 'interrupted') throw new Error(`interrupted at tick ${result.tick}; resumes from its checkpoint`);
      return result;
    } catch (error) {
      if (isAppError(error) && error.code !== 'UNAVAILABLE' && error.code !== 'INTERNAL') throw new UnrecoverableError(error.userMessage);
      throw error;
    }
  };
}
