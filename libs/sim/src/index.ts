// Public API of @p2pvalue/sim: the P2Pvalue model, its parameters and observables, experiment
// designs and presets, and pure analysis helpers. Pure TypeScript: runs in Node, worker threads
// and browsers.
export { MODEL_VERSION } from './version';

// Running the model
export { createModel, createRun, resumeRun, runModel } from './model/run';
export type { Model, Run, RunOptions, RunOutput, RunSummary, SimConfig, SimSnapshot } from './model/run';

// Parameters and configuration
export {
  PARAMETERS,
  SimConfigError,
  FIX_FLAGS,
  resolveConfig,
  resolveParams,
  defaultParams,
  validateParam,
  getParameterSpec,
  parameterLimits,
} from './params';
export type {
  ParameterSpec,
  FixFlag,
  FixFlags,
  Fidelity,
  Variant,
  TaskCompletion,
  VolumeRule,
  RuntimeErrorMode,
  ResolvedParams,
  ResolvedConfig,
} from './params';

// Observables
export { METRICS, VECTORS, DEFAULT_METRIC_IDS, BEHAVIORSPACE_METRIC_IDS, resolveMetrics, resolveVectors } from './observe';
export type { MetricDef, VectorDef } from './observe';

// Experiments (BehaviorSpace-equivalent designs and the 13 original experiments)
export {
  validateDesign,
  DesignError,
  expandDesign,
  designConditions,
  designValueSets,
  designMetrics,
  countRuns,
  steppedValues,
  DEFAULT_ROOT_SEED,
  deriveSeed,
  latinHypercubeSamples,
  EXPERIMENT_PRESETS,
  DEFAULT_PRESET,
  findPreset,
  presetNames,
  cloneDesign,
} from './experiments';
export type { Design, ParamValue, SteppedRange, RunSpec, ExpandOptions, LhsSpec, LhsRange } from './experiments';

// Analysis helpers (shared by the simulation and the community-health dashboard)
export {
  gini,
  topShare,
  topCount,
  kaplanMeier,
  survivalAt,
  medianSurvival,
  fitPowerLaw,
  powerLawGoodnessOfFit,
  histogram,
  fitLogNormal,
  fitTruncatedLogNormal,
  comparePowerLawLogNormal,
  vuongTest,
  meanCI95,
  partialRankCorrelation,
  welchDifferenceCI95,
  mean,
  sampleSd,
  quantile,
  median,
} from './analysis';
export type {
  KaplanMeierCurve,
  PowerLawFit,
  PowerLawOptions,
  PowerLawGof,
  PowerLawGofOptions,
  Histogram,
  HistogramSpec,
  LogNormalFit,
  TruncatedLogNormalFit,
  PowerLawVsLogNormal,
  PowerLawVsLogNormalOptions,
  VuongResult,
  MeanCI,
  PrccResult,
  MeanDifference,
} from './analysis';

// Random numbers (the model-owned PRNG, for callers that need reproducible draws)
export { Rng } from './rng';
export type { RngState } from './rng';

// Calibration (ABC-SMC): a serialisable sampler whose batches are simulated by the caller
export {
  startAbcSmc,
  proposeBatch,
  absorbBatch,
  runAbcSmc,
  AbcSettingsError,
  DEFAULT_ABC_SMC_SETTINGS,
  normalisedRmse,
  summarisePosterior,
  weightedBand,
  weightedQuantile,
} from './calibration';
export type { AbcSmcSettings, AbcSmcState, AbcParticle, AbcProposal, AbcGenerationRecord, AbcStopReason, UniformPrior, ParameterPosterior, SeriesBand } from './calibration';
