import { describe, expect, it } from 'vitest';
import { gini, topCount, topShare } from './gini';

describe('gini', () => {
  it('is 0 for equal values, empty and all-zero vectors', () => {
    expect(gini([1, 1, 1])).toBe(0);
    expect(gini([])).toBe(0);
    expect(gini([5])).toBe(0);
    expect(gini([0, 0, 0])).toBe(0);
  });

  it('matches the standard formula on known vectors', () => {
    expect(gini([0, 0, 1])).toBeCloseTo(2 / 3, 12);
    // Σ(2i−n−1)x = (−3·1 − 1·2 + 1·3 + 3·4) = 10; n·Σx = 40.
    expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 12);
    expect(gini([0, 0, 0, 0, 0, 0, 0, 0, 0, 10])).toBeCloseTo(0.9, 12);
  });

  it('is scale invariant and order independent', () => {
    const v = [3, 7, 1, 0, 12, 5];
    expect(gini(v.map((x) => x * 17))).toBeCloseTo(gini(v), 12);
    expect(gini([...v].reverse())).toBeCloseTo(gini(v), 12);
  });

  it('rejects negative and non-finite values', () => {
    expect(() => gini([1, -1])).toThrow(RangeError);
    expect(() => gini([1, Number.NaN])).toThrow(/values\[1\]/);
  });
});

describe('topShare', () => {
  it('takes the top ceil(p·n) values', () => {
    expect(topShare([1, 2, 3, 4], 0.25)).toBeCloseTo(0.4, 12);
    expect(topShare([1, 2, 3, 4], 0.3)).toBeCloseTo(0.7, 12); // ceil(1.2) = 2
    expect(topShare(Array.from({ length: 100 }, (_, i) => i + 1), 0.07)).toBeCloseTo((94 + 100) * 3.5 / 5050, 12);
    expect(topShare([1, 1, 1, 1], 1)).toBe(1);
  });

  it('always keeps at least one member', () => {
    expect(topCount(10, 0.01)).toBe(1);
    expect(topShare([1, 9], 0.01)).toBeCloseTo(0.9, 12);
  });

  it('does not round an exact product up (0.07 · 100 = 7)', () => {
    expect(0.07 * 100).toBeGreaterThan(7);
    expect(topCount(100, 0.07)).toBe(7);
    expect(topCount(30, 0.1)).toBe(3);
    expect(topCount(31, 0.1)).toBe(4);
  });

  it('is 0 for empty and all-zero vectors and validates fraction', () => {
    expect(topShare([], 0.1)).toBe(0);
    expect(topShare([0, 0], 0.5)).toBe(0);
    expect(() => topShare([1], 0)).toThrow(/fraction/);
    expect(() => topShare([1], 1.5)).toThrow(/fraction/);
  });
});
