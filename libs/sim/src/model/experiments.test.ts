import { describe, it, expect } from 'vitest';
import { designConditions } from '../experiments/expand-design';
import { EXPERIMENT_PRESETS } from '../experiments/experiment-presets';
import { runModel } from './run';

describe('the 13 BehaviorSpace experiment presets', () => {
  it('has 13 presets', () => {
    expect(EXPERIMENT_PRESETS).toHaveLength(13);
  });
  for (const design of EXPERIMENT_PRESETS) {
    it(`${design.name}: first and last conditions run a short horizon in every variant and fidelity`, () => {
      const conds = designConditions(design);
      const picks = conds.length > 1 ? [conds[0]!, conds[conds.length - 1]!] : [conds[0]!];
      const variants = design.name === 'no-behaviour-change-test' ? (['final'] as const) : (['D2.2', 'final'] as const);
      for (const params of picks) {
        for (const variant of variants) {
          for (const fidelity of ['faithful', 'corrected'] as const) {
            const out = runModel({ seed: 7, variant, fidelity, params }, { ticks: 15, metrics: design.metrics ?? undefined, record: 'final' });
            expect(out.summary.stop_reason.startsWith('error')).toBe(false);
            for (const [k, v] of Object.entries(params)) expect(out.params[k]).toBe(v);
          }
        }
      }
    });
  }
});
