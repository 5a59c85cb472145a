import { describe, expect, it } from 'vitest';
import { histogram } from './histogram';

describe('histogram', () => {
  it('aligns the first bin to a multiple of the width and ends at the largest value', () => {
    const h = histogram([130, 0, 99, 100, 250, 199.5], { binWidth: 100 });
    expect(h).toEqual({ min: 0, binWidth: 100, counts: [2, 3, 1], below: 0, above: 0, n: 6 });
    expect(histogram([-3, -1, 2], { binWidth: 2 })).toEqual({ min: -4, binWidth: 2, counts: [1, 1, 0, 1], below: 0, above: 0, n: 3 });
  });

  it('counts values outside an explicit range in below / above (NetLogo draws only [min, max))', () => {
    const h = histogram([-1, 0, 0.5, 1, 2.99, 3, 7], { binWidth: 1, min: 0, max: 3 });
    expect(h.counts).toEqual([2, 1, 1]);
    expect(h.below).toBe(1);
    expect(h.above).toBe(2);
    expect(histogram([1, 2], { binWidth: 2, min: 0, max: 5 }).counts).toEqual([1, 1, 0]);
  });

  it('handles empty input and rejects bad specs', () => {
    expect(histogram([], { binWidth: 1 })).toEqual({ min: 0, binWidth: 1, counts: [], below: 0, above: 0, n: 0 });
    expect(histogram([], { binWidth: 1, min: 2, max: 4 }).counts).toEqual([0, 0]);
    expect(() => histogram([1], { binWidth: 0 })).toThrow(/binWidth/);
    expect(() => histogram([1], { binWidth: 1, min: 3, max: 3 })).toThrow(/max/);
    expect(() => histogram([Number.NaN], { binWidth: 1 })).toThrow(/finite/);
  });
});
