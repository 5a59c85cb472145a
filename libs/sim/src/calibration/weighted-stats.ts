/** Weighted summaries of a particle population (weights need not be normalised). */

function normalised(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new RangeError('weights must have a positive sum');
  return weights.map((w) => w / total);
}

export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  const w = normalised(weights);
  let m = 0;
  for (let i = 0; i < values.length; i++) m += (w[i] as number) * (values[i] as number);
  return m;
}

/** Weighted variance with normalised weights (the plug-in estimate Beaumont et al. use for the kernel). */
export function weightedVariance(values: readonly number[], weights: readonly number[]): number {
  const w = normalised(weights);
  const m = weightedMean(values, w);
  let v = 0;
  for (let i = 0; i < values.length; i++) v += (w[i] as number) * ((values[i] as number) - m) ** 2;
  return v;
}

/**
 * Weighted quantile: the smallest value whose cumulative weight reaches p (the inverse of the
 * weighted empirical distribution function). With equal weights this is the type-1 quantile.
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('no values');
  const w = normalised(weights);
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  let cumulative = 0;
  for (const i of order) {
    cumulative += w[i] as number;
    if (cumulative >= p - 1e-12) return values[i] as number;
  }
  return values[order[order.length - 1] as number] as number;
}

/** Kish's effective sample size, (Σw)² / Σw². */
export function effectiveSampleSize(weights: readonly number[]): number {
  const w = normalised(weights);
  return 1 / w.reduce((a, b) => a + b * b, 0);
}
