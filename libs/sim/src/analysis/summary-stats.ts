/**
 * Small descriptive statistics for replicate summaries.
 */
import { studentTQuantile } from './student-t';

export interface MeanCI {
  mean: number;
  /** Sample standard deviation (n − 1 denominator). */
  sd: number;
  n: number;
  /** Lower bound of the two-sided 95% Student-t interval of the mean. */
  lo: number;
  hi: number;
}

/** Arithmetic mean; NaN for an empty vector. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Sample standard deviation (n − 1); NaN when n < 2. */
export function sampleSd(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return Math.sqrt(ss / (n - 1));
}

/**
 * Mean with a two-sided 95% confidence interval mean ± t₀.₉₇₅,ₙ₋₁ · sd/√n.
 * Undefined quantities are NaN (JSON.stringify writes them as null): everything for n = 0;
 * sd, lo and hi for n = 1. With sd = 0 the interval collapses to the mean.
 */
export function meanCI95(values: readonly number[]): MeanCI {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i] as number)) {
      throw new RangeError(`meanCI95: values[${i}] must be finite, got ${values[i]}`);
    }
  }
  const m = mean(values);
  const sd = sampleSd(values);
  if (n < 2) return { mean: m, sd, n, lo: Number.NaN, hi: Number.NaN };
  const half = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { mean: m, sd, n, lo: m - half, hi: m + half };
}

/**
 * Quantile by linear interpolation between order statistics (Hyndman–Fan type 7, the default of
 * R and NumPy): h = (n − 1)·p, Q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), 0-based. NaN when empty.
 */
export function quantile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const n = values.length;
  if (n === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

/** Median (type-7 quantile at 0.5, i.e. the mean of the two middle values for even n). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}
