export { validateDesign, DesignError } from './design';
export type { Design, ParamValue, SteppedRange, ValidateDesignOptions } from './design';
export {
  expandDesign,
  designConditions,
  designValueSets,
  designMetrics,
  countRuns,
  steppedValues,
  DEFAULT_ROOT_SEED,
} from './expand-design';
export type { RunSpec, ExpandOptions } from './expand-design';
export { deriveSeed } from './derive-seed';
export { latinHypercubeSamples, unitLatinHypercube, scaleToRange, lhsSeed } from './latin-hypercube';
export type { LhsSpec, LhsRange } from './latin-hypercube';
export { BEHAVIORSPACE_METRICS } from './behaviorspace-metrics';
export { EXPERIMENT_PRESETS } from './experiment-presets';
export { DEFAULT_PRESET, findPreset, presetNames, cloneDesign } from './presets';
