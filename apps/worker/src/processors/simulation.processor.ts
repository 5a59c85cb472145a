import { UnrecoverableError, WaitingError, type Job } from 'bullmq';
import type { PrismaClient } from '@p2pvalue/db';
import { createExperimentRepository, executeExperimentRun, type RunStepper } from '@p2pvalue/platform';
import { isAppError, SIMULATION_EXPERIMENT_JOB, SIMULATION_RUN_JOB, ZSimulationExperimentPayload, ZSimulationRunPayload } from '@p2pvalue/shared';

export interface SimulationProcessorDeps {
  db: PrismaClient;
  workerId: string;
  /** Ticks stepped between two looks at the clock and at the stop requests. */
  chunkTicks: number;
  /** Wall time between two checkpoints of a run (default: the executor's). */
  checkpointEveryMs?: number;
  /** At most this share of a run's time in checkpoints (default the executor's, 0.05). */
  checkpointMaxShare?: number;
  /** Wall time between two progress reports of a run (default: the executor's). */
  progressEveryMs?: number;
  /** Where ticks are computed (apps/worker's thread pool; default on this event loop). */
  stepper?: RunStepper;
  /**
   * Aborted when the process shuts down: running runs checkpoint and go back to the wait list
   * without spending one of their attempts.
   */
  shutdown?: AbortSignal;
  now?: () => Date;
}

/**
 * Consumer of the simulation queue. A run job steps its run (progress every second, a checkpoint
 * every few seconds), resuming from the last checkpoint on a retry or after a stall; the
 * experiment job (the flow's parent, processed once its runs are done) closes the experiment. Bad payloads and data that a
 * retry cannot fix end the job with UnrecoverableError.
 */
export function createSimulationProcessor(deps: SimulationProcessorDeps) {
  const experiments = createExperimentRepository(deps.db);
  const clock = deps.now ?? (() => new Date());

  return async (job: Job, token?: string, signal?: AbortSignal): Promise<unknown> => {
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
      const stop = signal && deps.shutdown ? AbortSignal.any([signal, deps.shutdown]) : (signal ?? deps.shutdown);
      const result = await executeExperimentRun(
        { experiments, clock, ...(deps.stepper ? { stepper: deps.stepper } : {}) },
        {
          runId: payload.data.runId,
          workerId: deps.workerId,
          chunkTicks: deps.chunkTicks,
          ...(deps.checkpointEveryMs !== undefined ? { checkpointEveryMs: deps.checkpointEveryMs } : {}),
          ...(deps.checkpointMaxShare !== undefined ? { checkpointMaxShare: deps.checkpointMaxShare } : {}),
          ...(deps.progressEveryMs !== undefined ? { progressEveryMs: deps.progressEveryMs } : {}),
          finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
          // The experiment id lets the web's live progress (QueueEvents) place the event without a lookup.
          onProgress: ({ tick, steps }) => job.updateProgress({ experimentId: payload.data.experimentId, tick, steps }),
          ...(stop ? { signal: stop } : {}),
        },
      );
      if (result.outcome === 'interrupted') {
        // Shutdown: the run checkpointed; hand the job back to the queue as it is, attempts untouched.
        if (deps.shutdown?.aborted && token) {
          await job.moveToWait(token);
          throw new WaitingError();
        }
        // A cancelled job: fail this attempt; the next one resumes from the checkpoint.
        throw new Error(`interrupted at tick ${result.tick}; resumes from its checkpoint`);
      }
      return result;
    } catch (error) {
      if (isAppError(error) && error.code !== 'UNAVAILABLE' && error.code !== 'INTERNAL') throw new UnrecoverableError(error.userMessage);
      throw error;
    }
  };
}
