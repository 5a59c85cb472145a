/**
 * Assemble a SimConfig from CLI inputs: preset (first condition) < --params file < --set.
 * Values from --set are typed by the parameter table (boolean switches accept true/false/on/off),
 * and the whole config is resolved up front so that invalid input fails before any run starts.
 */
import { CliError } from './cli-error';
import { readJsonFile } from './read-json-file';
import {
  designConditions,
  findPreset,
  getParameterSpec,
  presetNames,
  resolveConfig,
  SimConfigError,
  type Design,
  type Fidelity,
  type ParamValue,
  type SimConfig,
  type Variant,
} from './sim-lib';

export function requirePreset(name: string): Design {
  const design = findPreset(name);
  if (!design) throw new CliError(`unknown preset ${JSON.stringify(name)}; known: ${presetNames().join(', ')}`);
  return design;
}

/** Parse one `name=value` assignment, typing the value by the parameter's declared type. */
export function parseAssignment(text: string): [string, ParamValue] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new CliError(`--set expects name=value, got ${JSON.stringify(text)}`);
  const name = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1);
  const spec = getParameterSpec(name);
  if (!spec) throw new CliError(`--set: unknown parameter ${JSON.stringify(name)}`);
  switch (spec.type) {
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (v === 'true' || v === 'on') return [name, true];
      if (v === 'false' || v === 'off') return [name, false];
      throw new CliError(`--set ${name}: expected true/false (or on/off), got ${JSON.stringify(raw)}`);
    }
    case 'integer':
    case 'number': {
      const n = raw.trim() === '' ? Number.NaN : Number(raw);
      if (!Number.isFinite(n)) throw new CliError(`--set ${name}: expected a number, got ${JSON.stringify(raw)}`);
      return [name, n];
    }
    default:
      return [name, raw];
  }
}

/** Read a --params file: a JSON object mapping parameter names to values. */
export function readParamsFile(path: string): Record<string, ParamValue> {
  const data = readJsonFile(path, 'params file');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CliError(`params file ${JSON.stringify(path)} must contain a JSON object of parameter values`);
  }
  const out: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(data)) {
    if (typeof v !== 'number' && typeof v !== 'boolean' && typeof v !== 'string') {
      throw new CliError(`params file ${JSON.stringify(path)}: "${k}" must be a number, boolean or string`);
    }
    out[k] = v;
  }
  return out;
}

/** resolveConfig, with SimConfigError turned into a CliError (exit code 2). */
export function checkConfig(config: SimConfig, context = ''): void {
  try {
    resolveConfig(config);
  } catch (e) {
    if (e instanceof SimConfigError) throw new CliError(`${context}${e.message}`);
    throw e;
  }
}

export interface SingleRunInputs {
  preset?: string;
  paramsFile?: string;
  sets: string[];
  seed: number;
  ticks?: number;
  variant?: Variant;
  fidelity?: Fidelity;
}

export interface SingleRunPlan {
  config: SimConfig;
  ticks: number;
  /** The preset's own metric list; undefined lets the model record everything it offers. */
  metrics: string[] | undefined;
}

export function planSingleRun(inputs: SingleRunInputs): SingleRunPlan {
  const design = requirePreset(inputs.preset ?? 'default');
  const params: Record<string, ParamValue> = { ...(designConditions(design)[0] ?? {}) };
  if (inputs.paramsFile !== undefined) Object.assign(params, readParamsFile(inputs.paramsFile));
  for (const s of inputs.sets) {
    const [name, value] = parseAssignment(s);
    params[name] = value;
  }
  const config: SimConfig = { seed: inputs.seed, params };
  const variant = inputs.variant ?? design.variant;
  const fidelity = inputs.fidelity ?? design.fidelity;
  if (variant !== undefined) config.variant = variant;
  if (fidelity !== undefined) config.fidelity = fidelity;
  checkConfig(config);
  return { config, ticks: inputs.ticks ?? design.steps, metrics: design.metrics ? [...design.metrics] : undefined };
}
