import { MODEL_VERSION, designMetrics, type Design } from '@p2pvalue/sim';
import { AppError, isAppError } from '@p2pvalue/shared';
import { checkExperimentDesign } from './experiment-design';
import type { ExperimentRepository } from './experiment.repository';
import type { DriveTask } from './run-driver';
import { createInProcessRunStepper, type RunStepper } from './run-stepper';

export interface ExecuteRunDeps {
  experiments: ExperimentRepository;
  clock: () => Date;
  /** Where the ticks are computed (default: on this event loop). */
  stepper?: RunStepper;
}

export interface ExecuteRunOptions {
  runId: string;
  workerId: string;
  /** Ticks stepped between two looks at the clock, the cancel flag and the stop signal. */
  chunkTicks: number;
  /** A checkpoint at most this often (wall time): what a killed worker can lose of a run. */
  checkpointEveryMs?: number;
  /** At most this share of the run's time spent writing checkpoints (default 0.05). */
  checkpointMaxShare?: number;
  /** Progress (job progress, the run's tick in the database, a look for a cancel) at most this often. */
  progressEveryMs?: number;
  /** The queue will not try this run again if it fails now. */
  finalAttempt: boolean;
  onProgress?: (progress: { tick: number; steps: number }) => Promise<void> | void;
  /** Abort: checkpoint the state reached and stop (outcome `interrupted`); the next attempt resumes there. */
  signal?: AbortSignal;
}

export type ExecuteRunOutcome =
  | { outcome: 'completed'; tick: number; resumedFrom: number | null }
  | { outcome: 'skipped'; reason: 'finished' | 'cancelled' }
  | { outcome: 'cancelled'; tick: number }
  | { outcome: 'interrupted'; tick: number };

export const DEFAULT_CHECKPOINT_EVERY_MS = 10_000;
export const DEFAULT_PROGRESS_EVERY_MS = 1_000;
const inProcess = createInProcessRunStepper();

/**
 * Runs (or resumes from its checkpoint) one experiment run, saving a checkpoint every
 * `checkpointEveryMs` of wall time, and stores its results exactly once. A run that already
 * finished or was cancelled is left as it is. Invalid stored data throws AppError (not worth
 * retrying), and so does a run the stepper refuses for good (its memory limit); anything else is
 * recorded on the run and rethrown for the queue to retry.
 */
export async function executeExperimentRun(deps: ExecuteRunDeps, options: ExecuteRunOptions): Promise<ExecuteRunOutcome> {
  const { experiments: repo, clock } = deps;
  const row = await repo.findRunForWorker(options.runId);
  if (!row) throw new AppError('NOT_FOUND', `Run ${options.runId} does not exist.`);
  if (row.experiment.status === 'cancelled' || row.status === 'cancelled') return { outcome: 'skipped', reason: 'cancelled' };
  if (row.status === 'completed' || row.status === 'failed') return { outcome: 'skipped', reason: 'finished' };
  if (row.experiment.modelVersion !== MODEL_VERSION) {
    await repo.failRun(row.id, `queued for model ${row.experiment.modelVersion}, this worker runs ${MODEL_VERSION}`, true, clock());
    await repo.finishExperimentIfDone(row.experimentId, clock());
    throw new AppError('CONFLICT', `Run ${row.id} was queued for model version ${row.experiment.modelVersion}; this worker runs ${MODEL_VERSION}.`);
  }
  let design: Design;
  try {
    design = checkExperimentDesign(row.experiment.design).design;
  } catch (error) {
    // Stored designs were checked at submission; one that no longer passes cannot be run by retrying.
    await repo.failRun(row.id, error instanceof Error ? error.message : 'invalid design', true, clock());
    await repo.finishExperimentIfDone(row.experimentId, clock());
    throw error;
  }
  if (!(await repo.claimRun(row.id, options.workerId, clock()))) return { outcome: 'skipped', reason: 'finished' };

  const resumedFrom = row.checkpoint && row.checkpointTick !== null ? row.checkpointTick : null;
  const task: DriveTask = {
    start:
      row.checkpoint && resumedFrom !== null
        ? { kind: 'resume', checkpoint: row.checkpoint }
        : {
            kind: 'new',
            config: {
              seed: Number(row.seed),
              params: row.parameters as Record<string, number | boolean | string>,
              ...(design.variant ? { variant: design.variant } : {}),
              ...(design.fidelity ? { fidelity: design.fidelity } : {}),
            },
            options: { ticks: design.steps, metrics: designMetrics(design), record: design.runMetricsEveryStep === false ? 'final' : 'every-tick' },
          },
    steps: design.steps,
    chunkTicks: options.chunkTicks,
    checkpointEveryMs: options.checkpointEveryMs ?? DEFAULT_CHECKPOINT_EVERY_MS,
    ...(options.checkpointMaxShare !== undefined ? { checkpointMaxShare: options.checkpointMaxShare } : {}),
    progressEveryMs: options.progressEveryMs ?? DEFAULT_PROGRESS_EVERY_MS,
  };
  try {
    const result = await (deps.stepper ?? inProcess).step(task, {
      onProgress: async (tick) => {
        await options.onProgress?.({ tick, steps: design.steps });
        return repo.saveProgress(row.id, tick);
      },
      onCheckpoint: ({ tick, checkpoint, computeMs }) => repo.saveCheckpoint(row.id, tick, checkpoint, computeMs),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (result.kind === 'cancelled') return { outcome: 'cancelled', tick: result.tick };
    if (result.kind === 'interrupted') return { outcome: 'interrupted', tick: result.tick };
    await options.onProgress?.({ tick: result.tick, steps: design.steps });
    const stored = await repo.completeRun(row.id, { tick: result.tick, summary: result.summary, series: result.series, computeMs: result.computeMs }, clock());
    await repo.finishExperimentIfDone(row.experimentId, clock());
    if (!stored) return { outcome: 'cancelled', tick: result.tick };
    return { outcome: 'completed', tick: result.tick, resumedFrom };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // An AppError from the stepper (a run over its memory limit) fails the same way on every attempt.
    const final = options.finalAttempt || (isAppError(error) && error.code !== 'UNAVAILABLE' && error.code !== 'INTERNAL');
    await repo.failRun(row.id, message.slice(0, 2000), final, clock());
    if (final) await repo.finishExperimentIfDone(row.experimentId, clock());
    throw error;
  }
}
