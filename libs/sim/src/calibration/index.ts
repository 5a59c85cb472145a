export {
  startAbcSmc,
  proposeBatch,
  absorbBatch,
  runAbcSmc,
  kernelScales,
  AbcSettingsError,
  DEFAULT_ABC_SMC_SETTINGS,
  type AbcSmcSettings,
  type AbcSmcState,
  type AbcParticle,
  type AbcProposal,
  type AbcGenerationRecord,
  type AbcStopReason,
  type UniformPrior,
} from './abc-smc';
export { normalisedRmse } from './distance';
export { summarisePosterior, weightedBand, type ParameterPosterior, type SeriesBand } from './posterior';
export { effectiveSampleSize, weightedMean, weightedQuantile, weightedVariance } from './weighted-stats';
