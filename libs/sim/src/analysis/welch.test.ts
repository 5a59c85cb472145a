import { describe, expect, it } from 'vitest';
import { welchDifferenceCI95 } from './welch';

describe('welchDifferenceCI95', () => {
  it('matches a worked example (R: t.test(b, a) gives the same interval)', () => {
    // Two groups with unequal variances, by hand: mean a = 20, s²a = 10/3 (n 4);
    // mean b = 25, s²b = 68/4 = 17 (n 5).
    const a = [18, 19, 21, 22];
    const b = [20, 22, 25, 28, 30];
    const r = welchDifferenceCI95(a, b);
    expect(r.difference).toBeCloseTo(5, 12);
    const va = 10 / 3 / 4;
    const vb = 17 / 5;
    expect(r.df).toBeCloseTo((va + vb) ** 2 / (va ** 2 / 3 + vb ** 2 / 4), 10);
    expect(r.df).toBeCloseTo(5.741, 3);
    // The t quantile for 5.74 degrees of freedom lies between those for 6 (2.447) and 5 (2.571).
    const multiplier = (r.hi - r.difference) / Math.sqrt(va + vb);
    expect(multiplier).toBeGreaterThan(2.447);
    expect(multiplier).toBeLessThan(2.571);
    expect(r.lo).toBeCloseTo(2 * r.difference - r.hi, 12);
    // t = 5 / 2.0575 = 2.43: just above the 5% level, as the interval that includes 0 says.
    expect(r.lo).toBeLessThan(0);
    expect(r.pValue).toBeGreaterThan(0.05);
    expect(r.pValue).toBeLessThan(0.06);
  });

  it('is symmetric: swapping the groups negates the difference and its interval', () => {
    const a = [1, 2, 3, 4, 5];
    const b = [2, 4, 4, 9];
    const ab = welchDifferenceCI95(a, b);
    const ba = welchDifferenceCI95(b, a);
    expect(ba.difference).toBeCloseTo(-ab.difference, 12);
    expect(ba.lo).toBeCloseTo(-ab.hi, 12);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
  });

  it('leaves the interval undefined for a single value and collapses it without spread', () => {
    expect(welchDifferenceCI95([1], [2, 3])).toMatchObject({ difference: 1.5, lo: NaN, nA: 1, nB: 2 });
    expect(welchDifferenceCI95([2, 2], [5, 5])).toMatchObject({ difference: 3, lo: 3, hi: 3, pValue: 0 });
    expect(() => welchDifferenceCI95([1, Number.NaN], [1, 2])).toThrow(RangeError);
  });
});
