/**
 * Parameter defaults per variant and validation (MODEL.md §10). Unknown
 * names, wrong types, out-of-range numbers and unknown options throw a
 * SimConfigError naming the parameter and what is allowed.
 */
import { PARAMETERS, type ParameterSpec } from './parameters';
import type { Variant } from './port-config';
import { SimConfigError } from './sim-config-error';

/** All 54 parameters with a concrete value, keyed by NetLogo name. */
export type ResolvedParams = Readonly<Record<string, number | boolean | string>>;

const BY_NAME: ReadonlyMap<string, ParameterSpec> = new Map(PARAMETERS.map((p) => [p.name, p]));

/**
 * Validation limits that deliberately differ from the slider limits.
 * - new-9s-barrier: six BehaviorSpace experiments use 0.4, below the slider
 *   minimum 0.5 (BehaviorSpace may set values outside a slider's range).
 * - initial-projects: 0 makes NetLogo's setup halt (§9 E7: no lone task to
 *   link), so the port rejects it up front as §9.3 recommends.
 */
const LIMIT_OVERRIDES: Readonly<Record<string, { min: number; max: number }>> = {
  'new-9s-barrier': { min: 0, max: 3 },
  'initial-projects': { min: 1, max: 50 },
};

/** The spec of one parameter, or undefined if the name is unknown. */
export function getParameterSpec(name: string): ParameterSpec | undefined {
  return BY_NAME.get(name);
}

/** Validation limits [min, max] actually enforced for a numeric parameter. */
export function parameterLimits(spec: ParameterSpec): { min: number; max: number } {
  const o = LIMIT_OVERRIDES[spec.name];
  if (o) return o;
  return { min: spec.min ?? -Infinity, max: spec.max ?? Infinity };
}

/** Interface default of a parameter for a variant (final-only params take their final default). */
export function defaultValue(spec: ParameterSpec, variant: Variant): number | boolean | string {
  if (variant === 'final') return spec.finalDefault;
  return spec.default ?? spec.finalDefault;
}

/** Default values of all 54 parameters for a variant. */
export function defaultParams(variant: Variant): ResolvedParams {
  const out: Record<string, number | boolean | string> = {};
  for (const spec of PARAMETERS) out[spec.name] = defaultValue(spec, variant);
  return out;
}

/** Throws SimConfigError unless `value` is a valid value for `spec`. */
export function validateParam(spec: ParameterSpec, value: unknown): void {
  const name = spec.name;
  switch (spec.type) {
    case 'boolean':
      if (typeof value !== 'boolean') {
        throw new SimConfigError(name, `Parameter "${name}" must be a boolean (true or false), got ${JSON.stringify(value)}`);
      }
      return;
    case 'choice': {
      const opts = spec.options ?? [];
      if (typeof value !== 'string' || !opts.includes(value)) {
        throw new SimConfigError(
          name,
          `Parameter "${name}" must be one of ${opts.map((o) => JSON.stringify(o)).join(', ')}, got ${JSON.stringify(value)}`,
        );
      }
      return;
    }
    case 'integer':
    case 'number': {
      const { min, max } = parameterLimits(spec);
      const kind = spec.type === 'integer' ? 'an integer' : 'a number';
      if (typeof value !== 'number' || !Number.isFinite(value) || (spec.type === 'integer' && !Number.isInteger(value))) {
        throw new SimConfigError(name, `Parameter "${name}" must be ${kind} in [${min}, ${max}], got ${JSON.stringify(value)}`);
      }
      if (value < min || value > max) {
        throw new SimConfigError(name, `Parameter "${name}" must be ${kind} in [${min}, ${max}], got ${value}`);
      }
      return;
    }
  }
}

/**
 * Resolves user overrides on top of the variant's defaults and validates
 * every override. Returns all 54 parameters.
 */
export function resolveParams(variant: Variant, overrides: Readonly<Record<string, unknown>> = {}): ResolvedParams {
  const out: Record<string, number | boolean | string> = { ...defaultParams(variant) };
  for (const [name, value] of Object.entries(overrides)) {
    const spec = BY_NAME.get(name);
    if (!spec) {
      throw new SimConfigError(name, `Unknown parameter "${name}"; known parameters: ${PARAMETERS.map((p) => p.name).join(', ')}`);
    }
    validateParam(spec, value);
    out[name] = value as number | boolean | string;
  }
  return out;
}
