import { describe, expect, it } from 'vitest';
import { fitPowerLaw } from './power-law';
import { powerSum } from './power-sum';
import { mulberry32, zipfSampler } from './test-prng';

describe('powerSum', () => {
  it('matches known zeta values and direct sums', () => {
    expect(powerSum(2, 1, Infinity)).toBeCloseTo(Math.PI ** 2 / 6, 12);
    expect(powerSum(4, 1, Infinity)).toBeCloseTo(Math.PI ** 4 / 90, 12);
    // ζ(2, 3) = π²/6 − 1 − 1/4
    expect(powerSum(2, 3, Infinity)).toBeCloseTo(Math.PI ** 2 / 6 - 1.25, 12);
    let direct = 0;
    for (let k = 5; k <= 5000; k++) direct += k ** -1.3;
    expect(powerSum(1.3, 5, 5000) / direct).toBeCloseTo(1, 12);
    let harmonic = 0;
    for (let k = 1; k <= 100000; k++) harmonic += 1 / k;
    expect(powerSum(1, 1, 100000) / harmonic).toBeCloseTo(1, 12);
    expect(powerSum(0.5, 2, 2)).toBeCloseTo(1 / Math.SQRT2, 14);
  });

  it('rejects divergent and malformed sums', () => {
    expect(() => powerSum(1, 1, Infinity)).toThrow(/s > 1/);
    expect(() => powerSum(2, 0, 10)).toThrow(/a must/);
    expect(() => powerSum(2, 5, 4)).toThrow(/b must/);
  });
});

describe('fitPowerLaw (discrete)', () => {
  it('recovers α from an exact Zipf sample with xmin fixed at 1', () => {
    const draw = zipfSampler(2.5, mulberry32(12345));
    const sample = Array.from({ length: 5000 }, draw);
    const fit = fitPowerLaw(sample, { xmin: 1 });
    expect(fit).not.toBeNull();
    expect(fit!.alpha).toBeGreaterThan(2.42);
    expect(fit!.alpha).toBeLessThan(2.58);
    expect(fit!.n).toBe(5000);
    expect(fit!.ks).toBeLessThan(0.02);
    expect(fit!.discrete).toBe(true);
    expect(fit!.xmax).toBeUndefined();
  });

  it('selects xmin by KS distance when the body is not a power law', () => {
    const uniform = mulberry32(777);
    const draw = zipfSampler(2.2, uniform);
    const sample: number[] = [];
    // Tail: Zipf(2.2) restricted to x ≥ 10 (rejection keeps it exact).
    while (sample.length < 2000) {
      const x = draw();
      if (x >= 10) sample.push(x);
    }
    // Body: 3000 values uniform on 1..9, unlike any power law.
    for (let i = 0; i < 3000; i++) sample.push(1 + Math.floor(uniform() * 9));
    const fit = fitPowerLaw(sample);
    expect(fit).not.toBeNull();
    expect(fit!.xmin).toBeGreaterThanOrEqual(9);
    expect(fit!.xmin).toBeLessThanOrEqual(14);
    expect(fit!.alpha).toBeGreaterThan(2.05);
    expect(fit!.alpha).toBeLessThan(2.35);
  });

  it('fits an upper-truncated law', () => {
    // Exact sampling from p(x) ∝ x^-1.5 on 1..200 by inverting the tabulated CDF.
    const uniform = mulberry32(99);
    const weights = Array.from({ length: 200 }, (_, i) => (i + 1) ** -1.5);
    const total = weights.reduce((a, b) => a + b, 0);
    const cdf: number[] = [];
    let acc = 0;
    for (const w of weights) cdf.push((acc += w / total));
    const sample = Array.from({ length: 4000 }, () => {
      const u = uniform();
      const k = cdf.findIndex((c) => u < c);
      return (k < 0 ? 199 : k) + 1;
    });
    const fit = fitPowerLaw(sample, { xmin: 1, xmax: 200 });
    expect(fit!.xmax).toBe(200);
    expect(fit!.alpha).toBeGreaterThan(1.44);
    expect(fit!.alpha).toBeLessThan(1.56);
    expect(fit!.ks).toBeLessThan(0.03);
  });

  it('returns null without enough data and validates values', () => {
    expect(fitPowerLaw([])).toBeNull();
    expect(fitPowerLaw([0, 0, 3])).toBeNull();
    expect(() => fitPowerLaw([1.5, 2])).toThrow(/not an integer/);
    expect(() => fitPowerLaw([1, 2], { xmin: 0 })).toThrow(/xmin/);
  });
});

describe('fitPowerLaw (continuous)', () => {
  it('recovers α and xmin from an exact Pareto sample', () => {
    const uniform = mulberry32(4242);
    // Inverse CDF: x = xmin (1 − u)^(−1/(α−1)), α = 3, xmin = 2.
    const sample = Array.from({ length: 4000 }, () => 2 * (1 - uniform()) ** (-1 / 2));
    const fixed = fitPowerLaw(sample, { discrete: false, xmin: 2 });
    expect(fixed!.alpha).toBeGreaterThan(2.92);
    expect(fixed!.alpha).toBeLessThan(3.08);
    const scanned = fitPowerLaw(sample, { discrete: false });
    expect(scanned!.alpha).toBeGreaterThan(2.8);
    expect(scanned!.alpha).toBeLessThan(3.2);
    expect(scanned!.ks).toBeLessThanOrEqual(fixed!.ks);
  });

  it('fits a truncated continuous law by numeric MLE', () => {
    const uniform = mulberry32(5);
    // Truncated Pareto on [1, 100] with α = 2: F(x) = (1 − x^-1)/(1 − 1/100).
    const sample = Array.from({ length: 4000 }, () => 1 / (1 - uniform() * (1 - 1 / 100)));
    const fit = fitPowerLaw(sample, { discrete: false, xmin: 1, xmax: 100 });
    expect(fit!.alpha).toBeGreaterThan(1.93);
    expect(fit!.alpha).toBeLessThan(2.07);
    expect(fit!.ks).toBeLessThan(0.03);
  });
});
