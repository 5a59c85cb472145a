import { describe, expect, it } from 'vitest';
import { validateDesign } from './design';
import { Rng } from '../rng/xoshiro128';
import { countRuns, expandDesign } from './expand-design';
import { EXPERIMENT_PRESETS } from './experiment-presets';
import { DEFAULT_PRESET, findPreset, presetNames } from './presets';

describe('presets', () => {
  it('embeds the 13 original experiments plus default', () => {
    expect(EXPERIMENT_PRESETS).toHaveLength(13);
    expect(presetNames()).toHaveLength(14);
    expect(presetNames()[0]).toBe('default');
  });

  it('gives every run of each experiment its own random stream, derived from one root seed', () => {
    for (const design of EXPERIMENT_PRESETS) {
      const runs = expandDesign(design);
      expect(runs).toHaveLength(countRuns(design));
      expect(new Set(runs.map((r) => r.seed)).size).toBe(runs.length);
      // Distinct seeds could still map to one generator state; the states must differ too.
      expect(new Set(runs.map((r) => new Rng(r.seed).getState().join(','))).size).toBe(runs.length);
      expect(expandDesign(design).map((r) => r.seed)).toEqual(runs.map((r) => r.seed));
    }
  });

  it('matches the run counts of MODEL.md §12 (2,065 runs, 1,190,600 run-ticks)', () => {
    const runs = Object.fromEntries(EXPERIMENT_PRESETS.map((d) => [d.name, countRuns(d)]));
    expect(runs).toMatchObject({
      calibratingTo4Types_9Sep: 432,
      calibratingToOfflineTypes_18Sep: 256,
      offlineBaseline21sep: 256,
      offline21sep_100collapse: 128,
      '21sep_largeSteady_online': 120,
      '21sep_largeSudden_online': 120,
      'no-behaviour-change-test': 1,
    });
    expect(EXPERIMENT_PRESETS.reduce((n, d) => n + countRuns(d), 0)).toBe(2065);
    expect(EXPERIMENT_PRESETS.reduce((n, d) => n + countRuns(d) * d.steps, 0)).toBe(1190600);
  });

  it('keeps chooser strings exactly and passes validation', () => {
    const offline = findPreset('offlineBaseline21sep');
    expect(offline?.enumerated['reward-mechanism']).toEqual(["'thanks' only"]);
    for (const d of [DEFAULT_PRESET, ...EXPERIMENT_PRESETS]) expect(() => validateDesign(d)).not.toThrow();
  });

  it('runs the final-only experiment as the final variant with its fixed seed', () => {
    const t = findPreset('no-behaviour-change-test');
    expect(t?.variant).toBe('final');
    expect(t?.seed).toBe(111);
    expect(t?.metrics).toEqual(['count_turtles']);
  });

  it('returns independent copies', () => {
    const a = findPreset('21sep_largeSteady_online');
    a?.enumerated['platform-features']?.push(true);
    expect(findPreset('21sep_largeSteady_online')?.enumerated['platform-features']).toEqual([false, true]);
    expect(findPreset('nope')).toBeUndefined();
  });
});
