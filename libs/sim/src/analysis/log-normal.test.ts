import { describe, expect, it } from 'vitest';
import { fitLogNormal } from './log-normal';
import { mulberry32, normalSampler } from './test-prng';

describe('fitLogNormal', () => {
  it('recovers μ and σ from a seeded sample', () => {
    const z = normalSampler(mulberry32(2024));
    const sample = Array.from({ length: 5000 }, () => Math.exp(1.5 + 0.8 * z()));
    const fit = fitLogNormal(sample);
    expect(fit).not.toBeNull();
    expect(fit!.mu).toBeGreaterThan(1.47);
    expect(fit!.mu).toBeLessThan(1.53);
    expect(fit!.sigma).toBeGreaterThan(0.78);
    expect(fit!.sigma).toBeLessThan(0.82);
    expect(fit!.ks).toBeLessThan(0.025);
    expect(fit!.n).toBe(5000);
  });

  it('computes the exact MLE on a tiny sample', () => {
    const fit = fitLogNormal([1, Math.E, Math.E ** 2, 0]);
    expect(fit!.n).toBe(3);
    expect(fit!.mu).toBeCloseTo(1, 12);
    expect(fit!.sigma).toBeCloseTo(Math.sqrt(2 / 3), 12);
  });

  it('returns null for degenerate data', () => {
    expect(fitLogNormal([])).toBeNull();
    expect(fitLogNormal([3, 3, 3])).toBeNull();
    expect(fitLogNormal([0, 5])).toBeNull();
    expect(() => fitLogNormal([Infinity, 2])).toThrow(/finite/);
  });
});
