/**
 * The designer's editable state and its conversions to and from a design (the shape of an
 * experiments.json entry). Numbers stay text while they are edited, so a half-typed "0." is not
 * lost; the design is built from the text and checked with the server's own check.
 */
import { BEHAVIORSPACE_METRIC_IDS, PARAMETERS, getParameterSpec, type Design, type Fidelity, type ParamValue, type ParameterSpec, type Variant } from '@p2pvalue/sim';
import { checkExperimentDesign, ZExperimentDesignInput, type CheckedDesign, type TExperimentDesignInput } from '@p2pvalue/platform/experiment-design';
import { AppError } from '@p2pvalue/shared/app-error';
import { DEFAULT_LHS_SAMPLES, lhsDraftFromDesign, lhsFromDraft, type LhsDraft } from './lhs-state';

export type ParamMode = 'default' | 'single' | 'list' | 'range';

/**
 * One parameter: its model default, one value, a list of values (numbers as comma-separated
 * text; switches and choices as picked options) or a stepped range.
 */
export interface ParamDraft {
  mode: ParamMode;
  single: string;
  listText: string;
  picked: string[];
  first: string;
  step: string;
  last: string;
}

export interface DesignerState {
  name: string;
  repetitions: string;
  steps: string;
  variant: Variant;
  fidelity: Fidelity;
  /** Empty: the default root seed. */
  seed: string;
  metricsMode: 'behaviorspace' | 'custom';
  metrics: string[];
  runMetricsEveryStep: boolean;
  /** Value-set order of the listed parameters (it fixes the run order, as in BehaviorSpace). */
  order: string[];
  params: Record<string, ParamDraft>;
  /** Full factorial over the listed values, or a sensitivity study (Latin hypercube over `lhs`). */
  kind: 'factorial' | 'lhs';
  /** Kept while the factorial kind is chosen, so switching back and forth loses nothing. */
  lhs: LhsDraft;
}

/** Where a refusal belongs: `param:<name>`, a top-level field name, or `design` for the whole design. */
export type FieldKey = string;

export type DesignCheck =
  | { ok: true; design: TExperimentDesignInput; checked: CheckedDesign }
  | { ok: false; design: TExperimentDesignInput | null; errors: Record<FieldKey, string> };

const isNumeric = (spec: ParameterSpec) => spec.type === 'integer' || spec.type === 'number';

export function defaultValueOf(spec: ParameterSpec, variant: Variant): ParamValue {
  return variant === 'final' ? spec.finalDefault : (spec.default ?? spec.finalDefault);
}

export function blankDraft(spec: ParameterSpec, variant: Variant): ParamDraft {
  const value = defaultValueOf(spec, variant);
  const text = String(value);
  const options = spec.type === 'boolean' ? ['false', 'true'] : spec.type === 'choice' ? [...(spec.options ?? [])] : [];
  const numeric = typeof value === 'number' ? value : 0;
  const step = spec.step ?? 1;
  return {
    mode: 'default',
    single: text,
    listText: text,
    picked: options.length > 0 ? options : [text],
    first: text,
    step: String(step),
    last: String(Math.min(numeric + 2 * step, spec.max ?? numeric + 2 * step)),
  };
}

export function formatValue(value: ParamValue): string {
  return typeof value === 'string' ? value : String(value);
}

/** Editable state of a design; parameters it does not list take their defaults. */
export function stateFromDesign(design: TExperimentDesignInput): DesignerState {
  const variant = design.variant ?? 'D2.2';
  const params: Record<string, ParamDraft> = {};
  for (const spec of PARAMETERS) params[spec.name] = blankDraft(spec, variant);
  const order: string[] = [];
  for (const [name, values] of Object.entries(design.enumerated)) {
    const spec = getParameterSpec(name);
    if (!spec) continue;
    const draft = params[name] as ParamDraft;
    order.push(name);
    if (values.length === 1) {
      params[name] = { ...draft, mode: 'single', single: formatValue(values[0] as ParamValue) };
    } else {
      const texts = values.map(formatValue);
      params[name] = { ...draft, mode: 'list', listText: texts.join(', '), picked: isNumeric(spec) ? draft.picked : texts };
    }
  }
  for (const [name, range] of Object.entries(design.stepped ?? {})) {
    const draft = params[name];
    if (!draft) continue;
    order.push(name);
    params[name] = { ...draft, mode: 'range', first: String(range.first), step: String(range.step), last: String(range.last) };
  }
  const metrics = design.metrics ?? [...BEHAVIORSPACE_METRIC_IDS];
  const isBehaviorSpace = metrics.length === BEHAVIORSPACE_METRIC_IDS.length && metrics.every((m, i) => m === BEHAVIORSPACE_METRIC_IDS[i]);
  return {
    name: design.name,
    repetitions: String(design.repetitions),
    steps: String(design.steps),
    variant,
    fidelity: design.fidelity ?? 'faithful',
    seed: design.seed === null || design.seed === undefined ? '' : String(design.seed),
    metricsMode: isBehaviorSpace ? 'behaviorspace' : 'custom',
    metrics: [...metrics],
    runMetricsEveryStep: design.runMetricsEveryStep ?? true,
    order,
    params,
    kind: design.lhs ? 'lhs' : 'factorial',
    lhs: lhsDraftFromDesign(design) ?? { samples: String(DEFAULT_LHS_SAMPLES), parameters: [] },
  };
}

/** Parameter names that an imported design lists but the model does not know. */
export function unknownParameters(design: TExperimentDesignInput): string[] {
  return [...Object.keys(design.enumerated), ...Object.keys(design.stepped ?? {}), ...Object.keys(design.lhs?.parameters ?? {})].filter((name) => !getParameterSpec(name));
}

/** Changes one parameter; a parameter leaving its default joins the end of the value-set order. */
export function updateParam(state: DesignerState, name: string, patch: Partial<ParamDraft>): DesignerState {
  const current = state.params[name];
  if (!current) return state;
  const next = { ...current, ...patch };
  const listed = next.mode !== 'default';
  const order = listed ? (state.order.includes(name) ? state.order : [...state.order, name]) : state.order.filter((n) => n !== name);
  return { ...state, order, params: { ...state.params, [name]: next } };
}

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function parseValue(spec: ParameterSpec, text: string): ParamValue | null {
  if (spec.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : null;
  if (spec.type === 'choice') return text;
  return parseNumber(text);
}

/** Builds the design from the state; text that is not a number is refused here, everything else by the server's check. */
export function designFromState(state: DesignerState): { design: TExperimentDesignInput; errors: Record<FieldKey, string> } {
  const errors: Record<FieldKey, string> = {};
  const number = (key: FieldKey, text: string, label: string): number => {
    const value = parseNumber(text);
    if (value === null) errors[key] = `${label} must be a number`;
    return value ?? 0;
  };
  const enumerated: Record<string, ParamValue[]> = {};
  const stepped: Record<string, { first: number; step: number; last: number }> = {};
  for (const name of state.order) {
    const spec = getParameterSpec(name);
    const draft = state.params[name];
    if (!spec || !draft) continue;
    const key = `param:${name}`;
    if (draft.mode === 'single') {
      const value = parseValue(spec, draft.single);
      if (value === null) errors[key] = 'Enter a number';
      else enumerated[name] = [value];
    } else if (draft.mode === 'list') {
      if (isNumeric(spec)) {
        const parts = draft.listText.split(/[,;\s]+/).filter((p) => p.length > 0);
        const values = parts.map(parseNumber);
        if (parts.length === 0) errors[key] = 'List at least one value';
        else if (values.some((v) => v === null)) errors[key] = 'Values must be numbers separated by commas';
        else enumerated[name] = values as number[];
      } else if (draft.picked.length === 0) {
        errors[key] = 'Pick at least one value';
      } else {
        enumerated[name] = draft.picked.map((p) => parseValue(spec, p) as ParamValue);
      }
    } else if (draft.mode === 'range') {
      stepped[name] = { first: number(key, draft.first, 'First'), step: number(key, draft.step, 'Step'), last: number(key, draft.last, 'Last') };
    }
  }
  const seedText = state.seed.trim();
  const design: TExperimentDesignInput = {
    name: state.name,
    repetitions: number('repetitions', state.repetitions, 'Repetitions'),
    steps: number('steps', state.steps, 'Ticks'),
    runMetricsEveryStep: state.runMetricsEveryStep,
    enumerated,
    variant: state.variant,
    fidelity: state.fidelity,
  };
  if (Object.keys(stepped).length > 0) design.stepped = stepped;
  if (state.metricsMode === 'custom') design.metrics = [...state.metrics];
  if (seedText !== '') design.seed = number('seed', seedText, 'The root seed');
  if (state.kind === 'lhs') {
    const sampled = lhsFromDraft(state.lhs);
    Object.assign(errors, sampled.errors);
    design.lhs = sampled.lhs;
  }
  return { design, errors };
}

/** `design.enumerated["x"][1]`, `design.stepped.x.first`, `design.steps`, … → the control it belongs to. */
export function fieldKeyOf(field: string): FieldKey {
  const sampled = /^design\.lhs\.parameters\["([^"]+)"\]/.exec(field);
  if (sampled) return `lhs:${sampled[1]}`;
  if (field.startsWith('design.lhs.samples')) return 'lhsSamples';
  const param = /^design\.(?:enumerated|stepped)(?:\["([^"]+)"\]|\.([^.[\]]+))/.exec(field);
  if (param) return `param:${param[1] ?? param[2]}`;
  const top = /^design\.([A-Za-z]+)/.exec(field);
  if (top) return top[1] === 'runMetricsEveryStep' ? 'metrics' : (top[1] as string);
  return 'design';
}

/** Splits a refusal message `design.x: reason` into its control and its reason. */
export function refusalOf(message: string, field?: unknown): { key: FieldKey; reason: string } {
  const match = /^(design[^:]*): ([\s\S]*)$/.exec(message);
  const where = typeof field === 'string' ? field : match?.[1];
  return { key: where ? fieldKeyOf(where) : 'design', reason: match?.[2] ?? message };
}

/** The same check as the server's (libs/platform checkExperimentDesign), run on the state. */
export function checkState(state: DesignerState): DesignCheck {
  const { design, errors } = designFromState(state);
  if (Object.keys(errors).length > 0) return { ok: false, design: null, errors };
  try {
    return { ok: true, design, checked: checkExperimentDesign(design) };
  } catch (error) {
    if (error instanceof AppError) {
      const { key, reason } = refusalOf(error.userMessage, error.details?.field);
      return { ok: false, design, errors: { [key]: reason } };
    }
    throw error;
  }
}

/** A design as an experiments.json entry, with the descriptive counts that file carries. */
export function exportableDesign(check: DesignCheck & { ok: true }): Record<string, unknown> {
  const { design, checked } = check;
  return {
    name: design.name,
    repetitions: design.repetitions,
    steps: design.steps,
    runMetricsEveryStep: design.runMetricsEveryStep ?? true,
    seed: design.seed ?? null,
    metrics: design.metrics ?? [...BEHAVIORSPACE_METRIC_IDS],
    enumerated: design.enumerated,
    ...(design.stepped ? { stepped: design.stepped } : {}),
    ...(design.lhs ? { lhs: design.lhs } : {}),
    variant: design.variant ?? 'D2.2',
    fidelity: design.fidelity ?? 'faithful',
    combinations: checked.conditions,
    totalRuns: checked.totalRuns,
  };
}

/**
 * Reads an imported file: one experiments.json entry, or the whole file (an array of entries).
 * Returns the designs, or the reason the text is not one.
 */
export function parseImportedDesigns(text: string): { designs: TExperimentDesignInput[] } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'The file is not JSON.' };
  }
  const entries = Array.isArray(json) ? json : [json];
  if (entries.length === 0) return { error: 'The file lists no experiment.' };
  const designs: TExperimentDesignInput[] = [];
  for (const [i, entry] of entries.entries()) {
    const parsed = ZExperimentDesignInput.safeParse(entry);
    const where = entries.length > 1 ? `Entry ${i + 1}: ` : '';
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { error: `${where}${['design', ...(issue?.path ?? []).map(String)].join('.')}: ${issue?.message ?? 'not a design'}` };
    }
    const unknown = unknownParameters(parsed.data);
    if (unknown.length > 0) return { error: `${where}unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}` };
    // The descriptive fields of experiments.json are recomputed on export.
    const { inFiles: _inFiles, totalRuns: _totalRuns, combinations: _combinations, ...design } = parsed.data;
    designs.push(design);
  }
  return { designs };
}

export type { Design };
