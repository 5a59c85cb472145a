/**
 * Experiment designs: the port's equivalent of a NetLogo BehaviorSpace experiment.
 */
import type { Fidelity, Variant } from '../params/port-config';
import type { LhsRange, LhsSpec } from './latin-hypercube';

export type ParamValue = number | boolean | string;

/** A BehaviorSpace stepped value set: first, first + step, … up to and including last. */
export interface SteppedRange {
  first: number;
  step: number;
  last: number;
}

export interface Design {
  name: string;
  /** Replicates per condition (BehaviorSpace "repetitions"). */
  repetitions: number;
  /** Tick limit of every run (BehaviorSpace "time limit"); the model may stop earlier. */
  steps: number;
  /** Metric ids to record; defaults to the 59 BehaviorSpace metrics. */
  metrics?: string[];
  /** Record every tick (default true, like every original experiment) or only the final state. */
  runMetricsEveryStep?: boolean;
  /** Full factorial over these values, in this key order (see expandDesign). */
  enumerated: Record<string, ParamValue[]>;
  /** Stepped ranges, crossed after the enumerated sets. */
  stepped?: Record<string, SteppedRange>;
  /**
   * A Latin-hypercube sample over these parameters' ranges (a sensitivity study): every sample is
   * a condition, crossed after the enumerated and stepped sets; drawn from the root seed.
   */
  lhs?: LhsSpec;
  variant?: Variant;
  fidelity?: Fidelity;
  /** Root seed from which every run's seed is derived (deriveSeed). */
  seed?: number;
}

/** A design error names the offending field, e.g. `design.enumerated["x"][1]`. */
export class DesignError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'DesignError';
    this.field = field;
  }
}

export interface ValidateDesignOptions {
  /** When given, every parameter name must be in this set. */
  knownParams?: ReadonlySet<string>;
  /** When given, every metric id must be in this set. */
  knownMetrics?: ReadonlySet<string>;
}

const DESIGN_KEYS = new Set([
  'name',
  'repetitions',
  'steps',
  'metrics',
  'runMetricsEveryStep',
  'enumerated',
  'stepped',
  'lhs',
  'variant',
  'fidelity',
  'seed',
]);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'object') return 'an object';
  return String(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function field(parent: string, key: string): string {
  return `${parent}[${JSON.stringify(key)}]`;
}

function checkParamName(name: string, where: string, options: ValidateDesignOptions): void {
  if (name.length === 0) throw new DesignError(where, 'parameter name must not be empty');
  if (options.knownParams && !options.knownParams.has(name)) {
    throw new DesignError(where, `unknown parameter ${JSON.stringify(name)}`);
  }
}

function validateParamValue(v: unknown, where: string): ParamValue {
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new DesignError(where, `expected a finite number, boolean or string, got ${describe(v)}`);
}

function finiteNumber(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new DesignError(where, `expected a finite number, got ${describe(v)}`);
  }
  return v;
}

function integerAtLeast(v: unknown, min: number, where: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) {
    throw new DesignError(where, `expected an integer >= ${min}, got ${describe(v)}`);
  }
  return v;
}

function validateLhs(input: unknown, design: Design, options: ValidateDesignOptions): LhsSpec {
  if (!isRecord(input)) throw new DesignError('design.lhs', `expected {samples, parameters}, got ${describe(input)}`);
  for (const key of Object.keys(input)) {
    if (key !== 'samples' && key !== 'parameters') throw new DesignError(`design.lhs.${key}`, 'unknown field');
  }
  const samples = integerAtLeast(input.samples, 2, 'design.lhs.samples');
  if (!isRecord(input.parameters) || Object.keys(input.parameters).length === 0) {
    throw new DesignError('design.lhs.parameters', `expected an object of {min, max} with at least one parameter, got ${describe(input.parameters)}`);
  }
  const parameters: Record<string, LhsRange> = {};
  for (const [name, range] of Object.entries(input.parameters)) {
    const where = field('design.lhs.parameters', name);
    checkParamName(name, where, options);
    if (name in design.enumerated || (design.stepped && name in design.stepped)) {
      throw new DesignError(where, `parameter ${JSON.stringify(name)} is both sampled and enumerated or stepped`);
    }
    if (!isRecord(range)) throw new DesignError(where, `expected {min, max}, got ${describe(range)}`);
    for (const key of Object.keys(range)) {
      if (key !== 'min' && key !== 'max') throw new DesignError(`${where}.${key}`, 'unknown field');
    }
    const r: LhsRange = { min: finiteNumber(range.min, `${where}.min`), max: finiteNumber(range.max, `${where}.max`) };
    if (!(r.min < r.max)) throw new DesignError(where, `parameter ${JSON.stringify(name)}: min (${r.min}) must be below max (${r.max})`);
    parameters[name] = r;
  }
  return { samples, parameters };
}

/**
 * Check an untrusted value (for example parsed JSON) and return it as a Design. Unknown keys are
 * rejected so that a misspelt option cannot be silently ignored.
 */
export function validateDesign(input: unknown, options: ValidateDesignOptions = {}): Design {
  if (!isRecord(input)) throw new DesignError('design', `expected an object, got ${describe(input)}`);
  for (const key of Object.keys(input)) {
    if (!DESIGN_KEYS.has(key)) throw new DesignError(`design.${key}`, 'unknown field');
  }
  if (typeof input.name !== 'string' || input.name.trim() === '') {
    throw new DesignError('design.name', `expected a non-empty string, got ${describe(input.name)}`);
  }
  const design: Design = {
    name: input.name,
    repetitions: integerAtLeast(input.repetitions, 1, 'design.repetitions'),
    steps: integerAtLeast(input.steps, 0, 'design.steps'),
    enumerated: {},
  };

  if (input.metrics !== undefined) {
    if (!Array.isArray(input.metrics) || input.metrics.length === 0) {
      throw new DesignError('design.metrics', `expected a non-empty array of metric ids, got ${describe(input.metrics)}`);
    }
    design.metrics = input.metrics.map((m, i) => {
      const where = `design.metrics[${i}]`;
      if (typeof m !== 'string' || m === '') throw new DesignError(where, `expected a metric id, got ${describe(m)}`);
      if (options.knownMetrics && !options.knownMetrics.has(m)) {
        throw new DesignError(where, `unknown metric ${JSON.stringify(m)}`);
      }
      return m;
    });
    const seen = new Set<string>();
    design.metrics.forEach((m, i) => {
      if (seen.has(m)) throw new DesignError(`design.metrics[${i}]`, `duplicate metric ${JSON.stringify(m)}`);
      seen.add(m);
    });
  }
  if (input.runMetricsEveryStep !== undefined) {
    if (typeof input.runMetricsEveryStep !== 'boolean') {
      throw new DesignError('design.runMetricsEveryStep', `expected a boolean, got ${describe(input.runMetricsEveryStep)}`);
    }
    design.runMetricsEveryStep = input.runMetricsEveryStep;
  }

  if (!isRecord(input.enumerated)) {
    throw new DesignError('design.enumerated', `expected an object of value arrays, got ${describe(input.enumerated)}`);
  }
  for (const [name, values] of Object.entries(input.enumerated)) {
    const where = field('design.enumerated', name);
    checkParamName(name, where, options);
    if (!Array.isArray(values) || values.length === 0) {
      throw new DesignError(where, `expected a non-empty array of values, got ${describe(values)}`);
    }
    design.enumerated[name] = values.map((v, i) => validateParamValue(v, `${where}[${i}]`));
  }

  if (input.stepped !== undefined) {
    if (!isRecord(input.stepped)) {
      throw new DesignError('design.stepped', `expected an object of {first, step, last}, got ${describe(input.stepped)}`);
    }
    const stepped: Record<string, SteppedRange> = {};
    for (const [name, range] of Object.entries(input.stepped)) {
      const where = field('design.stepped', name);
      checkParamName(name, where, options);
      if (name in design.enumerated) {
        throw new DesignError(where, 'parameter is both enumerated and stepped');
      }
      if (!isRecord(range)) throw new DesignError(where, `expected {first, step, last}, got ${describe(range)}`);
      for (const key of Object.keys(range)) {
        if (key !== 'first' && key !== 'step' && key !== 'last') throw new DesignError(`${where}.${key}`, 'unknown field');
      }
      const r: SteppedRange = {
        first: finiteNumber(range.first, `${where}.first`),
        step: finiteNumber(range.step, `${where}.step`),
        last: finiteNumber(range.last, `${where}.last`),
      };
      if (r.step === 0) throw new DesignError(`${where}.step`, 'must not be 0');
      if ((r.last - r.first) / r.step < 0) {
        throw new DesignError(where, `empty range: ${r.first} does not reach ${r.last} by ${r.step}`);
      }
      stepped[name] = r;
    }
    design.stepped = stepped;
  }

  if (input.lhs !== undefined) design.lhs = validateLhs(input.lhs, design, options);

  if (input.variant !== undefined) {
    if (input.variant !== 'D2.2' && input.variant !== 'final') {
      throw new DesignError('design.variant', `expected "D2.2" or "final", got ${describe(input.variant)}`);
    }
    design.variant = input.variant;
  }
  if (input.fidelity !== undefined) {
    if (input.fidelity !== 'faithful' && input.fidelity !== 'corrected') {
      throw new DesignError('design.fidelity', `expected "faithful" or "corrected", got ${describe(input.fidelity)}`);
    }
    design.fidelity = input.fidelity;
  }
  if (input.seed !== undefined) {
    if (typeof input.seed !== 'number' || !Number.isSafeInteger(input.seed)) {
      throw new DesignError('design.seed', `expected a safe integer, got ${describe(input.seed)}`);
    }
    design.seed = input.seed;
  }
  return design;
}
