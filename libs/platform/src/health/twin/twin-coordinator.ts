import { z } from 'zod';
import { MODEL_VERSION, absorbBatch, proposeBatch, summarisePosterior, weightedBand, type AbcSmcState, type SeriesBand } from '@p2pvalue/sim';
import { AppError } from '@p2pvalue/shared';
import type { ExperimentResultsRepository } from '../../experiments/experiment-results.repository';
import type { ExperimentRepository, NewExperimentRun } from '../../experiments/experiment.repository';
import { unpackJson, type StoredSeries } from '../../experiments/run-series';
import type { TwinCalibrationRepository, TwinCalibrationRow, TTwinStatus } from './twin-calibration.repository';
import type { TwinForecast, TwinPosterior, TwinSetup } from './twin-calibration.service';
import { summariseScenario } from './twin-forecast';
import { TWIN_SERIES, type TwinObservedSeries } from './twin-initial-state';
import { calibrationRuns, drawPosterior, forecastRuns, particleDistance, runSeries, twinDesign } from './twin-plan';
import type { TwinQueuePort } from './twin-queue.port';
import { TWIN_SCENARIOS } from './twin-scenarios';
import type { TwinSettings } from './twin-settings';

export type TwinStepResult = { action: 'batch' | 'forecast' | 'completed' | 'skipped'; status: TTwinStatus | null };

const RESULT_PAGE = 200;

/**
 * The worker side of the twin: one step absorbs the batch that just finished (each particle's
 * distance from its run's series), then queues the next batch, the forecast, or finishes.
 */
export function createTwinCoordinator(deps: {
  twins: TwinCalibrationRepository;
  experiments: ExperimentRepository;
  results: ExperimentResultsRepository;
  queue: Pick<TwinQueuePort, 'enqueueBatch'>;
  clock: () => Date;
}) {
  const { twins, experiments, results, queue, clock } = deps;

  async function readRuns(experimentId: string): Promise<{ conditionIndex: number; repetition: number; metrics: Record<string, (number | null)[]> | null }[]> {
    const out: { conditionIndex: number; repetition: number; metrics: Record<string, (number | null)[]> | null }[] = [];
    let after: { conditionIndex: number; repetition: number } | null = null;
    for (;;) {
      const page = await results.resultPage(experimentId, after, RESULT_PAGE);
      for (const r of page) {
        out.push({ conditionIndex: r.conditionIndex, repetition: r.repetition, metrics: r.status === 'completed' && r.series ? unpackJson<StoredSeries>(r.series).metrics : null });
      }
      const last = page[page.length - 1];
      if (!last || page.length < RESULT_PAGE) return out;
      after = { conditionIndex: last.conditionIndex, repetition: last.repetition };
    }
  }

  /** Writes the experiment of a batch once (idempotent by key), and queues it under the next step. */
  async function submitBatch(row: TwinCalibrationRow, batch: number, name: string, steps: number, runs: NewExperimentRun[]): Promise<string> {
    const idempotencyKey = `twin-${row.id}-${batch}`;
    let experimentId: string;
    let runIds: string[];
    const existing = await experiments.findByIdempotencyKey(row.createdById, idempotencyKey);
    if (existing) {
      experimentId = existing.id;
      runIds = await experiments.runIds(existing.id);
    } else {
      try {
        const created = await experiments.createWithRuns({ ownerId: row.createdById, name, design: twinDesign(name, steps), modelVersion: MODEL_VERSION, rootSeed: Number(row.seed), idempotencyKey, runs, twinCalibrationId: row.id });
        experimentId = created.id;
        runIds = created.runIds;
      } catch (error) {
        // A retried step raced with itself: the other attempt's experiment is the one.
        const other = (error as { code?: string }).code === 'P2002' ? await experiments.findByIdempotencyKey(row.createdById, idempotencyKey) : null;
        if (!other) throw error;
        experimentId = other.id;
        runIds = await experiments.runIds(other.id);
      }
    }
    await queue.enqueueBatch({ calibrationId: row.id, batch, experimentId, runIds });
    return experimentId;
  }

  async function startForecast(row: TwinCalibrationRow, state: AbcSmcState): Promise<TwinStepResult> {
    const settings = row.settings as TwinSettings;
    const setup = row.setup as TwinSetup;
    const observed = row.observed as TwinObservedSeries;
    const posterior: TwinPosterior = {
      parameters: summarisePosterior(state.population, settings.priors),
      particles: state.population.map((p) => ({ params: p.params, weight: p.weight, distance: p.distance })),
      history: state.history,
      stopReason: state.stopReason,
    };
    const draws = drawPosterior(state.population, settings.forecastDraws, settings.seed ^ 0x7f0ca57);
    const steps = Math.max(observed.weeks.length - 1, settings.horizonWeeks);
    const batch = row.batches + 1;
    const experimentId = await submitBatch(row, batch, `Twin forecast (${settings.forecastDraws} draws × ${TWIN_SCENARIOS.length} scenarios)`, steps, forecastRuns(draws, setup));
    const moved = await twins.advance(row.id, row.batches, { status: 'forecasting', state, experimentId, batches: batch, posterior });
    return { action: moved ? 'forecast' : 'skipped', status: moved ? 'forecasting' : null };
  }

  async function finishForecast(row: TwinCalibrationRow): Promise<TwinStepResult> {
    const settings = row.settings as TwinSettings;
    const observed = row.observed as TwinObservedSeries;
    const runs = await readRuns(row.experimentId as string);
    const predictiveRuns = runs.filter((r) => r.conditionIndex === 0 && r.metrics).map((r) => runSeries(r.metrics as Record<string, (number | null)[]>));
    const predictive: Record<string, SeriesBand> = {};
    for (const name of TWIN_SERIES) {
      const series = predictiveRuns.map((s) => s[name] as (number | null)[]);
      predictive[name] = series.length > 0 ? weightedBand(series, series.map(() => 1), observed.weeks.length) : { q05: [], median: [], q95: [] };
    }
    const scenarios = TWIN_SCENARIOS.map((scenario, s) => {
      const own = runs.filter((r) => r.conditionIndex === s + 1 && r.metrics).map((r) => runSeries(r.metrics as Record<string, (number | null)[]>));
      return summariseScenario(
        scenario,
        own.map((series) => ({ count1s: series['count1s'] ?? [], count9s: series['count9s'] ?? [], count90s: series['count90s'] ?? [] })),
        settings.horizonWeeks,
      );
    });
    const forecast: TwinForecast = { horizonWeeks: settings.horizonWeeks, draws: settings.forecastDraws, predictive, scenarios };
    const moved = await twins.advance(row.id, row.batches, { status: 'completed', forecast, experimentId: null, finishedAt: clock() });
    return { action: moved ? 'completed' : 'skipped', status: moved ? 'completed' : null };
  }

  return {
    /**
     * One step (the worker's twin job): absorbs the finished batch, then queues the next batch,
     * the forecast, or finishes. Safe to repeat: writes are compare-and-set and experiments are
     * created once per batch.
     */
    async step(calibrationId: string): Promise<TwinStepResult> {
      const id = z.uuid().parse(calibrationId);
      const row = await twins.find(id);
      if (!row || row.status === 'completed' || row.status === 'failed') return { action: 'skipped', status: row?.status ?? null };
      if (row.experimentId) {
        const { counts } = await experiments.runCounts(row.experimentId);
        if (counts.queued + counts.running > 0) throw new AppError('UNAVAILABLE', 'The batch is still running.');
        if (counts.completed === 0) {
          await twins.advance(row.id, row.batches, { status: 'failed', error: 'No run of the batch completed (cancelled or failed).', finishedAt: clock() });
          return { action: 'completed', status: 'failed' };
        }
        if (row.status === 'forecasting') return finishForecast(row);
      }
      let state = row.state as AbcSmcState;
      if (row.experimentId) {
        const observed = row.observed as TwinObservedSeries;
        const runs = await readRuns(row.experimentId);
        const byIndex = new Map(runs.map((r) => [r.conditionIndex, r.metrics]));
        state = absorbBatch(
          state,
          state.pending.map((_, i) => particleDistance(observed, byIndex.get(i) ?? null)),
        );
      }
      if (state.done) return startForecast(row, state);
      const proposed = proposeBatch(state);
      const settings = row.settings as TwinSettings;
      const observed = row.observed as TwinObservedSeries;
      const batch = row.batches + 1;
      const experimentId = await submitBatch(
        row,
        batch,
        `Twin calibration: generation ${proposed.state.generation + 1} of ${settings.generations}, batch ${batch}`,
        observed.weeks.length - 1,
        calibrationRuns(proposed.proposals, (row.setup as TwinSetup).calibration),
      );
      const moved = await twins.advance(row.id, row.batches, { state: proposed.state, generation: proposed.state.generation, experimentId, batches: batch });
      return { action: moved ? 'batch' : 'skipped', status: moved ? 'calibrating' : null };
    },

    /** Marks a calibration failed (a step that cannot succeed by retrying). */
    async fail(calibrationId: string, message: string): Promise<void> {
      const row = await twins.find(calibrationId);
      if (row) await twins.advance(row.id, row.batches, { status: 'failed', error: message.slice(0, 2000), finishedAt: clock() });
    },
  };
}

export type TwinCoordinator = ReturnType<typeof createTwinCoordinator>;
