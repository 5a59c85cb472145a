/**
 * Power-law fit by maximum likelihood with xmin chosen by the Kolmogorov–Smirnov distance
 * (Clauset, Shalizi & Newman 2009, "Power-law distributions in empirical data", §3).
 *
 * Model: p(x) ∝ x^(−α) on [xmin, xmax], with xmax = ∞ unless an upper truncation is given.
 * - `discrete: true` (default, because lifetime contributions are integer link-ticks):
 *   p(x) = x^(−α) / Σ_{k=xmin}^{xmax} k^(−α) for integers x; the normaliser is the Hurwitz zeta
 *   function (or its finite difference when truncated), see `powerSum`.
 * - `discrete: false`: continuous density (α−1)·x^(−α) / (xmin^(1−α) − xmax^(1−α)).
 * α is the exact MLE (closed form for continuous untruncated, golden-section search of the
 * concave log-likelihood otherwise). Non-positive values are ignored (a zero contribution has no
 * place in a power-law tail); values above xmax are dropped when truncating.
 */
import { goldenSectionMax } from './golden-section';
import { powerSum } from './power-sum';

export interface PowerLawFit {
  alpha: number;
  xmin: number;
  /** Present when the fit was upper-truncated. */
  xmax?: number;
  /** KS distance between the tail's empirical CDF and the fitted CDF. */
  ks: number;
  /** Number of observations in the fitted tail [xmin, xmax]. */
  n: number;
  discrete: boolean;
  logLikelihood: number;
}

export interface PowerLawOptions {
  /** Integer-valued model (default true). Values must then be integers. */
  discrete?: boolean;
  /** Fix xmin instead of scanning the candidates. */
  xmin?: number;
  /** Upper truncation point (inclusive). */
  xmax?: number;
  /** Smallest tail size a scanned xmin may leave (default 10, as small tails give spurious fits). */
  minTail?: number;
}

// α search interval. Untruncated laws need α > 1 to normalise; truncated ones do not.
const ALPHA_MAX = 20;
const ALPHA_MIN_UNTRUNCATED = 1 + 1e-7;
const ALPHA_MIN_TRUNCATED = 1e-4;

interface Tail {
  /** Sorted ascending. */
  values: Float64Array;
  sumLog: number;
}

/** ln ∫_xmin^xmax x^(−α) dx: the log normaliser of the continuous law. */
export function continuousLogNorm(alpha: number, xmin: number, xmax: number): number {
  if (xmax === Infinity) return (1 - alpha) * Math.log(xmin) - Math.log(alpha - 1);
  const om = 1 - alpha;
  const logRatio = Math.log(xmax / xmin);
  if (Math.abs(om * logRatio) < 1e-12) return Math.log(logRatio) + om * Math.log(xmin);
  // xmin^(1−α) · expm1((1−α)·ln(xmax/xmin)) / (1−α), which is positive for every α.
  return om * Math.log(xmin) + Math.log(Math.expm1(om * logRatio) / om);
}

function logLikelihood(alpha: number, tail: Tail, xmin: number, xmax: number, discrete: boolean): number {
  const n = tail.values.length;
  const logNorm = discrete ? Math.log(powerSum(alpha, xmin, xmax)) : continuousLogNorm(alpha, xmin, xmax);
  return -alpha * tail.sumLog - n * logNorm;
}

function fitAlpha(tail: Tail, xmin: number, xmax: number, discrete: boolean): number {
  const n = tail.values.length;
  if (!discrete && xmax === Infinity) {
    // Closed-form MLE: α = 1 + n / Σ ln(x / xmin).
    const denom = tail.sumLog - n * Math.log(xmin);
    return denom > 0 ? Math.min(ALPHA_MAX, 1 + n / denom) : ALPHA_MAX;
  }
  const lo = xmax === Infinity ? ALPHA_MIN_UNTRUNCATED : ALPHA_MIN_TRUNCATED;
  return goldenSectionMax((a) => logLikelihood(a, tail, xmin, xmax, discrete), lo, ALPHA_MAX, 1e-9);
}

/** CDF of the fitted law at x (P(X ≤ x)). */
function modelCdf(
  x: number,
  alpha: number,
  xmin: number,
  xmax: number,
  discrete: boolean,
  norm: number,
): number {
  if (x >= xmax) return 1;
  if (discrete) return 1 - powerSum(alpha, x + 1, xmax) / norm;
  return 1 - Math.exp(continuousLogNorm(alpha, x, xmax) - norm);
}

/** KS distance between the tail's empirical CDF and the model CDF. */
function ksDistance(tail: Tail, alpha: number, xmin: number, xmax: number, discrete: boolean): number {
  const v = tail.values;
  const n = v.length;
  const norm = discrete ? powerSum(alpha, xmin, xmax) : continuousLogNorm(alpha, xmin, xmax);
  let d = 0;
  let i = 0;
  while (i < n) {
    const x = v[i] as number;
    let j = i;
    while (j < n && v[j] === x) j++;
    const empBefore = i / n;
    const empAt = j / n;
    const f = modelCdf(x, alpha, xmin, xmax, discrete, norm);
    if (discrete) {
      // Step CDFs: compare at x, and just before the next observed value where the empirical
      // CDF is still flat but the model has kept rising.
      d = Math.max(d, Math.abs(empAt - f));
      const next = j < n ? (v[j] as number) : Infinity;
      if (next !== Infinity && next - 1 > x) {
        d = Math.max(d, Math.abs(empAt - modelCdf(next - 1, alpha, xmin, xmax, discrete, norm)));
      }
      if (i === 0) {
        // The model puts mass on xmin..x−1 where the data has none.
        if (x > xmin) d = Math.max(d, modelCdf(x - 1, alpha, xmin, xmax, discrete, norm));
      }
    } else {
      d = Math.max(d, Math.abs(empAt - f), Math.abs(f - empBefore));
    }
    i = j;
  }
  return d;
}

function makeTail(sorted: Float64Array, from: number, to: number): Tail {
  const values = sorted.subarray(from, to);
  let sumLog = 0;
  for (let i = 0; i < values.length; i++) sumLog += Math.log(values[i] as number);
  return { values, sumLog };
}

/** Index of the first element >= x in a sorted array. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Fit a (possibly truncated) power law. Returns null when fewer than two usable observations
 * remain, or no scanned xmin leaves `minTail` of them.
 */
export function fitPowerLaw(values: readonly number[], options: PowerLawOptions = {}): PowerLawFit | null {
  const discrete = options.discrete ?? true;
  const xmax = options.xmax ?? Infinity;
  const minTail = Math.max(2, options.minTail ?? 10);
  if (!(xmax > 0)) throw new RangeError(`fitPowerLaw: xmax must be > 0, got ${xmax}`);
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) throw new RangeError(`fitPowerLaw: values[${i}] must be finite, got ${v}`);
    if (discrete && !Number.isInteger(v)) {
      throw new RangeError(`fitPowerLaw: values[${i}] = ${v} is not an integer (use discrete: false)`);
    }
    if (v > 0 && v <= xmax) kept.push(v);
  }
  const sorted = Float64Array.from(kept).sort();
  const total = sorted.length;

  const fitAt = (xmin: number): PowerLawFit | null => {
    const from = lowerBound(sorted, xmin);
    const tail = makeTail(sorted, from, total);
    if (tail.values.length < 2) return null;
    const alpha = fitAlpha(tail, xmin, xmax, discrete);
    const fit: PowerLawFit = {
      alpha,
      xmin,
      ks: ksDistance(tail, alpha, xmin, xmax, discrete),
      n: tail.values.length,
      discrete,
      logLikelihood: logLikelihood(alpha, tail, xmin, xmax, discrete),
    };
    if (xmax !== Infinity) fit.xmax = xmax;
    return fit;
  };

  if (options.xmin !== undefined) {
    const xmin = options.xmin;
    if (!(xmin > 0) || (discrete && !Number.isInteger(xmin)) || xmin > xmax) {
      throw new RangeError(`fitPowerLaw: xmin must be a positive ${discrete ? 'integer ' : ''}<= xmax, got ${xmin}`);
    }
    return fitAt(xmin);
  }

  // Scan every distinct observed value that leaves at least minTail observations above it and
  // keep the one whose fitted law is closest to the data in KS distance.
  let best: PowerLawFit | null = null;
  for (let i = 0; i + minTail <= total; ) {
    const x = sorted[i] as number;
    const fit = fitAt(x);
    if (fit !== null && (best === null || fit.ks < best.ks)) best = fit;
    while (i < total && sorted[i] === x) i++;
  }
  return best;
}
