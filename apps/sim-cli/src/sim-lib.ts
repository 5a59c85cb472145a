/**
 * The one place where the CLI imports the simulation library, so that the CLI's dependency
 * surface on @p2pvalue/sim is visible at a glance.
 */
export {
  DEFAULT_ROOT_SEED,
  DesignError,
  EXPERIMENT_PRESETS,
  METRICS,
  PARAMETERS,
  SimConfigError,
  countRuns,
  createRun,
  designConditions,
  designMetrics,
  designValueSets,
  expandDesign,
  findPreset,
  getParameterSpec,
  meanCI95,
  presetNames,
  resolveConfig,
  resumeRun,
  runModel,
  validateDesign,
} from '@p2pvalue/sim';
export type {
  Design,
  Fidelity,
  ParamValue,
  Run,
  RunOptions,
  RunOutput,
  RunSpec,
  SimConfig,
  SimSnapshot,
  Variant,
} from '@p2pvalue/sim';
