import { describe, expect, it } from 'vitest';
import { EXPERIMENT_PRESETS, PARAMETERS, findPreset } from '@p2pvalue/sim';
import { checkExperimentDesign } from '@p2pvalue/platform/experiment-design';
import { checkState, designFromState, exportableDesign, fieldKeyOf, parseImportedDesigns, refusalOf, stateFromDesign, updateParam } from './design-state';
import { estimateComputeSeconds, formatDuration } from './estimate';
import { PARAMETER_GROUPS } from './parameter-groups';

const quickDeath = () => findPreset('offline21sep_QuickDeath')!;

describe('parameter groups', () => {
  it('hold every model parameter exactly once', () => {
    const grouped = PARAMETER_GROUPS.flatMap((g) => g.parameters);
    expect(new Set(grouped).size).toBe(grouped.length);
    expect([...grouped].sort()).toEqual(PARAMETERS.map((p) => p.name).sort());
  });
});

describe('designer state', () => {
  it('round-trips every original experiment: same values, same value-set order, same runs', () => {
    for (const preset of EXPERIMENT_PRESETS) {
      const check = checkState(stateFromDesign(preset));
      expect(check.ok, preset.name).toBe(true);
      if (!check.ok) continue;
      expect(Object.keys(check.design.enumerated)).toEqual(Object.keys(preset.enumerated));
      expect(check.design.enumerated).toEqual(preset.enumerated);
      // The 59 BehaviorSpace metrics are the default and stay implicit; another set is kept as listed.
      expect(check.design.metrics).toEqual(preset.metrics?.length === 59 ? undefined : preset.metrics);
      expect([check.design.seed, check.design.variant ?? 'D2.2', check.design.steps, check.design.repetitions]).toEqual([preset.seed, preset.variant ?? 'D2.2', preset.steps, preset.repetitions]);
      expect(check.checked.totalRuns).toBe(checkExperimentDesign(preset).totalRuns);
    }
  });

  it('builds lists, stepped ranges and a root seed from the controls', () => {
    let state = stateFromDesign(findPreset('default')!);
    state = updateParam(state, 'chance-9s-exit', { mode: 'list', listText: '0.01, 0.05 0.1' });
    state = updateParam(state, 'new-9s-barrier', { mode: 'range', first: '0.5', step: '0.5', last: '1.5' });
    state = updateParam(state, 'platform-features', { mode: 'list', picked: ['false', 'true'] });
    state = { ...state, seed: '42', repetitions: '2' };
    const check = checkState(state);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.design).toMatchObject({ seed: 42, enumerated: { 'chance-9s-exit': [0.01, 0.05, 0.1], 'platform-features': [false, true] }, stepped: { 'new-9s-barrier': { first: 0.5, step: 0.5, last: 1.5 } } });
    expect(check.checked.totalRuns).toBe(3 * 2 * 3 * 2);
    // Back to the default: the parameter leaves the design and the order.
    const reset = checkState(updateParam(state, 'chance-9s-exit', { mode: 'default' }));
    expect(reset.ok && Object.keys(reset.design.enumerated)).toEqual(['platform-features']);
  });

  it('refuses an out-of-range value with the server’s reason, attached to the parameter', () => {
    const state = updateParam(stateFromDesign(quickDeath()), 'chance-9s-exit', { mode: 'single', single: '2' });
    const check = checkState(state);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors['param:chance-9s-exit']).toMatch(/chance-9s-exit.*\[0, 1\].*got 2/);
  });

  it('refuses text that is not a number, negative ticks and too many runs', () => {
    const base = stateFromDesign(quickDeath());
    const notNumber = checkState(updateParam(base, 'initial-number-1s', { mode: 'single', single: 'abc' }));
    expect(!notNumber.ok && notNumber.errors['param:initial-number-1s']).toBe('Enter a number');
    const negative = checkState({ ...base, steps: '-5' });
    expect(!negative.ok && negative.errors.steps).toMatch(/negative/);
    const huge = checkState({ ...base, repetitions: '1000000000' });
    expect(!huge.ok && huge.errors.design).toMatch(/runs; at most 10000/);
  });

  it('maps refusal fields to controls', () => {
    expect(fieldKeyOf('design.enumerated["featured-needs?"][0]')).toBe('param:featured-needs?');
    expect(fieldKeyOf('design.stepped["x"].first')).toBe('param:x');
    expect(fieldKeyOf('design.enumerated.chance-9s-exit.0')).toBe('param:chance-9s-exit');
    expect(fieldKeyOf('design.steps')).toBe('steps');
    expect(fieldKeyOf('design.metrics[2]')).toBe('metrics');
    expect(fieldKeyOf('design')).toBe('design');
    expect(refusalOf('design.repetitions: expected an integer >= 1, got 0')).toEqual({ key: 'repetitions', reason: 'expected an integer >= 1, got 0' });
    expect(refusalOf('Only researchers can run simulation experiments.')).toEqual({ key: 'design', reason: 'Only researchers can run simulation experiments.' });
  });

  it('exports an experiments.json entry that imports back to the same design', () => {
    const check = checkState(stateFromDesign(quickDeath()));
    if (!check.ok) throw new Error('QuickDeath should be valid');
    const exported = exportableDesign(check);
    expect(exported).toMatchObject({ name: 'offline21sep_QuickDeath', repetitions: 8, steps: 400, combinations: 16, totalRuns: 128, seed: null });
    const imported = parseImportedDesigns(JSON.stringify([exported, { ...exported, name: 'second' }]));
    if ('error' in imported) throw new Error(imported.error);
    expect(imported.designs.map((d) => d.name)).toEqual(['offline21sep_QuickDeath', 'second']);
    const again = checkState(stateFromDesign(imported.designs[0]!));
    expect(again.ok && again.design).toEqual(check.design);
  });

  it('refuses imports that are not designs, naming the problem', () => {
    expect(parseImportedDesigns('{')).toEqual({ error: 'The file is not JSON.' });
    expect(parseImportedDesigns('[]')).toEqual({ error: 'The file lists no experiment.' });
    expect(parseImportedDesigns(JSON.stringify({ name: 'x', repetitions: 1, steps: 10, enumerated: { 'no-such-knob': [1] } }))).toEqual({ error: 'unknown parameter "no-such-knob"' });
    expect('error' in parseImportedDesigns(JSON.stringify({ name: 'x', repetitions: 1, steps: 10, enumerated: {}, extra: true }))).toBe(true);
  });

  it('keeps half-typed text out of the design', () => {
    const { errors } = designFromState({ ...stateFromDesign(quickDeath()), steps: '' });
    expect(errors.steps).toBe('Ticks must be a number');
  });
});

describe('time estimate', () => {
  it('grows with runs, ticks and population', () => {
    const one = estimateComputeSeconds({ name: 'a', repetitions: 1, steps: 400, enumerated: {} });
    expect(estimateComputeSeconds({ name: 'a', repetitions: 2, steps: 400, enumerated: {} })).toBeCloseTo(2 * one);
    expect(estimateComputeSeconds({ name: 'a', repetitions: 1, steps: 800, enumerated: {} })).toBeGreaterThan(one);
    expect(estimateComputeSeconds({ name: 'a', repetitions: 1, steps: 400, enumerated: { 'initial-number-90s': [900] } })).toBeGreaterThan(5 * one);
    expect(formatDuration(0.2)).toBe('under a second');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(3 * 3600)).toBe('3.0 h');
  });
});
