import { welchDifferenceCI95 } from '@p2pvalue/sim';
import { meanBand, type MeanBand } from './experiment-results';

// Pure arithmetic of the comparison of two conditions: per metric, the mean final value in each
// and the difference of means with its 95% Welch interval. No I/O; the service feeds it summaries.

export interface MetricDifference {
  metric: string;
  a: MeanBand;
  b: MeanBand;
  /** mean(b) − mean(a); null when either condition has no value. */
  difference: number | null;
  /** 95% Welch interval of the difference; null with fewer than two values on a side. */
  lo: number | null;
  hi: number | null;
  pValue: number | null;
}

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null);

function finals(summaries: readonly Record<string, unknown>[], metric: string): number[] {
  const values: number[] = [];
  for (const summary of summaries) {
    const v = summary[metric];
    if (typeof v === 'number' && Number.isFinite(v)) values.push(v);
  }
  return values;
}

/** Per metric: each condition's mean final value and the difference B − A with Welch's interval. */
export function compareFinalValues(a: readonly Record<string, unknown>[], b: readonly Record<string, unknown>[], metrics: readonly string[]): MetricDifference[] {
  return metrics.map((metric) => {
    const va = finals(a, metric);
    const vb = finals(b, metric);
    const base = { metric, a: meanBand(va), b: meanBand(vb) };
    if (va.length === 0 || vb.length === 0) return { ...base, difference: null, lo: null, hi: null, pValue: null };
    const d = welchDifferenceCI95(va, vb);
    return { ...base, difference: finiteOrNull(d.difference), lo: finiteOrNull(d.lo), hi: finiteOrNull(d.hi), pValue: finiteOrNull(d.pValue) };
  });
}
