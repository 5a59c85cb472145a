import { describe, expect, it } from 'vitest';
import { partialRankCorrelation, ranksWithTies } from './prcc';
import { mulberry32, normalSampler } from './test-prng';

function uniforms(n: number, seed: number): number[] {
  const u = mulberry32(seed);
  return Array.from({ length: n }, () => u());
}

/** Least-squares residuals of y on the columns (with an intercept), by the normal equations. */
function residuals(y: readonly number[], columns: readonly (readonly number[])[]): number[] {
  const n = y.length;
  const xs = [Array.from({ length: n }, () => 1), ...columns];
  const p = xs.length;
  const a = xs.map((xi) => [...xs.map((xj) => xi.reduce((s, v, t) => s + v * (xj[t] as number), 0)), xi.reduce((s, v, t) => s + v * (y[t] as number), 0)]);
  for (let c = 0; c < p; c++) {
    const row = a[c] as number[];
    const piv = row[c] as number;
    for (let j = 0; j <= p; j++) row[j] = (row[j] as number) / piv;
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = (a[r] as number[])[c] as number;
      for (let j = 0; j <= p; j++) (a[r] as number[])[j] = ((a[r] as number[])[j] as number) - f * (row[j] as number);
    }
  }
  const beta = a.map((row) => row[p] as number);
  return y.map((v, t) => v - xs.reduce((s, x, j) => s + (beta[j] as number) * (x[t] as number), 0));
}

function corr(a: readonly number[], b: readonly number[]): number {
  const ma = a.reduce((s, v) => s + v, 0) / a.length;
  const mb = b.reduce((s, v) => s + v, 0) / b.length;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  a.forEach((v, i) => {
    sab += (v - ma) * ((b[i] as number) - mb);
    saa += (v - ma) ** 2;
    sbb += ((b[i] as number) - mb) ** 2;
  });
  return sab / Math.sqrt(saa * sbb);
}

describe('ranksWithTies', () => {
  it('gives tied values the mean of their ranks', () => {
    expect(ranksWithTies([10, 30, 20, 30, 5])).toEqual([2, 4.5, 3, 4.5, 1]);
  });
});

describe('partialRankCorrelation', () => {
  it('is ±1 for an output that is a monotone function of one input, ~0 for the inputs it ignores', () => {
    const n = 100;
    const normal = normalSampler(mulberry32(21));
    const x1 = uniforms(n, 1);
    const x2 = uniforms(n, 2);
    const x3 = uniforms(n, 3);
    const up = partialRankCorrelation([x1, x2, x3], x1.map((v) => Math.exp(3 * v) + 0.01 * normal()));
    expect(up[0]?.prcc).toBeGreaterThan(0.99);
    expect(up[0]?.pValue).toBeLessThan(1e-12);
    for (const ignored of [up[1], up[2]]) {
      expect(Math.abs(ignored?.prcc as number)).toBeLessThan(0.25);
      expect(ignored?.pValue).toBeGreaterThan(0.01);
    }
    const down = partialRankCorrelation([x1, x2], x1.map((v) => -(v ** 3) + 0.001 * normal()));
    expect(down[0]?.prcc).toBeLessThan(-0.99);
  });

  it('is exactly ±1 for an exact monotone function; then the other inputs have nothing left to explain (NaN)', () => {
    const x1 = uniforms(30, 4);
    const x2 = uniforms(30, 5);
    const [first, second] = partialRankCorrelation([x1, x2], x1.map((v) => -Math.log(v)));
    expect(first?.prcc).toBeCloseTo(-1, 12);
    expect(first?.pValue).toBe(0);
    expect(second?.prcc).toBeNaN();
  });

  it('is near 0 with a large p-value when the output is independent of the inputs', () => {
    const n = 200;
    const result = partialRankCorrelation([uniforms(n, 3), uniforms(n, 4), uniforms(n, 5)], uniforms(n, 6));
    for (const r of result) {
      expect(Math.abs(r.prcc)).toBeLessThan(0.2);
      expect(r.pValue).toBeGreaterThan(0.01);
      expect(r.lo).toBeLessThan(0);
      expect(r.hi).toBeGreaterThan(0);
    }
  });

  it('separates a confounded input from the one that drives the output, unlike plain rank correlation', () => {
    // y depends on x2 only; x1 is x2 plus noise, so x1 and y are strongly rank-correlated, but
    // with x2 held fixed x1 says nothing more about y.
    const n = 300;
    const normal = normalSampler(mulberry32(7));
    const x2 = uniforms(n, 8);
    const x1 = x2.map((v) => v + 0.3 * normal());
    const y = x2.map((v) => 2 * v + 0.05 * normal());
    const [first, second] = partialRankCorrelation([x1, x2], y);
    expect(first?.spearman).toBeGreaterThan(0.6);
    expect(Math.abs(first?.prcc as number)).toBeLessThan(0.15);
    expect(second?.prcc).toBeGreaterThan(0.95);
    expect(second?.pValue).toBeLessThan(1e-10);
  });

  it('equals the correlation of rank residuals, with the t-test p-value and a Fisher-z interval around it', () => {
    const n = 40;
    const normal = normalSampler(mulberry32(11));
    const [a, b, c] = [uniforms(n, 12), uniforms(n, 13), uniforms(n, 14)] as [number[], number[], number[]];
    const y = a.map((v, i) => v - 0.5 * (b[i] as number) + 0.3 * normal());
    const result = partialRankCorrelation([a, b, c], y);
    const ranks = [a, b, c, y].map(ranksWithTies) as [number[], number[], number[], number[]];
    const expected = corr(residuals(ranks[1], [ranks[0], ranks[2]]), residuals(ranks[3], [ranks[0], ranks[2]]));
    const r = result[1]?.prcc as number;
    expect(r).toBeCloseTo(expected, 10);
    expect(r).toBeLessThan(0);
    expect(result[1]?.lo).toBeLessThan(r);
    expect(result[1]?.hi).toBeGreaterThan(r);
    expect(Math.tanh(Math.atanh(r) + 1.959963984540054 / Math.sqrt(n - 3 - 2))).toBeCloseTo(result[1]?.hi as number, 12);
    expect(result[1]?.n).toBe(40);
  });

  it('reports NaN where PRCC is undefined instead of a number', () => {
    const x = uniforms(10, 15);
    const [constantInput] = partialRankCorrelation([x.map(() => 1)], x);
    expect(constantInput?.prcc).toBeNaN();
    const [tooFew] = partialRankCorrelation([[1, 2], [2, 1]], [1, 2]);
    expect(tooFew?.pValue).toBeNaN();
    expect(() => partialRankCorrelation([[1, 2]], [1])).toThrow(RangeError);
    expect(() => partialRankCorrelation([[1, Number.NaN]], [1, 2])).toThrow(/non-finite/);
  });
});
