import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@p2pvalue/shared';
import { checkExperimentDesign, expandExperimentRuns } from './experiment-design';

const experiments = JSON.parse(readFileSync(resolve(__dirname, '../../../../../shared/sim/experiments.json'), 'utf8')) as Array<{ name: string; totalRuns: number }>;

const tiny = { name: 'tiny', repetitions: 2, steps: 20, enumerated: { 'platform-features': [false, true] }, seed: 7 };

function reason(design: unknown): string {
  try {
    checkExperimentDesign(design);
  } catch (error) {
    if (isAppError(error) && error.code === 'BAD_REQUEST') return error.userMessage;
    throw error;
  }
  throw new Error('design was accepted');
}

describe('checkExperimentDesign', () => {
  it('accepts all 13 original experiments and expands each to its declared number of runs', () => {
    expect(experiments).toHaveLength(13);
    for (const entry of experiments) {
      const checked = checkExperimentDesign(entry);
      const runs = expandExperimentRuns(checked);
      expect(runs.length, entry.name).toBe(entry.totalRuns);
      expect(checked.totalRuns, entry.name).toBe(entry.totalRuns);
      expect(new Set(runs.map((r) => `${r.conditionIndex}/${r.replicate}`)).size, entry.name).toBe(runs.length);
    }
  });

  it('derives per-run seeds deterministically from the root seed', () => {
    const a = expandExperimentRuns(checkExperimentDesign(tiny));
    const b = expandExperimentRuns(checkExperimentDesign(tiny));
    const c = expandExperimentRuns(checkExperimentDesign({ ...tiny, seed: 8 }));
    expect(a.map((r) => r.seed)).toEqual(b.map((r) => r.seed));
    expect(new Set(a.map((r) => r.seed)).size).toBe(4);
    expect(c.map((r) => r.seed)).not.toEqual(a.map((r) => r.seed));
    expect(a.map((r) => [r.conditionIndex, r.replicate, r.params['platform-features']])).toEqual([
      [0, 0, false],
      [0, 1, false],
      [1, 0, true],
      [1, 1, true],
    ]);
  });

  it('refuses an unknown parameter, naming it', () => {
    expect(reason({ ...tiny, enumerated: { 'no-such-knob': [1] } })).toMatch(/unknown parameter "no-such-knob"/);
  });

  it('refuses an out-of-range value, naming the parameter and its range', () => {
    expect(reason({ ...tiny, enumerated: { 'initial-number-1s': [5, 101] } })).toMatch(/initial-number-1s.*\[0, 100\].*101/);
    expect(reason({ ...tiny, stepped: { 'chance-9s-exit': { first: 0, step: 0.5, last: 2 } } })).toMatch(/chance-9s-exit.*\[0, 1\]/);
  });

  it('refuses a wrong value type and an unknown choice', () => {
    expect(reason({ ...tiny, enumerated: { 'platform-features': ['yes'] } })).toMatch(/platform-features.*boolean/);
    expect(reason({ ...tiny, enumerated: { 'community-type': ['underwater'] } })).toMatch(/community-type.*"online", "offline"/);
  });

  it('refuses negative ticks, too many ticks, and 10⁹ runs, with the reason', () => {
    expect(reason({ ...tiny, steps: -1 })).toMatch(/design\.steps: ticks must not be negative/);
    expect(reason({ ...tiny, steps: 10_000_000 })).toMatch(/at most 100000 ticks/);
    expect(reason({ ...tiny, repetitions: 1_000_000_000 })).toMatch(/2000000000 runs; at most 10000 runs/);
    expect(reason({ ...tiny, stepped: { 'chance-9s-exit': { first: 0, step: 1e-9, last: 1 } } })).toMatch(/at most 10000 runs/);
  });

  it('refuses unknown metrics and fields, and a totalRuns that does not match', () => {
    expect(reason({ ...tiny, metrics: ['count_1s', 'nope'] })).toMatch(/design\.metrics\[1\]: unknown metric "nope"/);
    expect(reason({ ...tiny, colour: 'red' })).toMatch(/colour/);
    expect(reason({ ...tiny, totalRuns: 5 })).toMatch(/declares 5 runs but the design expands to 4/);
  });

  describe('Latin-hypercube designs', () => {
    const lhsDesign = {
      name: 'lhs',
      repetitions: 2,
      steps: 10,
      enumerated: { 'platform-features': [true] },
      lhs: { samples: 8, parameters: { 'chance-9s-exit': { min: 0.01, max: 0.2 }, 'initial-number-9s': { min: 5, max: 40 } } },
      seed: 3,
    };

    it('counts samples × repetitions and expands each sample with the fixed values, integers where the parameter is', () => {
      const checked = checkExperimentDesign(lhsDesign);
      expect(checked).toMatchObject({ conditions: 8, totalRuns: 16, rootSeed: 3 });
      const runs = expandExperimentRuns(checked);
      expect(runs).toHaveLength(16);
      expect(runs.every((r) => r.params['platform-features'] === true && Number.isInteger(r.params['initial-number-9s']))).toBe(true);
      expect(new Set(runs.map((r) => r.params['chance-9s-exit'])).size).toBe(8);
      expect(checkExperimentDesign({ ...lhsDesign, totalRuns: 16 }).totalRuns).toBe(16);
    });

    it('refuses non-numeric parameters, ranges outside the allowed range and a second varying set, naming the parameter', () => {
      const withParams = (parameters: object) => ({ ...lhsDesign, lhs: { samples: 8, parameters } });
      expect(reason(withParams({ 'featured-needs?': { min: 0, max: 1 } }))).toMatch(/design\.lhs\.parameters\["featured-needs\?"\]: .*boolean; only numeric parameters/);
      expect(reason(withParams({ 'platform-features': { min: 0, max: 1 } }))).toMatch(/"platform-features" is both sampled and enumerated/);
      expect(reason(withParams({ 'chance-9s-exit': { min: 0, max: 2 } }))).toMatch(/design\.lhs\.parameters\["chance-9s-exit"\]\.max: parameter "chance-9s-exit" must be in \[0, 1\], got 2/);
      expect(reason(withParams({ 'initial-number-9s': { min: 5.2, max: 5.8 } }))).toMatch(/initial-number-9s.*integer.*holds none/);
      expect(reason(withParams({ 'no-such-knob': { min: 0, max: 1 } }))).toMatch(/unknown parameter "no-such-knob"/);
      expect(reason({ ...lhsDesign, enumerated: { 'platform-features': [false, true] } })).toMatch(/design\.enumerated\["platform-features"\].*one value/);
      expect(reason({ ...lhsDesign, lhs: { ...lhsDesign.lhs, samples: 1 } })).toMatch(/design\.lhs\.samples: a Latin hypercube needs at least 2 samples/);
      expect(reason({ ...lhsDesign, lhs: { ...lhsDesign.lhs, samples: 6000 } })).toMatch(/12000 runs; at most 10000/);
    });
  });
});
