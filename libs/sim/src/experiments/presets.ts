/**
 * Named designs: `default` (one run of the interface defaults) and the 13 original
 * BehaviorSpace experiments.
 */
import type { Design } from './design';
import { EXPERIMENT_PRESETS } from './experiment-presets';

/** One run at the variant's interface defaults, 800 ticks (the online experiments' horizon). */
export const DEFAULT_PRESET: Design = {
  name: 'default',
  repetitions: 1,
  steps: 800,
  runMetricsEveryStep: true,
  enumerated: {},
};

/** Deep copy, so that callers may adjust a preset without changing the shared constant. */
export function cloneDesign(design: Design): Design {
  const copy: Design = {
    ...design,
    enumerated: Object.fromEntries(Object.entries(design.enumerated).map(([k, v]) => [k, [...v]])),
  };
  if (design.metrics) copy.metrics = [...design.metrics];
  if (design.stepped) {
    copy.stepped = Object.fromEntries(Object.entries(design.stepped).map(([k, r]) => [k, { ...r }]));
  }
  return copy;
}

/** Names of every preset, `default` first, then the experiments in file order. */
export function presetNames(): string[] {
  return [DEFAULT_PRESET.name, ...EXPERIMENT_PRESETS.map((e) => e.name)];
}

/** A copy of the named preset, or undefined. */
export function findPreset(name: string): Design | undefined {
  if (name === DEFAULT_PRESET.name) return cloneDesign(DEFAULT_PRESET);
  const found = EXPERIMENT_PRESETS.find((e) => e.name === name);
  return found ? cloneDesign(found) : undefined;
}
