import { MODEL_VERSION, createRun, designMetrics, resumeRun, type Design, type Run, type SimSnapshot } from '@p2pvalue/sim';
import { AppError } from '@p2pvalue/shared';
import { checkExperimentDesign } from './experiment-design';
import type { ExperimentRepository } from './experiment.repository';
import { packJson, unpackJson, type StoredSeries } from './run-series';

export interface ExecuteRunDeps {
  experiments: ExperimentRepository;
  clock: () => Date;
  /** Monotonic milliseconds, for compute time. */
  elapsedMs?: () => number;
}

export interface ExecuteRunOptions {
  runId: string;
  workerId: string;
  /** Ticks per chunk: a checkpoint is saved (and cancellation checked) after every chunk. */
  chunkTicks: number;
  /** The queue will not try this run again if it fails now. */
  finalAttempt: boolean;
  onProgress?: (progress: { tick: number; steps: number }) => Promise<void> | void;
  signal?: AbortSignal;
}

export type ExecuteRunOutcome =
  | { outcome: 'completed'; tick: number; resumedFrom: number | null }
  | { outcome: 'skipped'; reason: 'finished' | 'cancelled' }
  | { outcome: 'cancelled'; tick: number }
  | { outcome: 'interrupted'; tick: number };

/**
 * Runs (or resumes from its checkpoint) one experiment run in chunks of ticks, saving a
 * checkpoint after every chunk, and stores its results exactly once. A run that already finished
 * or was cancelled is left as it is. Invalid stored data throws AppError (not worth retrying);
 * anything else is recorded on the run and rethrown for the queue to retry.
 */
export async function executeExperimentRun(deps: ExecuteRunDeps, options: ExecuteRunOptions): Promise<ExecuteRunOutcome> {
  const { experiments: repo, clock } = deps;
  const elapsedMs = deps.elapsedMs ?? (() => performance.now());
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

  let computeMs = 0;
  let run: Run | undefined;
  try {
    const resumedFrom = row.checkpoint && row.checkpointTick !== null ? row.checkpointTick : null;
    if (row.checkpoint && resumedFrom !== null) {
      run = resumeRun(unpackJson<SimSnapshot>(row.checkpoint));
    } else {
      run = createRun(
        {
          seed: Number(row.seed),
          params: row.parameters as Record<string, number | boolean | string>,
          ...(design.variant ? { variant: design.variant } : {}),
          ...(design.fidelity ? { fidelity: design.fidelity } : {}),
        },
        { ticks: design.steps, metrics: designMetrics(design), record: design.runMetricsEveryStep === false ? 'final' : 'every-tick' },
      );
    }
    const chunk = Math.max(1, Math.floor(options.chunkTicks));
    while (!run.model.stopped && run.model.steps < design.steps) {
      const started = elapsedMs();
      run.stepTo(Math.min(design.steps, run.model.steps + chunk));
      computeMs += elapsedMs() - started;
      const tick = run.model.steps;
      await options.onProgress?.({ tick, steps: design.steps });
      if (run.model.stopped || tick >= design.steps) break;
      const stillWanted = await repo.saveCheckpoint(row.id, tick, packJson(run.snapshot()), Math.round(computeMs));
      computeMs = 0;
      if (!stillWanted) return { outcome: 'cancelled', tick };
      if (options.signal?.aborted) return { outcome: 'interrupted', tick };
    }
    const output = run.output();
    const series: StoredSeries = { ticks: output.ticks, metrics: output.series };
    const summary = { ...output.summary, runtimeErrors: output.runtimeErrors };
    const stored = await repo.completeRun(row.id, { tick: output.ticks, summary, series: packJson(series), computeMs: Math.round(computeMs) }, clock());
    await repo.finishExperimentIfDone(row.experimentId, clock());
    if (!stored) return { outcome: 'cancelled', tick: output.ticks };
    return { outcome: 'completed', tick: output.ticks, resumedFrom };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await repo.failRun(row.id, message.slice(0, 2000), options.finalAttempt, clock());
    if (options.finalAttempt) await repo.finishExperimentIfDone(row.experimentId, clock());
    throw error;
  }
}
