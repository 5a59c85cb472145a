/**
 * Is a heavy tail better described by a (possibly truncated) power law or by a log-normal?
 * Clauset, Shalizi & Newman (2009, §5): fit the power law (xmin by KS, as `fitPowerLaw`), fit the
 * log-normal to the SAME tail, i.e. conditioned on xmin ≤ x ≤ xmax, and compare the two by
 * Vuong's likelihood-ratio test (`vuongTest`, with the power law as model A: R > 0 favours it).
 *
 * The conditioned log-normal has no closed-form MLE; μ and ln σ are found by Nelder–Mead.
 * - continuous data: density φ((ln x − μ)/σ) / (x σ), renormalised on [xmin, xmax];
 * - discrete data (the default, as in `fitPowerLaw`): the log-normal rounded to the nearest
 *   integer, P(k) ∝ Φ((ln(k + ½) − μ)/σ) − Φ((ln(k − ½) − μ)/σ), renormalised on xmin..xmax,
 *   so that both models are probability mass functions on the same integers.
 *
 * Nested-model caveat (see vuong.ts): on a bounded range a power law is a limit of log-normals
 * (σ → ∞ with μ/σ² fixed), so the two families are not strictly non-nested. On data from a power
 * law the conditioned log-normal fit approaches it, the pointwise differences shrink and the
 * normal approximation behind p fails; read a large p as "cannot tell", never as support for the
 * power law. A log-normal is clearly preferred only with R < 0 and small p.
 */
import { nelderMeadMax2 } from './nelder-mead';
import { continuousLogNorm, fitPowerLaw, type PowerLawFit, type PowerLawOptions } from './power-law';
import { powerSum } from './power-sum';
import { normalCdf } from './special-functions';
import { vuongTest, type VuongResult } from './vuong';

/** Log-normal fitted to the observations in [xmin, xmax] only (conditioned on that range). */
export interface TruncatedLogNormalFit {
  mu: number;
  sigma: number;
  xmin: number;
  /** Present when the range was upper-truncated. */
  xmax?: number;
  n: number;
  discrete: boolean;
  logLikelihood: number;
}

export interface PowerLawVsLogNormalOptions extends PowerLawOptions {
  /** Level below which the Vuong p-value decides (default 0.1, as CSN). */
  significance?: number;
}

export interface PowerLawVsLogNormal extends VuongResult {
  powerLaw: PowerLawFit;
  logNormal: TruncatedLogNormalFit;
  /** The model the test favours at `significance`, or null when the p-value is not below it. */
  preferred: 'power-law' | 'log-normal' | null;
}

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
/** How far the search may move from the tail's moments (in units of their sd) before it stops. */
const SEARCH_LIMIT = 1e4;

/** ln(Φ(b) − Φ(a)) for a < b ≤ ∞, through the lower tail on the side where it keeps its precision. */
function logNormalMass(a: number, b: number): number {
  const upper = (z: number): number => (z === Infinity ? 0 : normalCdf(-z));
  const mass = a > 0 ? normalCdf(-a) - upper(b) : 1 - upper(b) - normalCdf(a);
  return Math.log(mass);
}

/** Distinct values of a sorted sample with their counts. */
function distinct(sorted: readonly number[]): { xs: number[]; counts: number[] } {
  const xs: number[] = [];
  const counts: number[] = [];
  for (const x of sorted) {
    if (xs.length > 0 && xs[xs.length - 1] === x) counts[counts.length - 1] = (counts[counts.length - 1] as number) + 1;
    else {
      xs.push(x);
      counts.push(1);
    }
  }
  return { xs, counts };
}

/** Pointwise log-probability of the conditioned log-normal at each distinct value. */
function logNormalLogProbs(xs: readonly number[], mu: number, sigma: number, xmin: number, xmax: number, discrete: boolean): number[] {
  const z = (x: number): number => (Math.log(x) - mu) / sigma;
  if (discrete) {
    const logNorm = logNormalMass(z(xmin - 0.5), xmax === Infinity ? Infinity : z(xmax + 0.5));
    return xs.map((k) => logNormalMass(z(k - 0.5), z(k + 0.5)) - logNorm);
  }
  const logNorm = logNormalMass(z(xmin), xmax === Infinity ? Infinity : z(xmax));
  return xs.map((x) => {
    const u = z(x);
    return -0.5 * u * u - LN_SQRT_2PI - Math.log(x) - Math.log(sigma) - logNorm;
  });
}

/**
 * Fits a log-normal to the values in [xmin, xmax] (all of them must lie there), conditioned on
 * that range. Returns null for fewer than two values or a single distinct value.
 */
export function fitTruncatedLogNormal(values: readonly number[], xmin: number, xmax = Infinity, discrete = true): TruncatedLogNormalFit | null {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n < 2 || sorted[0] === sorted[n - 1]) return null;
  if ((sorted[0] as number) < xmin || (sorted[n - 1] as number) > xmax) {
    throw new RangeError(`fitTruncatedLogNormal: values must lie in [${xmin}, ${xmax}]`);
  }
  const { xs, counts } = distinct(sorted);
  let s1 = 0;
  let s2 = 0;
  for (const x of sorted) {
    const l = Math.log(x);
    s1 += l;
    s2 += l * l;
  }
  const m = s1 / n;
  const sd = Math.sqrt(Math.max(s2 / n - m * m, 0)) || 1;
  const logLik = (mu: number, logSigma: number): number => {
    if (Math.abs(mu - m) > SEARCH_LIMIT * sd || Math.abs(logSigma - Math.log(sd)) > Math.log(SEARCH_LIMIT)) return -Infinity;
    const sigma = Math.exp(logSigma);
    if (!discrete) {
      // Σ ln density in closed form from Σ ln x and Σ (ln x)².
      const ss = s2 - 2 * mu * s1 + n * mu * mu;
      const za = (Math.log(xmin) - mu) / sigma;
      const zb = xmax === Infinity ? Infinity : (Math.log(xmax) - mu) / sigma;
      return -ss / (2 * sigma * sigma) - n * (LN_SQRT_2PI + logSigma) - s1 - n * logNormalMass(za, zb);
    }
    const lp = logNormalLogProbs(xs, mu, sigma, xmin, xmax, true);
    let total = 0;
    for (let i = 0; i < xs.length; i++) total += (counts[i] as number) * (lp[i] as number);
    return total;
  };
  const best = nelderMeadMax2(logLik, [m, Math.log(sd)], [0.5 * sd, 0.5]);
  if (!Number.isFinite(best.value)) return null;
  const fit: TruncatedLogNormalFit = { mu: best.x, sigma: Math.exp(best.y), xmin, n, discrete, logLikelihood: best.value };
  if (xmax !== Infinity) fit.xmax = xmax;
  return fit;
}

/**
 * Fits a power law (`fitPowerLaw` with these options) and a log-normal to the same tail and
 * compares them by Vuong's test. Returns null when the power law cannot be fitted or the tail is
 * degenerate for the log-normal.
 */
export function comparePowerLawLogNormal(values: readonly number[], options: PowerLawVsLogNormalOptions = {}): PowerLawVsLogNormal | null {
  const significance = options.significance ?? 0.1;
  if (!(significance > 0 && significance < 1)) throw new RangeError(`comparePowerLawLogNormal: significance must be in (0, 1), got ${significance}`);
  const powerLaw = fitPowerLaw(values, options);
  if (powerLaw === null) return null;
  const { alpha, xmin, discrete } = powerLaw;
  const xmax = powerLaw.xmax ?? Infinity;
  const tail = values.filter((v) => v >= xmin && v <= xmax);
  const logNormal = fitTruncatedLogNormal(tail, xmin, xmax, discrete);
  if (logNormal === null) return null;

  tail.sort((a, b) => a - b);
  const { xs, counts } = distinct(tail);
  const plLogNorm = discrete ? Math.log(powerSum(alpha, xmin, xmax)) : continuousLogNorm(alpha, xmin, xmax);
  const lnLogProbs = logNormalLogProbs(xs, logNormal.mu, logNormal.sigma, xmin, xmax, discrete);
  const llPowerLaw: number[] = [];
  const llLogNormal: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const pl = -alpha * Math.log(x) - plLogNorm;
    for (let c = 0; c < (counts[i] as number); c++) {
      llPowerLaw.push(pl);
      llLogNormal.push(lnLogProbs[i] as number);
    }
  }
  const test = vuongTest(llPowerLaw, llLogNormal);
  const preferred = test.p < significance ? (test.logLikelihoodRatio > 0 ? 'power-law' : 'log-normal') : null;
  return { ...test, powerLaw, logNormal, preferred };
}
