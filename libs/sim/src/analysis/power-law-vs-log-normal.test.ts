import { describe, expect, it } from 'vitest';
import { fitLogNormal } from './log-normal';
import { comparePowerLawLogNormal, fitTruncatedLogNormal } from './power-law-vs-log-normal';
import { mulberry32, normalSampler, zipfSampler } from './test-prng';

describe('fitTruncatedLogNormal', () => {
  it('recovers μ and σ from a sample seen only above xmin, where the plain fit is biased', () => {
    const z = normalSampler(mulberry32(11));
    const tail = Array.from({ length: 20000 }, () => Math.exp(1 + 1.5 * z())).filter((x) => x >= 3);
    const fit = fitTruncatedLogNormal(tail, 3, Infinity, false);
    expect(fit).not.toBeNull();
    expect(Math.abs(fit!.mu - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit!.sigma - 1.5)).toBeLessThan(0.06);
    expect(fit!.n).toBe(tail.length);
    // Ignoring the truncation overestimates μ and underestimates σ.
    const naive = fitLogNormal(tail)!;
    expect(naive.mu).toBeGreaterThan(1.5);
    expect(naive.sigma).toBeLessThan(1.2);
  });

  it('rejects values outside the range and returns null for degenerate data', () => {
    expect(() => fitTruncatedLogNormal([1, 5, 9], 2)).toThrow(/\[2, Infinity\]/);
    expect(fitTruncatedLogNormal([4, 4, 4], 1)).toBeNull();
    expect(fitTruncatedLogNormal([4], 1)).toBeNull();
  });
});

describe('comparePowerLawLogNormal (Vuong)', () => {
  it('prefers the log-normal on continuous log-normal data', () => {
    const z = normalSampler(mulberry32(7));
    const sample = Array.from({ length: 3000 }, () => Math.exp(2 + z()));
    const r = comparePowerLawLogNormal(sample, { discrete: false, xmin: Math.exp(2) });
    expect(r).not.toBeNull();
    expect(r!.logLikelihoodRatio).toBeLessThan(0);
    expect(r!.p).toBeLessThan(1e-6);
    expect(r!.preferred).toBe('log-normal');
    expect(Math.abs(r!.logNormal.mu - 2)).toBeLessThan(0.15);
    expect(Math.abs(r!.logNormal.sigma - 1)).toBeLessThan(0.1);
    expect(r!.n).toBe(r!.powerLaw.n);
  });

  it('prefers the log-normal on rounded log-normal data against a truncated discrete power law', () => {
    const z = normalSampler(mulberry32(10));
    const sample = Array.from({ length: 3000 }, () => Math.max(1, Math.round(Math.exp(3 + 1.2 * z()))));
    const r = comparePowerLawLogNormal(sample, { xmin: 20, xmax: Math.max(...sample) });
    expect(r!.powerLaw.xmax).toBe(Math.max(...sample));
    expect(r!.logLikelihoodRatio).toBeLessThan(0);
    expect(r!.p).toBeLessThan(1e-6);
    expect(r!.preferred).toBe('log-normal');
  });

  it('never prefers the log-normal on power-law data (the nested case: a large p means "cannot tell")', () => {
    const u = mulberry32(8);
    const pareto = Array.from({ length: 3000 }, () => (1 - u()) ** (-1 / 1.5));
    const cont = comparePowerLawLogNormal(pareto, { discrete: false, xmin: 1 })!;
    expect(Math.abs(cont.powerLaw.alpha - 2.5)).toBeLessThan(0.1);
    expect(cont.preferred).not.toBe('log-normal');
    expect(cont.p).toBeGreaterThan(0.1);

    const zipf = zipfSampler(2.2, mulberry32(9));
    const counts = Array.from({ length: 3000 }, zipf);
    const disc = comparePowerLawLogNormal(counts, { xmin: 1 })!;
    expect(disc.logLikelihoodRatio).toBeGreaterThan(0);
    expect(disc.preferred).not.toBe('log-normal');
  });

  it('returns null when no power law can be fitted and validates the significance level', () => {
    expect(comparePowerLawLogNormal([1, 2, 3])).toBeNull();
    expect(() => comparePowerLawLogNormal([1, 2, 3], { significance: 1 })).toThrow(/significance/);
  });
});
