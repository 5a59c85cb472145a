import { describe, expect, it } from 'vitest';
import { mean, meanCI95, median, quantile, sampleSd } from './summary-stats';
import { studentTCdf, studentTQuantile } from './student-t';
import { erf, lnGamma, normalCdf } from './special-functions';

describe('special functions', () => {
  it('lnGamma matches factorials and Γ(1/2) = √π', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });

  it('erf and Φ match tabulated values', () => {
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 13);
    expect(erf(-0.5)).toBeCloseTo(-0.5204998778130465, 13);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 13);
    expect(normalCdf(-8)).toBeCloseTo(6.22096057427e-16, 25);
  });
});

describe('Student t', () => {
  it('reproduces the two-sided 95% critical values table', () => {
    const table: Array<[number, number]> = [
      [1, 12.706204736],
      [2, 4.302652730],
      [5, 2.570581836],
      [10, 2.228138852],
      [29, 2.045229642],
      [120, 1.979930405],
    ];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 7);
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
  });

  it('is symmetric and inverts its CDF', () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 12);
    expect(studentTCdf(studentTQuantile(0.9, 3.5), 3.5)).toBeCloseTo(0.9, 10);
    expect(studentTCdf(0, 4)).toBe(0.5);
  });
});

describe('meanCI95', () => {
  it('computes mean, sd and the t interval', () => {
    const r = meanCI95([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(r.n).toBe(8);
    expect(r.mean).toBe(5);
    expect(r.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    const half = (2.364624252 * Math.sqrt(32 / 7)) / Math.sqrt(8);
    expect(r.lo).toBeCloseTo(5 - half, 7);
    expect(r.hi).toBeCloseTo(5 + half, 7);
  });

  it('degenerates explicitly for n < 2 and constant samples', () => {
    const one = meanCI95([3]);
    expect(one.mean).toBe(3);
    expect(one.sd).toBeNaN();
    expect(one.lo).toBeNaN();
    expect(meanCI95([]).mean).toBeNaN();
    const flat = meanCI95([2, 2, 2]);
    expect([flat.lo, flat.hi]).toEqual([2, 2]);
  });

  it('rejects non-finite values', () => {
    expect(() => meanCI95([1, Number.NaN])).toThrow(/values\[1\]/);
  });
});

describe('quantile', () => {
  it('interpolates like R type 7', () => {
    const v = [10, 1, 4, 7];
    expect(quantile(v, 0)).toBe(1);
    expect(quantile(v, 1)).toBe(10);
    expect(quantile(v, 0.5)).toBe(5.5);
    expect(quantile(v, 0.25)).toBeCloseTo(3.25, 12);
    expect(median([3, 1, 2])).toBe(2);
    expect(quantile([], 0.5)).toBeNaN();
    expect(mean([1, 2, 3])).toBe(2);
    expect(sampleSd([1])).toBeNaN();
  });
});
