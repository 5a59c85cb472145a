/**
 * Goodness of fit of a power law by the semi-parametric bootstrap of Clauset, Shalizi & Newman
 * (2009, §4.1): fit the data, then fit many synthetic data sets drawn from "the fitted law above
 * xmin, the data itself below it" with the same procedure, and report the share of synthetic KS
 * distances at least as large as the data's. p ≤ 0.1 rules the power law out.
 *
 * Each synthetic set has the data's size n. Each of its values is, with probability n_tail / n,
 * a draw from the fitted (possibly truncated, discrete or continuous) law on [xmin, xmax], and
 * otherwise a uniform draw (with replacement) from the data's values below xmin. Every synthetic
 * set is fitted exactly as the data was: xmin scanned again unless the caller fixed it.
 *
 * Seeded: the same values, options and seed give the same p (the model's xoshiro128** generator).
 */
import { Rng } from '../rng/xoshiro128';
import { fitPowerLaw, type PowerLawFit, type PowerLawOptions } from './power-law';
import { powerSum } from './power-sum';

export interface PowerLawGofOptions extends PowerLawOptions {
  /** Seed of the bootstrap's generator. */
  seed: number;
  /** Number of synthetic data sets (default 1000; CSN: 2500 gives p to about ±0.01). */
  bootstraps?: number;
}

export interface PowerLawGof {
  /** The fit of the data (as `fitPowerLaw` returns it). */
  fit: PowerLawFit;
  /** Share of the fitted synthetic sets whose KS distance is ≥ the data's; null if none could be fitted. */
  p: number | null;
  /** Synthetic sets drawn. */
  bootstraps: number;
  /** Synthetic sets that could not be fitted (too few values above every candidate xmin); not in p. */
  unfitted: number;
}

/** Values of a discrete law tabulated exactly before the continuous tail approximation takes over. */
const DISCRETE_TABLE = 100_000;

/** Inverse CDF of the continuous law x^(−α) on [a, b] (b may be ∞ when α > 1) at u ∈ [0, 1). */
function continuousQuantile(u: number, alpha: number, a: number, b: number): number {
  if (b === Infinity) return a * (1 - u) ** (-1 / (alpha - 1));
  const om = 1 - alpha;
  if (Math.abs(om) < 1e-12) return a * (b / a) ** u;
  const lo = a ** om;
  return (lo + u * (b ** om - lo)) ** (1 / om);
}

/**
 * A sampler of the fitted law. Discrete: an exact cumulative table over the first
 * DISCRETE_TABLE integers from xmin, then (for the rest of the mass, if any) CSN's
 * approximation floor(X + ½) with X continuous on [x_T − ½, xmax + ½] (their Appendix D).
 */
function lawSampler(fit: PowerLawFit, rng: Rng): () => number {
  const { alpha, xmin } = fit;
  const xmax = fit.xmax ?? Infinity;
  if (!fit.discrete) return () => continuousQuantile(rng.float(), alpha, xmin, xmax);
  const last = Math.min(xmax, xmin + DISCRETE_TABLE - 1);
  const norm = powerSum(alpha, xmin, xmax);
  const cdf = new Float64Array(last - xmin + 1);
  let acc = 0;
  for (let x = xmin; x <= last; x++) {
    acc += x ** -alpha / norm;
    cdf[x - xmin] = acc;
  }
  // Mass of the table, computed the way the normaliser is (summing 1e5 terms loses digits).
  const covered = last >= xmax ? 1 : 1 - powerSum(alpha, last + 1, xmax) / norm;
  const scale = covered / acc;
  for (let i = 0; i < cdf.length; i++) cdf[i] = (cdf[i] as number) * scale;
  return () => {
    const u = rng.float();
    if (u >= covered) {
      const x = continuousQuantile(rng.float(), alpha, last + 0.5, xmax + 0.5);
      return Math.min(xmax, Math.max(last + 1, Math.floor(x + 0.5)));
    }
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) > u) hi = mid;
      else lo = mid + 1;
    }
    return xmin + lo;
  };
}

/**
 * CSN bootstrap goodness-of-fit test of a power law. Returns null when the data cannot be
 * fitted (see `fitPowerLaw`).
 */
export function powerLawGoodnessOfFit(values: readonly number[], options: PowerLawGofOptions): PowerLawGof | null {
  const { seed, bootstraps = 1000, ...fitOptions } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`powerLawGoodnessOfFit: seed must be a safe integer, got ${seed}`);
  if (!Number.isInteger(bootstraps) || bootstraps < 1) {
    throw new RangeError(`powerLawGoodnessOfFit: bootstraps must be an integer >= 1, got ${bootstraps}`);
  }
  const fit = fitPowerLaw(values, fitOptions);
  if (fit === null) return null;
  const xmax = fit.xmax ?? Infinity;
  // The values the fit saw (positive, ≤ xmax), split at xmin.
  const below: number[] = [];
  let n = 0;
  for (const v of values) {
    if (!(v > 0 && v <= xmax)) continue;
    n++;
    if (v < fit.xmin) below.push(v);
  }
  const pTail = fit.n / n;
  const rng = new Rng(seed);
  const drawLaw = lawSampler(fit, rng);
  const synthetic = new Array<number>(n);
  let atLeast = 0;
  let unfitted = 0;
  for (let b = 0; b < bootstraps; b++) {
    for (let i = 0; i < n; i++) {
      synthetic[i] = below.length === 0 || rng.float() < pTail ? drawLaw() : (below[rng.below(below.length)] as number);
    }
    const s = fitPowerLaw(synthetic, fitOptions);
    if (s === null) unfitted++;
    else if (s.ks >= fit.ks) atLeast++;
  }
  const fitted = bootstraps - unfitted;
  return { fit, p: fitted === 0 ? null : atLeast / fitted, bootstraps, unfitted };
}
