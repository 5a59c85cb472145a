/**
 * Difference of two means with Welch's interval: the comparison of two conditions whose run-to-run
 * spread may differ (a platform feature often changes the variance as well as the mean).
 */
import { mean, sampleSd } from './summary-stats';
import { studentTCdf, studentTQuantile } from './student-t';

export interface MeanDifference {
  /** mean(b) − mean(a). */
  difference: number;
  /** Two-sided 95% Welch interval of the difference; NaN when either group has fewer than 2 values. */
  lo: number;
  hi: number;
  /** Welch–Satterthwaite degrees of freedom (NaN when undefined). */
  df: number;
  /** Two-sided p-value of "no difference" (NaN when undefined). */
  pValue: number;
  nA: number;
  nB: number;
}

/**
 * mean(b) − mean(a) ± t₀.₉₇₅,ν · √(s²ₐ/nₐ + s²ᵦ/nᵦ), ν by Welch–Satterthwaite. With both
 * variances 0 the interval collapses onto the difference (and p is 0 or 1).
 */
export function welchDifferenceCI95(a: readonly number[], b: readonly number[]): MeanDifference {
  for (const [name, values] of [['a', a], ['b', b]] as const) {
    values.forEach((v, i) => {
      if (!Number.isFinite(v)) throw new RangeError(`welchDifferenceCI95: ${name}[${i}] must be finite, got ${v}`);
    });
  }
  const nA = a.length;
  const nB = b.length;
  const difference = mean(b) - mean(a);
  if (nA < 2 || nB < 2) return { difference, lo: Number.NaN, hi: Number.NaN, df: Number.NaN, pValue: Number.NaN, nA, nB };
  const va = sampleSd(a) ** 2 / nA;
  const vb = sampleSd(b) ** 2 / nB;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { difference, lo: difference, hi: difference, df: Number.NaN, pValue: difference === 0 ? 1 : 0, nA, nB };
  const df = (va + vb) ** 2 / (va ** 2 / (nA - 1) + vb ** 2 / (nB - 1));
  const half = studentTQuantile(0.975, df) * se;
  const pValue = 2 * (1 - studentTCdf(Math.abs(difference) / se, df));
  return { difference, lo: difference - half, hi: difference + half, df, pValue, nA, nB };
}
