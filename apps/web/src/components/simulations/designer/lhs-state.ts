/**
 * The designer's sensitivity mode: which numeric parameters a Latin hypercube samples, over which
 * ranges, with how many samples. Kept as text while edited, like the rest of the designer state.
 */
import { PARAMETERS, getParameterSpec, parameterLimits, type ParameterSpec, type Variant } from '@p2pvalue/sim';
import type { TExperimentDesignInput } from '@p2pvalue/platform/experiment-design';

export interface LhsDraftParameter {
  name: string;
  min: string;
  max: string;
}

export interface LhsDraft {
  samples: string;
  parameters: LhsDraftParameter[];
}

export const DEFAULT_LHS_SAMPLES = 20;

export const isSampleable = (spec: ParameterSpec) => spec.type === 'integer' || spec.type === 'number';

/** Numeric parameters not sampled yet, in interface order. */
export function sampleableParameters(draft: LhsDraft): ParameterSpec[] {
  const taken = new Set(draft.parameters.map((p) => p.name));
  return PARAMETERS.filter((spec) => isSampleable(spec) && !taken.has(spec.name));
}

/**
 * A first range for a parameter: its allowed range when that is finite, else from 0 (or half the
 * default) to twice the default, so the researcher narrows it rather than types it from nothing.
 */
export function initialRange(spec: ParameterSpec, variant: Variant): { min: number; max: number } {
  const { min, max } = parameterLimits(spec);
  const fallback = variant === 'final' ? spec.finalDefault : (spec.default ?? spec.finalDefault);
  const value = typeof fallback === 'number' ? fallback : 1;
  const lo = Number.isFinite(min) ? min : Math.min(0, value / 2);
  const hi = Number.isFinite(max) ? max : Math.max(lo + 1, value * 2);
  return { min: lo, max: hi };
}

export function addLhsParameter(draft: LhsDraft, name: string, variant: Variant): LhsDraft {
  const spec = getParameterSpec(name);
  if (!spec || !isSampleable(spec) || draft.parameters.some((p) => p.name === name)) return draft;
  const range = initialRange(spec, variant);
  return { ...draft, parameters: [...draft.parameters, { name, min: String(range.min), max: String(range.max) }] };
}

export function updateLhsParameter(draft: LhsDraft, name: string, patch: Partial<Omit<LhsDraftParameter, 'name'>>): LhsDraft {
  return { ...draft, parameters: draft.parameters.map((p) => (p.name === name ? { ...p, ...patch } : p)) };
}

export function removeLhsParameter(draft: LhsDraft, name: string): LhsDraft {
  return { ...draft, parameters: draft.parameters.filter((p) => p.name !== name) };
}

export function lhsDraftFromDesign(design: TExperimentDesignInput): LhsDraft | null {
  if (!design.lhs) return null;
  return {
    samples: String(design.lhs.samples),
    parameters: Object.entries(design.lhs.parameters).map(([name, range]) => ({ name, min: String(range.min), max: String(range.max) })),
  };
}

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** The design's `lhs` from the draft; text that is not a number is refused here (keys as fieldKeyOf gives them). */
export function lhsFromDraft(draft: LhsDraft): { lhs: NonNullable<TExperimentDesignInput['lhs']>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const samples = parseNumber(draft.samples);
  if (samples === null) errors.lhsSamples = 'Samples must be a number';
  if (draft.parameters.length === 0) errors.lhs = 'Choose at least one parameter to sample';
  const parameters: Record<string, { min: number; max: number }> = {};
  for (const p of draft.parameters) {
    const min = parseNumber(p.min);
    const max = parseNumber(p.max);
    if (min === null || max === null) errors[`lhs:${p.name}`] = 'Minimum and maximum must be numbers';
    parameters[p.name] = { min: min ?? 0, max: max ?? 0 };
  }
  return { lhs: { samples: samples ?? 0, parameters }, errors };
}
