import { Rng, normalisedRmse, type AbcParticle, type AbcProposal } from '@p2pvalue/sim';
import type { NewExperimentRun } from '../../experiments/experiment.repository';
import { TWIN_SERIES, TWIN_SERIES_METRIC, type TwinObservedSeries } from './twin-initial-state';
import { TWIN_CALIBRATION_SCENARIO, TWIN_SCENARIOS, TWIN_VARIANT } from './twin-scenarios';

/**
 * How the twin's work becomes experiments of the simulation service (pure): one run per particle
 * of a calibration batch; for the forecast, posterior draws × (the observed weeks again, for the
 * predictive band, then each feature scenario from today's state).
 */

export const TWIN_METRICS = Object.values(TWIN_SERIES_METRIC);

/** A design the experiment service accepts; the runs carry their own parameters and seeds. */
export function twinDesign(name: string, steps: number): object {
  return { name, repetitions: 1, steps, enumerated: {}, metrics: TWIN_METRICS, runMetricsEveryStep: true, variant: TWIN_VARIANT };
}

export function calibrationRuns(proposals: readonly AbcProposal[], setupParams: Record<string, number>): NewExperimentRun[] {
  return proposals.map((p, i) => ({
    conditionIndex: i,
    repetition: 0,
    parameters: { ...setupParams, ...TWIN_CALIBRATION_SCENARIO.params, ...p.params },
    seed: p.seed,
  }));
}

/** `draws` particles resampled by weight (systematic resampling), each with its own run seed. */
export function drawPosterior(population: readonly AbcParticle[], draws: number, seed: number): { params: Record<string, number>; seed: number }[] {
  const rng = new Rng(seed);
  const u = rng.float() / draws;
  const out: { params: Record<string, number>; seed: number }[] = [];
  let cumulative = 0;
  let i = 0;
  for (let k = 0; k < draws; k++) {
    const target = u + k / draws;
    while (i < population.length - 1 && cumulative + (population[i] as AbcParticle).weight < target) cumulative += (population[i++] as AbcParticle).weight;
    out.push({ params: { ...(population[i] as AbcParticle).params }, seed: rng.nextUint32() });
  }
  return out;
}

/** Condition 0 replays the observed weeks (predictive band); condition c ≥ 1 is scenario c − 1. */
export function forecastRuns(draws: readonly { params: Record<string, number>; seed: number }[], setup: { calibration: Record<string, number>; forecast: Record<string, number> }): NewExperimentRun[] {
  const runs: NewExperimentRun[] = [];
  draws.forEach((d, r) => runs.push({ conditionIndex: 0, repetition: r, parameters: { ...setup.calibration, ...TWIN_CALIBRATION_SCENARIO.params, ...d.params }, seed: d.seed }));
  TWIN_SCENARIOS.forEach((scenario, s) => {
    // The same seeds in every scenario (common random numbers), so differences come from the features.
    draws.forEach((d, r) => runs.push({ conditionIndex: s + 1, repetition: r, parameters: { ...setup.forecast, ...scenario.params, ...d.params }, seed: d.seed }));
  });
  return runs;
}

/** The observed series the distance compares (`weeks`, joins and leaves are not fitted). */
export function fittedSeries(observed: TwinObservedSeries): Record<string, number[]> {
  return Object.fromEntries(TWIN_SERIES.map((name) => [name, observed[name]]));
}

/** A run's series under the observed names. */
export function runSeries(metrics: Record<string, (number | null)[]>): Record<string, (number | null)[]> {
  return Object.fromEntries(TWIN_SERIES.map((name) => [name, metrics[TWIN_SERIES_METRIC[name]] ?? []]));
}

/** Distance of one particle's run; NaN (never accepted) when it has no series. */
export function particleDistance(observed: TwinObservedSeries, metrics: Record<string, (number | null)[]> | null): number {
  return metrics ? normalisedRmse(fittedSeries(observed), runSeries(metrics)) : Number.NaN;
}
