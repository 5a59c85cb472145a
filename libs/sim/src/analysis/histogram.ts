/**
 * Binned histogram with NetLogo's `histogram` semantics: bins of one width starting at the plot's
 * x minimum, bin k = [min + k·w, min + (k+1)·w), values outside [min, max) not drawn (they are
 * counted in `below` / `above` here so that nothing is lost silently).
 *
 * Without an explicit range the bins start at the multiple of the width at or below the
 * smallest value (so histograms of different runs with the same width line up) and end with the
 * bin holding the largest value.
 */

export interface HistogramSpec {
  /** Bin width (> 0). */
  binWidth: number;
  /** Left edge of the first bin (default: ⌊smallest value / width⌋ · width). */
  min?: number;
  /** Right edge, exclusive (default: just past the largest value). */
  max?: number;
}

export interface Histogram {
  /** Left edge of bin 0; bin k covers [min + k·binWidth, min + (k+1)·binWidth). */
  min: number;
  binWidth: number;
  counts: number[];
  /** Values below `min` / at or above the right edge (only with an explicit range). */
  below: number;
  above: number;
  /** Number of values given. */
  n: number;
}

/** Bins `values`. Throws RangeError for a non-positive width, an empty range or a non-finite value. */
export function histogram(values: readonly number[], spec: HistogramSpec): Histogram {
  const w = spec.binWidth;
  if (!(w > 0) || !Number.isFinite(w)) throw new RangeError(`histogram: binWidth must be a finite number > 0, got ${w}`);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) throw new RangeError(`histogram: values[${i}] must be finite, got ${v}`);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const min = spec.min ?? (values.length === 0 ? 0 : Math.floor(lo / w) * w);
  if (!Number.isFinite(min)) throw new RangeError(`histogram: min must be finite, got ${min}`);
  let bins: number;
  if (spec.max !== undefined) {
    if (!(spec.max > min) || !Number.isFinite(spec.max)) throw new RangeError(`histogram: max must be finite and > min (${min}), got ${spec.max}`);
    bins = Math.ceil((spec.max - min) / w);
  } else {
    bins = values.length === 0 || hi < min ? 0 : Math.floor((hi - min) / w) + 1;
  }
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < min) {
      below++;
      continue;
    }
    if (spec.max !== undefined && v >= spec.max) {
      above++;
      continue;
    }
    const k = Math.floor((v - min) / w);
    if (k >= bins) above++;
    else counts[k] = (counts[k] as number) + 1;
  }
  return { min, binWidth: w, counts, below, above, n: values.length };
}
