import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/xoshiro128';
import { DesignError, validateDesign, type Design } from './design';
import { countRuns, designConditions, expandDesign } from './expand-design';
import { latinHypercubeSamples, lhsSeed, scaleToRange, unitLatinHypercube, type LhsSpec } from './latin-hypercube';

const lhs: LhsSpec = {
  samples: 20,
  parameters: { 'new-9s-barrier': { min: 0.5, max: 2.5 }, 'initial-number-9s': { min: 3, max: 60 }, 'initial-tasks': { min: 1, max: 4 } },
};

const stratumOf = (value: number, min: number, max: number, n: number) => Math.min(n - 1, Math.floor(((value - min) / (max - min)) * n));

describe('unitLatinHypercube', () => {
  it('hits every stratum of every dimension exactly once', () => {
    for (const n of [1, 2, 7, 50]) {
      const cube = unitLatinHypercube(n, 4, new Rng(9));
      expect(cube).toHaveLength(n);
      for (let d = 0; d < 4; d++) {
        const strata = cube.map((row) => Math.floor((row[d] as number) * n)).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(cube.every((row) => (row[d] as number) >= 0 && (row[d] as number) < 1)).toBe(true);
      }
    }
  });

  it('pairs the strata differently in each dimension (independent permutations)', () => {
    const cube = unitLatinHypercube(50, 2, new Rng(3));
    const a = cube.map((row) => Math.floor((row[0] as number) * 50));
    const b = cube.map((row) => Math.floor((row[1] as number) * 50));
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe('scaleToRange', () => {
  it('keeps continuous values inside the range and gives integers equal shares', () => {
    expect(scaleToRange(0, { min: 2, max: 4 }, false)).toBe(2);
    expect(scaleToRange(0.999999, { min: 2, max: 4 }, false)).toBeLessThanOrEqual(4);
    // 1..4 has four integers, each a quarter of [0, 1): the ends are not halved as with rounding.
    expect([0, 0.249, 0.25, 0.5, 0.75, 0.9999].map((u) => scaleToRange(u, { min: 1, max: 4 }, true))).toEqual([1, 1, 2, 3, 4, 4]);
  });
});

describe('latinHypercubeSamples', () => {
  it('is reproducible from the root seed and changes with it', () => {
    expect(latinHypercubeSamples(lhs, 42)).toEqual(latinHypercubeSamples(lhs, 42));
    expect(latinHypercubeSamples(lhs, 43)).not.toEqual(latinHypercubeSamples(lhs, 42));
    expect(lhsSeed(42)).toBe(lhsSeed(42));
  });

  it('does not depend on the order of the parameters (a design read back from jsonb has its keys sorted)', () => {
    const reordered: LhsSpec = { samples: 20, parameters: Object.fromEntries(Object.entries(lhs.parameters).reverse()) };
    const a = latinHypercubeSamples(lhs, 42);
    const b = latinHypercubeSamples(reordered, 42);
    expect(Object.keys(b[0] ?? {})).toEqual(['initial-tasks', 'initial-number-9s', 'new-9s-barrier']);
    expect(b.map((s) => ({ ...s }))).toEqual(a.map((s) => ({ ...s })));
    b.forEach((s, i) => expect(s).toEqual(a[i]));
  });

  it('respects the bounds, one value per stratum for continuous parameters, integers for integer parameters', () => {
    const samples = latinHypercubeSamples(lhs, 7);
    expect(samples).toHaveLength(20);
    expect(Object.keys(samples[0] ?? {})).toEqual(['new-9s-barrier', 'initial-number-9s', 'initial-tasks']);
    const barrier = samples.map((s) => s['new-9s-barrier'] as number);
    expect(barrier.every((v) => v >= 0.5 && v <= 2.5)).toBe(true);
    expect(barrier.map((v) => stratumOf(v, 0.5, 2.5, 20)).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // 58 integers in 20 strata: flooring to the integer grid moves a value down by less than one
    // integer, so the i-th smallest lies in stratum i or, at a boundary, i − 1.
    const nines = samples.map((s) => s['initial-number-9s'] as number);
    expect(nines.every((v) => Number.isInteger(v) && v >= 3 && v <= 60)).toBe(true);
    const strata = nines.map((v) => stratumOf(v, 3, 61, 20)).sort((a, b) => a - b);
    strata.forEach((stratum, i) => expect([i - 1, i]).toContain(stratum));
    // 4 integers, 20 samples: each integer exactly 5 times.
    const tasks = samples.map((s) => s['initial-tasks'] as number);
    for (const v of [1, 2, 3, 4]) expect(tasks.filter((t) => t === v)).toHaveLength(5);
  });
});

describe('designs with a Latin hypercube', () => {
  const design: Design = { name: 'lhs', repetitions: 3, steps: 10, enumerated: { 'platform-features': [true] }, lhs, seed: 5 };

  it('expands to samples × repetitions runs, each sample a condition with the fixed values', () => {
    expect(countRuns(design)).toBe(60);
    const runs = expandDesign(design);
    expect(runs).toHaveLength(60);
    const samples = latinHypercubeSamples(lhs, 5);
    expect(runs[0]?.params).toEqual({ 'platform-features': true, ...samples[0] });
    expect(runs[2]?.params).toEqual(runs[0]?.params);
    expect(runs[3]).toMatchObject({ conditionIndex: 1, replicate: 0, params: { 'platform-features': true, ...samples[1] } });
    expect(new Set(runs.map((r) => r.seed)).size).toBe(60);
  });

  it('draws the samples from the seed the runs use', () => {
    expect(designConditions(design)).toEqual(designConditions(design, 5));
    const reseeded = expandDesign(design, { rootSeed: 6 });
    expect(reseeded[0]?.params).toEqual({ 'platform-features': true, ...latinHypercubeSamples(lhs, 6)[0] });
  });

  it('is validated with errors that name the parameter', () => {
    const base = { name: 'x', repetitions: 1, steps: 10, enumerated: {} };
    expect(validateDesign({ ...base, lhs })).toEqual({ ...base, lhs });
    const errorOf = (input: unknown) => {
      try {
        validateDesign(input, { knownParams: new Set(['a', 'b']) });
      } catch (e) {
        if (e instanceof DesignError) return e;
        throw e;
      }
      throw new Error('expected a DesignError');
    };
    expect(errorOf({ ...base, lhs: { samples: 1, parameters: { a: { min: 0, max: 1 } } } }).field).toBe('design.lhs.samples');
    expect(errorOf({ ...base, lhs: { samples: 5, parameters: {} } }).field).toBe('design.lhs.parameters');
    expect(errorOf({ ...base, lhs: { samples: 5, parameters: { c: { min: 0, max: 1 } } } }).message).toContain('unknown parameter "c"');
    const reversed = errorOf({ ...base, lhs: { samples: 5, parameters: { a: { min: 2, max: 1 } } } });
    expect(reversed.field).toBe('design.lhs.parameters["a"]');
    expect(reversed.message).toContain('min (2) must be below max (1)');
    expect(errorOf({ ...base, enumerated: { a: [1] }, lhs: { samples: 5, parameters: { a: { min: 0, max: 1 } } } }).message).toContain('both sampled and enumerated');
    expect(errorOf({ ...base, lhs: { samples: 5, parameters: { a: { min: 0, max: 1, step: 1 } } } }).field).toBe('design.lhs.parameters["a"].step');
  });
});
