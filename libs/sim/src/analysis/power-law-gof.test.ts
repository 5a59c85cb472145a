import { describe, expect, it } from 'vitest';
import { fitPowerLaw } from './power-law';
import { powerLawGoodnessOfFit } from './power-law-gof';
import { mulberry32, zipfSampler } from './test-prng';

const zipf = (n: number, alpha: number, seed: number): number[] => Array.from({ length: n }, zipfSampler(alpha, mulberry32(seed)));

describe('powerLawGoodnessOfFit (CSN bootstrap)', () => {
  it('does not rule out a power law on a genuine Zipf sample', () => {
    const r = powerLawGoodnessOfFit(zipf(400, 2.5, 7), { seed: 1, bootstraps: 100 });
    expect(r).not.toBeNull();
    expect(r!.p).toBeGreaterThan(0.1);
    expect(r!.bootstraps).toBe(100);
    expect(r!.unfitted).toBe(0);
    // The fit reported is the plain fit of the data.
    expect(r!.fit).toEqual(fitPowerLaw(zipf(400, 2.5, 7)));
  });

  it('rules out a power law for geometric data with a large tail', () => {
    const u = mulberry32(9);
    const geometric = Array.from({ length: 400 }, () => 1 + Math.floor(-20 * Math.log(1 - u())));
    const r = powerLawGoodnessOfFit(geometric, { seed: 1, bootstraps: 60, minTail: 100 });
    expect(r!.p).toBeLessThanOrEqual(0.1);
  });

  it('works for continuous data: Pareto passes, exponential fails', () => {
    const u = mulberry32(11);
    const pareto = Array.from({ length: 400 }, () => 2 * (1 - u()) ** (-1 / 1.5));
    expect(powerLawGoodnessOfFit(pareto, { seed: 3, bootstraps: 100, discrete: false })!.p).toBeGreaterThan(0.1);
    const exponential = Array.from({ length: 400 }, () => 1 - 5 * Math.log(1 - u()));
    expect(powerLawGoodnessOfFit(exponential, { seed: 3, bootstraps: 100, discrete: false })!.p).toBeLessThanOrEqual(0.1);
  });

  it('honours truncation and a fixed xmin in the synthetic fits', () => {
    const data = zipf(300, 2, 5).filter((x) => x <= 40);
    const r = powerLawGoodnessOfFit(data, { seed: 2, bootstraps: 40, xmax: 40, xmin: 2 });
    expect(r!.fit.xmax).toBe(40);
    expect(r!.fit.xmin).toBe(2);
    expect(r!.p).toBeGreaterThan(0.1);
  });

  it('is deterministic for a seed and depends on it', () => {
    const data = zipf(200, 2.2, 21);
    const a = powerLawGoodnessOfFit(data, { seed: 42, bootstraps: 50 });
    const b = powerLawGoodnessOfFit(data, { seed: 42, bootstraps: 50 });
    expect(b).toEqual(a);
    const others = [1, 2, 3, 4, 5].map((seed) => powerLawGoodnessOfFit(data, { seed, bootstraps: 50 })!.p);
    expect(new Set([a!.p, ...others]).size).toBeGreaterThan(1);
  });

  it('returns null when the data cannot be fitted and rejects bad options', () => {
    expect(powerLawGoodnessOfFit([1, 2, 3], { seed: 1 })).toBeNull();
    expect(() => powerLawGoodnessOfFit(zipf(50, 2, 1), { seed: 1.5 })).toThrow(/seed/);
    expect(() => powerLawGoodnessOfFit(zipf(50, 2, 1), { seed: 1, bootstraps: 0 })).toThrow(/bootstraps/);
  });
});
