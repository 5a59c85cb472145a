/**
 * The user-facing simulation configuration and its resolution into a fully
 * specified, validated configuration (MODEL.md §10.1).
 */
import { FIX_FLAGS, type FixFlag, type FixFlags, type Fidelity, type RuntimeErrorMode, type TaskCompletion, type Variant, type VolumeRule } from './port-config';
import { resolveParams, type ResolvedParams } from './resolve-params';
import { SimConfigError } from './sim-config-error';

/** Configuration of one simulation run. Only `seed` is required. */
export interface SimConfig {
  /** NetLogo source to follow (default "D2.2"). */
  variant?: Variant;
  /** "faithful" (default) reproduces §9 quirks; "corrected" turns every fix on. */
  fidelity?: Fidelity;
  /** Individual `fix.*` overrides, applied on top of the fidelity (keys with or without "fix."). */
  fixes?: Partial<Record<FixFlag | `fix.${FixFlag}`, boolean>>;
  /** §9.3 handling of NetLogo runtime-error situations (default "guard"). */
  onNetLogoRuntimeError?: RuntimeErrorMode;
  /** NetLogo interface parameters by name (unspecified ones take the variant's defaults). */
  params?: Record<string, number | boolean | string>;
  /** Integer seed of the model's PRNG. */
  seed: number;
  /** §7 S6: "d22" (default, both variants) or "final-bug" (final only). */
  taskCompletion?: TaskCompletion;
  /** §7.25: default "d22" for D2.2, "pareto" for final. */
  volumeRule?: VolumeRule;
  /** §7.25 Pareto scale: default 0 when faithful, 1 when corrected. */
  paretoXm?: number;
}

/** A SimConfig with every option decided and every parameter resolved. */
export interface ResolvedConfig {
  readonly variant: Variant;
  readonly fidelity: Fidelity;
  readonly fixes: Readonly<FixFlags>;
  readonly onNetLogoRuntimeError: RuntimeErrorMode;
  readonly params: ResolvedParams;
  readonly seed: number;
  readonly taskCompletion: TaskCompletion;
  readonly volumeRule: VolumeRule;
  readonly paretoXm: number;
}

const CONFIG_KEYS = new Set(['variant', 'fidelity', 'fixes', 'onNetLogoRuntimeError', 'params', 'seed', 'taskCompletion', 'volumeRule', 'paretoXm']);

function oneOf<T extends string>(key: string, value: unknown, options: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw new SimConfigError(key, `Option "${key}" must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

/** Validates a SimConfig and fills in every default. Throws SimConfigError. */
export function resolveConfig(config: SimConfig): ResolvedConfig {
  if (config === null || typeof config !== 'object') throw new SimConfigError('config', 'SimConfig must be an object');
  for (const key of Object.keys(config)) {
    if (!CONFIG_KEYS.has(key)) {
      throw new SimConfigError(key, `Unknown config option "${key}"; allowed: ${[...CONFIG_KEYS].join(', ')}`);
    }
  }
  const seed = config.seed as unknown;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new SimConfigError('seed', `Option "seed" must be a safe integer, got ${JSON.stringify(seed)}`);
  }
  const variant = oneOf<Variant>('variant', config.variant, ['D2.2', 'final'], 'D2.2');
  const fidelity = oneOf<Fidelity>('fidelity', config.fidelity, ['faithful', 'corrected'], 'faithful');
  const onErr = oneOf<RuntimeErrorMode>('onNetLogoRuntimeError', config.onNetLogoRuntimeError, ['guard', 'abort'], 'guard');
  const taskCompletion = oneOf<TaskCompletion>('taskCompletion', config.taskCompletion, ['d22', 'final-bug'], 'd22');
  if (taskCompletion === 'final-bug' && variant !== 'final') {
    throw new SimConfigError('taskCompletion', 'Option "taskCompletion" = "final-bug" requires variant "final" (allowed for D2.2: "d22")');
  }
  const volumeRule = oneOf<VolumeRule>('volumeRule', config.volumeRule, ['d22', 'pareto'], variant === 'final' ? 'pareto' : 'd22');
  let paretoXm = fidelity === 'corrected' ? 1 : 0;
  if (config.paretoXm !== undefined) {
    const v = config.paretoXm as unknown;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new SimConfigError('paretoXm', `Option "paretoXm" must be a finite number >= 0, got ${JSON.stringify(v)}`);
    }
    paretoXm = v;
  }
  const fixes = {} as FixFlags;
  for (const f of FIX_FLAGS) fixes[f] = fidelity === 'corrected';
  if (config.fixes !== undefined) {
    if (config.fixes === null || typeof config.fixes !== 'object') throw new SimConfigError('fixes', 'Option "fixes" must be an object of boolean flags');
    for (const [rawKey, value] of Object.entries(config.fixes)) {
      const key = rawKey.startsWith('fix.') ? rawKey.slice(4) : rawKey;
      if (!(FIX_FLAGS as readonly string[]).includes(key)) {
        throw new SimConfigError(`fixes.${rawKey}`, `Unknown fix flag "${rawKey}"; allowed: ${FIX_FLAGS.join(', ')}`);
      }
      if (typeof value !== 'boolean') throw new SimConfigError(`fixes.${rawKey}`, `Fix flag "${rawKey}" must be a boolean, got ${JSON.stringify(value)}`);
      fixes[key as FixFlag] = value;
    }
  }
  if (config.params !== undefined && (config.params === null || typeof config.params !== 'object')) {
    throw new SimConfigError('params', 'Option "params" must be an object of parameter values');
  }
  const params = resolveParams(variant, config.params ?? {});
  return { variant, fidelity, fixes, onNetLogoRuntimeError: onErr, params, seed, taskCompletion, volumeRule, paretoXm };
}
