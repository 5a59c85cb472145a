/**
 * Partial rank correlation coefficients (PRCC), the sensitivity measure of LHS studies
 * (Marino, Hogue, Ray & Kirschner 2008; the Commoners Framework's analysis).
 *
 * PRCC of output y on input xⱼ is the Pearson correlation of the ranks of xⱼ and y after the
 * linear effect of the ranks of every other input has been removed from both. It measures how
 * monotonically y depends on xⱼ with the others held fixed, which plain rank correlation does not
 * when inputs are correlated or one input dominates y.
 */
import { studentTCdf } from './student-t';

export interface PrccResult {
  /** In [−1, 1]; NaN when undefined (a constant input or output, or inputs that are collinear). */
  prcc: number;
  /** Two-sided p-value of PRCC = 0: t = r·√(df / (1 − r²)), df = n − 2 − (k − 1). NaN when df < 1. */
  pValue: number;
  /** 95% interval by Fisher's z with standard error 1/√(n − 3 − (k − 1)); NaN when that is undefined. */
  lo: number;
  hi: number;
  /** Plain Spearman rank correlation of y with this input, for comparison. */
  spearman: number;
  n: number;
}

const Z975 = 1.959963984540054;

/** Ranks 1..n, ties sharing the mean of their ranks (as Spearman's rho requires). */
export function ranksWithTies(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && (order[end + 1] as readonly [number, number])[0] === (order[start] as readonly [number, number])[0]) end++;
    const shared = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) ranks[(order[i] as readonly [number, number])[1]] = shared;
    start = end + 1;
  }
  return ranks;
}

function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] as number;
    mb += b[i] as number;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return Number.NaN;
  return sab / Math.sqrt(saa * sbb);
}

function centred(values: readonly number[]): number[] {
  const m = values.reduce((a, v) => a + v, 0) / values.length;
  return values.map((v) => v - m);
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((sum, v, i) => sum + v * (b[i] as number), 0);

/**
 * An orthonormal basis of the span of the (centred) columns, by modified Gram–Schmidt. A column
 * that is (nearly) a combination of the earlier ones adds nothing and is dropped.
 */
function orthonormalBasis(columns: readonly (readonly number[])[]): number[][] {
  const basis: number[][] = [];
  for (const column of columns) {
    const v = [...column];
    const norm0 = Math.sqrt(dot(v, v));
    for (const q of basis) {
      const c = dot(v, q);
      for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) - c * (q[i] as number);
    }
    const norm = Math.sqrt(dot(v, v));
    if (norm0 === 0 || norm < 1e-9 * norm0) continue;
    basis.push(v.map((x) => x / norm));
  }
  return basis;
}

/** What is left of v after removing its projection on the orthonormal basis (v centred). */
function residual(v: readonly number[], basis: readonly (readonly number[])[]): number[] {
  const r = [...v];
  for (const q of basis) {
    const c = dot(r, q);
    for (let i = 0; i < r.length; i++) r[i] = (r[i] as number) - c * (q[i] as number);
  }
  return r;
}

/** Correlation of two residuals; NaN when either is (numerically) nothing left of its variable. */
function residualCorrelation(a: readonly number[], aScale: number, b: readonly number[], bScale: number): number {
  const aa = dot(a, a);
  const bb = dot(b, b);
  if (aa <= 1e-18 * aScale || bb <= 1e-18 * bScale) return Number.NaN;
  return Math.max(-1, Math.min(1, dot(a, b) / Math.sqrt(aa * bb)));
}

/**
 * PRCC of `output` on each input column (inputs[j][i] is input j of sample i), with p-values,
 * 95% intervals and the plain Spearman correlation: the ranks of xⱼ and y are each regressed on
 * the ranks of the other inputs (with an intercept, by projection on an orthonormal basis) and
 * the residuals correlated.
 */
export function partialRankCorrelation(inputs: readonly (readonly number[])[], output: readonly number[]): PrccResult[] {
  const n = output.length;
  const k = inputs.length;
  inputs.forEach((column, j) => {
    if (column.length !== n) throw new RangeError(`partialRankCorrelation: input ${j} has ${column.length} values, the output ${n}`);
  });
  for (const [j, column] of [...inputs, output].entries()) {
    for (const v of column) if (!Number.isFinite(v)) throw new RangeError(`partialRankCorrelation: ${j === k ? 'output' : `input ${j}`} has a non-finite value ${v}`);
  }
  const rankedInputs = inputs.map((column) => centred(ranksWithTies(column)));
  const rankedOutput = centred(ranksWithTies(output));
  const outputScale = dot(rankedOutput, rankedOutput);
  const df = n - 2 - (k - 1);
  const fisherN = n - 3 - (k - 1);
  return inputs.map((_, j) => {
    const x = rankedInputs[j] as number[];
    const spearman = pearson(x, rankedOutput);
    const basis = orthonormalBasis(rankedInputs.filter((_, other) => other !== j));
    const r = residualCorrelation(residual(x, basis), dot(x, x), residual(rankedOutput, basis), outputScale);
    let pValue = Number.NaN;
    let lo = Number.NaN;
    let hi = Number.NaN;
    if (Number.isFinite(r) && df >= 1) {
      pValue = Math.abs(r) >= 1 ? 0 : 2 * (1 - studentTCdf(Math.abs(r) * Math.sqrt(df / (1 - r * r)), df));
    }
    if (Number.isFinite(r) && fisherN >= 1) {
      if (Math.abs(r) >= 1) {
        lo = r;
        hi = r;
      } else {
        const z = Math.atanh(r);
        const half = Z975 / Math.sqrt(fisherN);
        lo = Math.tanh(z - half);
        hi = Math.tanh(z + half);
      }
    }
    return { prcc: r, pValue, lo, hi, spearman, n };
  });
}

