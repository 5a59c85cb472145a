import { describe, expect, it } from 'vitest';
import { findPreset } from '@p2pvalue/sim';
import { checkState, designFromState, exportableDesign, parseImportedDesigns, stateFromDesign, updateParam, type DesignerState } from './design-state';
import { estimateComputeSeconds } from './estimate';
import { addLhsParameter, initialRange, removeLhsParameter, sampleableParameters, updateLhsParameter } from './lhs-state';

function sensitivityState(): DesignerState {
  const state = { ...stateFromDesign(findPreset('default')!), kind: 'lhs' as const, repetitions: '2', steps: '50' };
  let lhs = { ...state.lhs, samples: '10' };
  lhs = addLhsParameter(lhs, 'chance-9s-exit', state.variant);
  lhs = addLhsParameter(lhs, 'initial-number-9s', state.variant);
  lhs = updateLhsParameter(lhs, 'initial-number-9s', { min: '5', max: '40' });
  return { ...state, lhs };
}

describe('designer sensitivity mode', () => {
  it('offers numeric parameters only, starting from their allowed range', () => {
    const state = stateFromDesign(findPreset('default')!);
    const offered = sampleableParameters(state.lhs).map((s) => s.name);
    expect(offered).toContain('chance-9s-exit');
    expect(offered).not.toContain('platform-features');
    expect(addLhsParameter(state.lhs, 'platform-features', 'D2.2').parameters).toHaveLength(0);
    expect(addLhsParameter(state.lhs, 'chance-9s-exit', 'D2.2').parameters).toEqual([{ name: 'chance-9s-exit', min: '0', max: '1' }]);
    expect(sampleableParameters(addLhsParameter(state.lhs, 'chance-9s-exit', 'D2.2')).map((s) => s.name)).not.toContain('chance-9s-exit');
    const { min, max } = initialRange({ name: 'x', type: 'number', default: 3, finalDefault: 3, min: null, max: null, step: null, options: null, description: '' }, 'D2.2');
    expect([min, max]).toEqual([0, 6]);
  });

  it('builds a design with lhs whose run count and estimate follow the samples', () => {
    const check = checkState(sensitivityState());
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.design.lhs).toEqual({ samples: 10, parameters: { 'chance-9s-exit': { min: 0, max: 1 }, 'initial-number-9s': { min: 5, max: 40 } } });
    expect(check.checked).toMatchObject({ conditions: 10, totalRuns: 20 });
    const twice = checkState({ ...sensitivityState(), lhs: { ...sensitivityState().lhs, samples: '20' } });
    expect(twice.ok && twice.checked.totalRuns).toBe(40);
    expect(twice.ok && estimateComputeSeconds(twice.checked.design)).toBeGreaterThan(estimateComputeSeconds(check.checked.design) * 1.5);
    // Back to a sweep: the hypercube is kept aside, not in the design.
    const factorial = checkState({ ...sensitivityState(), kind: 'factorial' });
    expect(factorial.ok && factorial.design.lhs).toBeUndefined();
  });

  it('exports and imports the hypercube with the design JSON', () => {
    const check = checkState(sensitivityState());
    if (!check.ok) throw new Error('expected a valid design');
    const exported = exportableDesign(check);
    expect(exported).toMatchObject({ lhs: check.design.lhs, totalRuns: 20, combinations: 10 });
    const imported = parseImportedDesigns(JSON.stringify(exported));
    if ('error' in imported) throw new Error(imported.error);
    const state = stateFromDesign(imported.designs[0]!);
    expect(state.kind).toBe('lhs');
    const again = checkState(state);
    expect(again.ok && again.design).toEqual(check.design);
  });

  it('puts each refusal on its control', () => {
    const state = sensitivityState();
    const outOfRange = checkState({ ...state, lhs: updateLhsParameter(state.lhs, 'chance-9s-exit', { max: '3' }) });
    expect(outOfRange.ok ? null : outOfRange.errors).toEqual({ 'lhs:chance-9s-exit': 'parameter "chance-9s-exit" must be in [0, 1], got 3' });
    expect(designFromState({ ...state, lhs: updateLhsParameter(state.lhs, 'chance-9s-exit', { min: '' }) }).errors).toEqual({ 'lhs:chance-9s-exit': 'Minimum and maximum must be numbers' });
    const tooFew = checkState({ ...state, lhs: { ...state.lhs, samples: '1' } });
    expect(tooFew.ok ? null : Object.keys(tooFew.errors)).toEqual(['lhsSamples']);
    const none = checkState({ ...state, lhs: removeLhsParameter(removeLhsParameter(state.lhs, 'chance-9s-exit'), 'initial-number-9s') });
    expect(none.ok ? null : none.errors.lhs).toBe('Choose at least one parameter to sample');
    const swept = checkState(updateParam(state, 'platform-features', { mode: 'list', picked: ['false', 'true'] }));
    expect(swept.ok ? null : Object.keys(swept.errors)).toEqual(['param:platform-features']);
  });
});
