import { describe, expect, it } from 'vitest';
import type { Design } from './design';
import { countRuns, designConditions, designMetrics, expandDesign, steppedValues } from './expand-design';
import { BEHAVIORSPACE_METRICS } from './behaviorspace-metrics';

const design: Design = {
  name: 't',
  repetitions: 2,
  steps: 10,
  enumerated: { a: [1, 2], b: ['x', 'y', 'z'] },
  stepped: { c: { first: 0, step: 0.5, last: 1 } },
};

describe('steppedValues', () => {
  it('includes last and does not drift', () => {
    expect(steppedValues({ first: 0, step: 0.1, last: 0.3 })).toEqual([0, 0.1, 0.2, 0.3]);
    expect(steppedValues({ first: 0.005, step: 0.005, last: 0.03 })).toEqual([
      0.005, 0.01, 0.015, 0.02, 0.025, 0.03,
    ]);
    const tenths = steppedValues({ first: 0, step: 0.1, last: 1 });
    expect(tenths).toHaveLength(11);
    expect(tenths[7]).toBe(0.7); // 7 * 0.1 = 0.7000000000000001 unrounded
    expect(steppedValues({ first: 1, step: 3, last: 10 })).toEqual([1, 4, 7, 10]);
    expect(steppedValues({ first: 1, step: 3, last: 9 })).toEqual([1, 4, 7]);
    expect(steppedValues({ first: 1e-7, step: 1e-7, last: 3e-7 })).toEqual([1e-7, 2e-7, 3e-7]);
  });

  it('supports descending ranges', () => {
    expect(steppedValues({ first: 1, step: -0.25, last: 0 })).toEqual([1, 0.75, 0.5, 0.25, 0]);
  });
});

describe('expandDesign', () => {
  it('orders conditions like BehaviorSpace: first value set slowest, replicates consecutive', () => {
    const conditions = designConditions(design);
    expect(conditions).toHaveLength(18);
    expect(conditions[0]).toEqual({ a: 1, b: 'x', c: 0 });
    expect(conditions[1]).toEqual({ a: 1, b: 'x', c: 0.5 });
    expect(conditions[3]).toEqual({ a: 1, b: 'y', c: 0 });
    expect(conditions[9]).toEqual({ a: 2, b: 'x', c: 0 });
    expect(Object.keys(conditions[0] ?? {})).toEqual(['a', 'b', 'c']);

    const runs = expandDesign(design);
    expect(runs).toHaveLength(36);
    expect(countRuns(design)).toBe(36);
    expect(runs.slice(0, 3).map((r) => [r.runIndex, r.conditionIndex, r.replicate])).toEqual([
      [0, 0, 0],
      [1, 0, 1],
      [2, 1, 0],
    ]);
    expect(runs[2]?.params).toEqual({ a: 1, b: 'x', c: 0.5 });
  });

  it('gives every run a distinct, deterministic seed', () => {
    const runs = expandDesign(design, { rootSeed: 42 });
    expect(new Set(runs.map((r) => r.seed)).size).toBe(runs.length);
    expect(expandDesign(design, { rootSeed: 42 }).map((r) => r.seed)).toEqual(runs.map((r) => r.seed));
    const other = expandDesign(design, { rootSeed: 43 });
    expect(other[0]?.seed).not.toBe(runs[0]?.seed);
  });

  it('takes the root seed from the design, and repetitions from the options', () => {
    const seeded: Design = { ...design, seed: 42 };
    expect(expandDesign(seeded)[5]?.seed).toBe(expandDesign(design, { rootSeed: 42 })[5]?.seed);
    expect(expandDesign(design, { repetitions: 1 })).toHaveLength(18);
    expect(() => expandDesign(design, { repetitions: 0 })).toThrow(/repetitions/);
  });

  it('returns copies of params', () => {
    const runs = expandDesign(design);
    (runs[0] as { params: Record<string, unknown> }).params.a = 99;
    expect(runs[1]?.params.a).toBe(1);
  });

  it('handles a design with no value sets as one condition', () => {
    const runs = expandDesign({ name: 'd', repetitions: 3, steps: 5, enumerated: {} });
    expect(runs.map((r) => r.conditionIndex)).toEqual([0, 0, 0]);
    expect(runs[0]?.params).toEqual({});
  });

  it('defaults metrics to the 59 BehaviorSpace metrics', () => {
    expect(designMetrics(design)).toEqual([...BEHAVIORSPACE_METRICS]);
    expect(BEHAVIORSPACE_METRICS).toHaveLength(59);
    expect(designMetrics({ ...design, metrics: ['count_1s'] })).toEqual(['count_1s']);
  });
});
