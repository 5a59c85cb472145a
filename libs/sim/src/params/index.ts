export { PARAMETERS, type ParameterSpec } from './parameters';
export { SimConfigError } from './sim-config-error';
export { FIX_FLAGS, type FixFlag, type FixFlags, type Fidelity, type Variant, type TaskCompletion, type VolumeRule, type RuntimeErrorMode } from './port-config';
export { resolveParams, defaultParams, validateParam, getParameterSpec, parameterLimits, type ResolvedParams } from './resolve-params';
export { resolveConfig, type SimConfig, type ResolvedConfig } from './sim-config';
export { toModelParams, PARAM_FIELDS, type ModelParams } from './model-params';
