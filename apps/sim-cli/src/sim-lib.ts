/**
 * The one place where the CLI imports the simulation library. It reaches into the lib's source
 * by relative path until `@p2pvalue/sim`'s index exports these; then every line below becomes
 * `from '@p2pvalue/sim'` and nothing else in the CLI changes.
 */
export {
  BEHAVIORSPACE_METRICS,
  DEFAULT_ROOT_SEED,
  DesignError,
  EXPERIMENT_PRESETS,
  countRuns,
  designConditions,
  designMetrics,
  designValueSets,
  expandDesign,
  findPreset,
  presetNames,
  validateDesign,
} from '../../../libs/sim/src/experiments';
export type { Design, ParamValue, RunSpec } from '../../../libs/sim/src/experiments';
export { meanCI95 } from '../../../libs/sim/src/analysis';
export { PARAMETERS, SimConfigError, getParameterSpec, resolveConfig } from '../../../libs/sim/src/params';
export type { SimConfig, Variant, Fidelity } from '../../../libs/sim/src/params';
export { createRun, resumeRun, runModel } from '../../../libs/sim/src/model/run';
export type { Run, RunOptions, RunOutput, SimSnapshot } from '../../../libs/sim/src/model/run';
export { METRICS } from '../../../libs/sim/src/observe';
