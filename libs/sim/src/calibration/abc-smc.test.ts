import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { absorbBatch, AbcSettingsError, proposeBatch, runAbcSmc, startAbcSmc, type AbcProposal, type AbcSmcSettings } from './abc-smc';
import { normalisedRmse } from './distance';
import { summarisePosterior, weightedBand } from './posterior';
import { effectiveSampleSize, weightedQuantile, weightedVariance } from './weighted-stats';

// A toy model with a known answer: observe 20 draws of Normal(mu, 1); the distance is |sample mean − observed mean|.
const settings: AbcSmcSettings = { priors: [{ name: 'mu', min: -10, max: 10 }], populationSize: 60, maxGenerations: 6, alpha: 0.5, finalTolerance: 0, maxSimulationsPerGeneration: 600, minAcceptanceRate: 0.01, seed: 5 };
const OBSERVED_MEAN = 2.5;
const toy = (proposals: AbcProposal[]) =>
  proposals.map((p) => {
    const rng = new Rng(p.seed);
    let s = 0;
    for (let i = 0; i < 20; i++) s += rng.normal(p.params['mu'] as number, 1);
    return Math.abs(s / 20 - OBSERVED_MEAN);
  });

describe('weighted statistics', () => {
  it('computes quantiles, variance and effective sample size on known inputs', () => {
    expect(weightedQuantile([3, 1, 2], [1, 1, 1], 0.5)).toBe(2);
    expect(weightedQuantile([1, 2, 3], [0.1, 0.1, 0.8], 0.5)).toBe(3);
    expect(weightedQuantile([1, 2, 3], [0.1, 0.1, 0.8], 0.05)).toBe(1);
    expect(weightedVariance([0, 2], [1, 1])).toBeCloseTo(1, 12);
    expect(effectiveSampleSize([1, 1, 1, 1])).toBeCloseTo(4, 12);
    expect(effectiveSampleSize([1, 0, 0, 0])).toBeCloseTo(1, 12);
  });
});

describe('normalised RMSE distance', () => {
  it('divides each series’ error by its observed scale and averages the squares over series', () => {
    // count: scale 10, errors (0, 10) → mean square 0.5; small: scale max(1, 0.5) = 1, errors (1, 0) → 0.5.
    expect(normalisedRmse({ count: [10, 10], small: [0, 1] }, { count: [10, 20], small: [1, 1] })).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(normalisedRmse({ a: [4, 4, 4] }, { a: [4, 4, 4] })).toBe(0);
  });

  it('keeps the last value of a run that stopped early and counts a missing value as 0', () => {
    expect(normalisedRmse({ a: [2, 2, 2] }, { a: [2] })).toBe(0);
    expect(normalisedRmse({ a: [2, 2] }, { a: [null, 2] })).toBeCloseTo(Math.sqrt(0.5), 12);
  });
});

describe('ABC-SMC', () => {
  it('concentrates on the answer with shrinking tolerances and normalised weights', async () => {
    const state = await runAbcSmc(settings, toy);
    expect(state.done).toBe(true);
    expect(state.stopReason).toBe('generations');
    expect(state.history).toHaveLength(6);
    const tolerances = state.history.map((h) => h.tolerance);
    for (let i = 1; i < tolerances.length; i++) expect(tolerances[i]).toBeLessThanOrEqual(tolerances[i - 1] as number);
    expect(state.population).toHaveLength(60);
    expect(state.population.reduce((a, p) => a + p.weight, 0)).toBeCloseTo(1, 9);
    for (const p of state.population) expect(p.distance).toBeLessThanOrEqual(tolerances[5] as number);
    const [mu] = summarisePosterior(state.population, settings.priors);
    // The posterior of mu given the sample mean 2.5 is about Normal(2.5, 1/sqrt(20) = 0.22).
    expect(mu?.median).toBeGreaterThan(2.2);
    expect(mu?.median).toBeLessThan(2.8);
    expect((mu?.q95 ?? 0) - (mu?.q05 ?? 0)).toBeLessThan(1.5);
    expect(mu?.q05).toBeLessThan(2.5);
    expect(mu?.q95).toBeGreaterThan(2.5);
  });

  it('is deterministic for a seed, and the state survives JSON between batches', async () => {
    const a = await runAbcSmc(settings, toy);
    let state = startAbcSmc(settings);
    while (!state.done) {
      const batch = proposeBatch(JSON.parse(JSON.stringify(state)));
      state = JSON.parse(JSON.stringify(absorbBatch(batch.state, toy(batch.proposals))));
    }
    expect(state.population).toEqual(a.population);
    expect(state.history).toEqual(a.history);
    const b = await runAbcSmc({ ...settings, seed: 6 }, toy);
    expect(b.population).not.toEqual(a.population);
  });

  it('proposes inside the prior and never accepts a failed run', () => {
    let state = startAbcSmc({ ...settings, maxGenerations: 2 });
    let batch = proposeBatch(state);
    expect(batch.proposals).toHaveLength(120);
    state = absorbBatch(batch.state, batch.proposals.map((p, i) => (i % 2 === 0 ? NaN : Math.abs((p.params['mu'] as number) - 2))));
    expect(state.generation).toBe(1);
    expect(state.population.every((p) => Number.isFinite(p.distance))).toBe(true);
    batch = proposeBatch(state);
    // Asking again before absorbing hands out the same batch.
    expect(proposeBatch(batch.state).proposals).toEqual(batch.proposals);
    for (const p of batch.proposals) {
      expect(p.params['mu']).toBeGreaterThanOrEqual(-10);
      expect(p.params['mu']).toBeLessThanOrEqual(10);
    }
    expect(() => absorbBatch(batch.state, [1])).toThrow(AbcSettingsError);
    // A failed run stored between batches (JSON turns NaN into null) is still never accepted.
    const failedAll = JSON.parse(JSON.stringify(absorbBatch(batch.state, batch.proposals.map(() => NaN)))) as typeof state;
    expect(failedAll.generation).toBe(1);
    expect(failedAll.tried.every((p) => p.distance === null)).toBe(true);
    const next = proposeBatch(failedAll);
    const after = absorbBatch(next.state, next.proposals.map(() => 0));
    expect(after.population.every((p) => p.distance === 0)).toBe(true);
  });

  it('relaxes a generation whose budget runs out and records it', () => {
    let state = startAbcSmc({ ...settings, populationSize: 4, maxSimulationsPerGeneration: 8, maxGenerations: 3 });
    let batch = proposeBatch(state);
    state = absorbBatch(batch.state, batch.proposals.map((_, i) => i + 1));
    expect(state.tolerance).toBe(2);
    // Nothing comes closer than the tolerance, so the second generation uses its whole budget.
    while (state.generation === 1 && !state.done) {
      batch = proposeBatch(state);
      state = absorbBatch(batch.state, batch.proposals.map(() => 3));
    }
    expect(state.history[1]).toMatchObject({ relaxed: true, simulations: 8, tolerance: 3, accepted: 4, acceptanceRate: 0 });
    // Nothing met the target at all: the sampler has stopped learning.
    expect(state).toMatchObject({ done: true, stopReason: 'acceptance' });
  });

  it('refuses settings it cannot run', () => {
    expect(() => startAbcSmc({ ...settings, priors: [{ name: 'x', min: 1, max: 1 }] })).toThrow(AbcSettingsError);
    expect(() => startAbcSmc({ ...settings, alpha: 1 })).toThrow(AbcSettingsError);
    expect(() => startAbcSmc({ ...settings, maxSimulationsPerGeneration: 10 })).toThrow(AbcSettingsError);
  });
});

describe('weighted band', () => {
  it('gives per-week quantiles, holding the last value of a short series', () => {
    const band = weightedBand([[1, 1, 1], [2, 2], [3, 3, 9]], [1, 1, 1], 3);
    expect(band.median).toEqual([2, 2, 2]);
    expect(band.q05).toEqual([1, 1, 1]);
    expect(band.q95).toEqual([3, 3, 9]);
  });
});
