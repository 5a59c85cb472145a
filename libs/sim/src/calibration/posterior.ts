import type { AbcParticle, UniformPrior } from './abc-smc';
import { weightedMean, weightedQuantile } from './weighted-stats';

export interface ParameterPosterior {
  name: string;
  prior: { min: number; max: number };
  mean: number;
  median: number;
  /** The 90% credible interval: the weighted 5% and 95% quantiles. */
  q05: number;
  q95: number;
}

/** Weighted mean, median and 90% interval of each calibrated parameter. */
export function summarisePosterior(population: readonly AbcParticle[], priors: readonly UniformPrior[]): ParameterPosterior[] {
  const weights = population.map((p) => p.weight);
  return priors.map((prior) => {
    const values = population.map((p) => p.params[prior.name] as number);
    return {
      name: prior.name,
      prior: { min: prior.min, max: prior.max },
      mean: weightedMean(values, weights),
      median: weightedQuantile(values, weights, 0.5),
      q05: weightedQuantile(values, weights, 0.05),
      q95: weightedQuantile(values, weights, 0.95),
    };
  });
}

export interface SeriesBand {
  q05: number[];
  median: number[];
  q95: number[];
}

/**
 * Week-by-week weighted 5%, 50% and 95% quantiles of simulated series (one per particle, the
 * weights of their particles): the posterior predictive band, or a forecast band. A series that
 * ended early keeps its last value.
 */
export function weightedBand(series: readonly (readonly (number | null)[])[], weights: readonly number[], length: number): SeriesBand {
  const band: SeriesBand = { q05: [], median: [], q95: [] };
  for (let t = 0; t < length; t++) {
    const values = series.map((s) => (s.length === 0 ? 0 : (s[Math.min(t, s.length - 1)] ?? 0)));
    band.q05.push(weightedQuantile(values, weights, 0.05));
    band.median.push(weightedQuantile(values, weights, 0.5));
    band.q95.push(weightedQuantile(values, weights, 0.95));
  }
  return band;
}
