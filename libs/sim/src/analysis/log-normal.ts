/**
 * Log-normal fit by maximum likelihood, the usual alternative to a power law for heavy-tailed
 * contribution data (Clauset–Shalizi–Newman §5).
 *
 * μ̂ = mean(ln x), σ̂ = sqrt(mean((ln x − μ̂)²)) (the MLE, n denominator). Only positive values
 * enter (ln 0 is undefined; zero contributors are reported separately). The KS distance is taken
 * against the continuous CDF Φ((ln x − μ)/σ), also for integer data, where it is conservative.
 */
import { normalCdf } from './special-functions';

export interface LogNormalFit {
  mu: number;
  sigma: number;
  ks: number;
  /** Number of positive observations used. */
  n: number;
  logLikelihood: number;
}

/** Returns null when fewer than two positive values exist or they are all equal (σ̂ = 0). */
export function fitLogNormal(values: readonly number[]): LogNormalFit | null {
  const logs: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) throw new RangeError(`fitLogNormal: values[${i}] must be finite, got ${v}`);
    if (v > 0) logs.push(Math.log(v));
  }
  const n = logs.length;
  if (n < 2) return null;
  const sorted = Float64Array.from(logs).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i] as number;
  const mu = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((sorted[i] as number) - mu) ** 2;
  const sigma = Math.sqrt(ss / n);
  if (!(sigma > 0)) return null;

  // Two-sided KS over the sorted sample: with ties, the intermediate i/n values lie inside the
  // jump, so the maximum over them equals the maximum over the jump's two ends.
  let ks = 0;
  for (let i = 0; i < n; i++) {
    const f = normalCdf(((sorted[i] as number) - mu) / sigma);
    ks = Math.max(ks, (i + 1) / n - f, f - i / n);
  }
  // ln L = Σ [−ln x − ln σ − ½ ln 2π − (ln x − μ)² / 2σ²]
  const logLikelihood = -sum - n * Math.log(sigma) - 0.5 * n * Math.log(2 * Math.PI) - ss / (2 * sigma * sigma);
  return { mu, sigma, ks, n, logLikelihood };
}
