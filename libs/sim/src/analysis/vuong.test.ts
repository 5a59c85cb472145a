import { describe, expect, it } from 'vitest';
import { vuongTest } from './vuong';

describe('vuongTest', () => {
  it('computes R, the normalised ratio and the two-sided p by hand', () => {
    // Differences 1, 0, 2, −1: R = 2, ω̂² = 5/4, R / (ω̂ √4) = 0.894427…, p = erfc(0.894427… / √2).
    const r = vuongTest([0, 0, 0, 0], [-1, 0, -2, 1]);
    expect(r.n).toBe(4);
    expect(r.logLikelihoodRatio).toBeCloseTo(2, 12);
    expect(r.normalizedRatio).toBeCloseTo(0.8944271909999159, 10);
    expect(r.p).toBeCloseTo(0.37109336952269767, 8);
  });

  it('is antisymmetric in the two models', () => {
    const a = [-1.2, -0.3, -2.5, -0.9, -1.1];
    const b = [-1.0, -0.8, -1.9, -1.4, -0.7];
    const ab = vuongTest(a, b);
    const ba = vuongTest(b, a);
    expect(ba.logLikelihoodRatio).toBeCloseTo(-ab.logLikelihoodRatio, 12);
    expect(ba.normalizedRatio).toBeCloseTo(-ab.normalizedRatio, 12);
    expect(ba.p).toBeCloseTo(ab.p, 12);
  });

  it('gives p = 1 when the models agree pointwise, and small p for a consistent difference', () => {
    const same = vuongTest([-1, -2, -3], [-1, -2, -3]);
    expect(same.normalizedRatio).toBe(0);
    expect(same.p).toBe(1);
    const n = 400;
    const a = Array.from({ length: n }, (_, i) => -1 + 0.05 * Math.sin(i));
    const b = Array.from({ length: n }, () => -1.1);
    const r = vuongTest(a, b);
    expect(r.logLikelihoodRatio).toBeGreaterThan(0);
    expect(r.p).toBeLessThan(1e-10);
  });

  it('rejects unpaired, too short or non-finite input', () => {
    expect(() => vuongTest([1, 2], [1])).toThrow(/pair/);
    expect(() => vuongTest([1], [1])).toThrow(/at least 2/);
    expect(() => vuongTest([1, -Infinity], [1, 2])).toThrow(/finite/);
  });
});
