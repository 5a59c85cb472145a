import { z } from 'zod';
import {
  DEFAULT_ROOT_SEED,
  DesignError,
  SimConfigError,
  expandDesign,
  getParameterSpec,
  parameterLimits,
  METRICS,
  steppedValues,
  validateDesign,
  validateParam,
  type Design,
  type RunSpec,
} from '@p2pvalue/sim';
// The subpath keeps this module free of server-only code: the designer validates in the browser with it.
import { AppError } from '@p2pvalue/shared/app-error';

/** Limits that keep one experiment within what the service can store and run. */
export interface ExperimentLimits {
  maxRuns: number;
  maxTicks: number;
  /** Runs × ticks: the total work of one experiment. */
  maxTotalTicks: number;
}

export const DEFAULT_EXPERIMENT_LIMITS: ExperimentLimits = { maxRuns: 10_000, maxTicks: 100_000, maxTotalTicks: 50_000_000 };

const ZParamValue = z.union([z.number(), z.boolean(), z.string()]);

/**
 * An experiment design: the shape of the entries of experiments.json. `inFiles`, `totalRuns` and
 * `combinations` are descriptive fields of that file; they are accepted (totalRuns must then match
 * the expansion) and not stored.
 */
export const ZExperimentDesignInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    repetitions: z.number().int().min(1),
    steps: z.number().int().min(0, 'ticks must not be negative'),
    metrics: z.array(z.string().min(1)).min(1).optional(),
    runMetricsEveryStep: z.boolean().optional(),
    enumerated: z.record(z.string(), z.array(ZParamValue).min(1)),
    stepped: z.record(z.string(), z.object({ first: z.number(), step: z.number(), last: z.number() }).strict()).optional(),
    lhs: z
      .object({
        samples: z.number().int().min(2, 'a Latin hypercube needs at least 2 samples'),
        parameters: z.record(z.string(), z.object({ min: z.number(), max: z.number() }).strict()),
      })
      .strict()
      .optional(),
    variant: z.enum(['D2.2', 'final']).optional(),
    fidelity: z.enum(['faithful', 'corrected']).optional(),
    seed: z.number().int().nullable().optional(),
    inFiles: z.array(z.string()).optional(),
    totalRuns: z.number().int().optional(),
    combinations: z.number().int().optional(),
  })
  .strict();
export type TExperimentDesignInput = z.input<typeof ZExperimentDesignInput>;

export interface CheckedDesign {
  design: Design;
  rootSeed: number;
  conditions: number;
  totalRuns: number;
}

function refuse(field: string, reason: string): never {
  throw new AppError('BAD_REQUEST', `${field}: ${reason}`, { details: { reason: 'INVALID_DESIGN', field } });
}

/** Number of values of a stepped range without building them (a range may be absurdly long). */
function steppedCount(range: { first: number; step: number; last: number }): number {
  return Math.floor((range.last - range.first) / range.step + 1e-9) + 1;
}

function checkValue(name: string, value: unknown, field: string): void {
  const spec = getParameterSpec(name);
  if (!spec) refuse(field, `unknown parameter "${name}"`);
  try {
    validateParam(spec, value);
  } catch (error) {
    if (error instanceof SimConfigError) refuse(field, error.message);
    throw error;
  }
}

/**
 * A sensitivity study samples numeric parameters within their allowed ranges, with everything
 * else fixed: other parameters take one value each, or PRCC would mix several studies into one.
 * Returns the number of conditions (the samples).
 */
function checkLhs(design: Design, factorialConditions: number, limits: ExperimentLimits): number {
  const lhs = design.lhs;
  if (!lhs) return factorialConditions;
  for (const [name, range] of Object.entries(lhs.parameters)) {
    const field = `design.lhs.parameters["${name}"]`;
    const spec = getParameterSpec(name);
    if (!spec) refuse(field, `unknown parameter "${name}"`);
    if (spec.type !== 'integer' && spec.type !== 'number') refuse(field, `parameter "${name}" is a ${spec.type}; only numeric parameters can be sampled`);
    const { min, max } = parameterLimits(spec);
    for (const key of ['min', 'max'] as const) {
      if (range[key] < min || range[key] > max) refuse(`${field}.${key}`, `parameter "${name}" must be in [${min}, ${max}], got ${range[key]}`);
    }
    if (spec.type === 'integer' && Math.floor(range.max) < Math.ceil(range.min)) refuse(field, `parameter "${name}" is an integer and [${range.min}, ${range.max}] holds none`);
  }
  for (const [name, values] of Object.entries(design.enumerated)) {
    if (values.length > 1) refuse(`design.enumerated["${name}"]`, `a Latin-hypercube design fixes the other parameters: give "${name}" one value (run one study per setting)`);
  }
  if (design.stepped && Object.keys(design.stepped).length > 0) {
    const [name] = Object.keys(design.stepped);
    refuse(`design.stepped["${name}"]`, 'a Latin-hypercube design fixes the other parameters: list them under enumerated with one value');
  }
  if (lhs.samples > limits.maxRuns) refuse('design.lhs.samples', `${lhs.samples} samples; at most ${limits.maxRuns} runs per experiment`);
  return factorialConditions * lhs.samples;
}

/**
 * Validates an untrusted design: its shape, every parameter name and value against the model's
 * parameter definitions, the metrics, and the limits. Throws AppError BAD_REQUEST naming the field
 * and the reason; returns the design with the number of runs it expands to.
 */
export function checkExperimentDesign(input: unknown, limits: ExperimentLimits = DEFAULT_EXPERIMENT_LIMITS): CheckedDesign {
  const parsed = ZExperimentDesignInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = ['design', ...(issue?.path ?? []).map(String)].join('.');
    refuse(field, issue?.message ?? 'invalid design');
  }
  const { inFiles: _inFiles, totalRuns: declaredRuns, combinations: _combinations, seed, ...rest } = parsed.data;
  let design: Design;
  try {
    design = validateDesign(seed === null || seed === undefined ? rest : { ...rest, seed });
  } catch (error) {
    if (error instanceof DesignError) refuse(error.field, error.message.slice(error.field.length + 2));
    throw error;
  }
  if (design.steps > limits.maxTicks) refuse('design.steps', `at most ${limits.maxTicks} ticks per run, got ${design.steps}`);

  let conditions = 1;
  for (const [name, values] of Object.entries(design.enumerated)) {
    values.forEach((v, i) => checkValue(name, v, `design.enumerated["${name}"][${i}]`));
    conditions *= values.length;
  }
  for (const [name, range] of Object.entries(design.stepped ?? {})) {
    const field = `design.stepped["${name}"]`;
    const count = steppedCount(range);
    if (count > limits.maxRuns) refuse(field, `${count} values; at most ${limits.maxRuns} runs per experiment`);
    const spec = getParameterSpec(name);
    if (spec && (spec.type === 'integer' || spec.type === 'number')) {
      const { min, max } = parameterLimits(spec);
      for (const key of ['first', 'last'] as const) {
        if (range[key] < min || range[key] > max) refuse(`${field}.${key}`, `parameter "${name}" must be in [${min}, ${max}], got ${range[key]}`);
      }
    }
    steppedValues(range).forEach((v, i) => checkValue(name, v, `${field}[${i}]`));
    conditions *= count;
    if (conditions > limits.maxRuns) break;
  }
  if (design.lhs) conditions = checkLhs(design, conditions, limits);
  const totalRuns = conditions * design.repetitions;
  if (totalRuns > limits.maxRuns) refuse('design', `${totalRuns} runs; at most ${limits.maxRuns} runs per experiment`);
  if (totalRuns * design.steps > limits.maxTotalTicks) {
    refuse('design', `${totalRuns} runs × ${design.steps} ticks exceeds the limit of ${limits.maxTotalTicks} ticks per experiment`);
  }
  if (design.metrics) {
    design.metrics.forEach((id, i) => {
      if (!METRICS.has(id)) refuse(`design.metrics[${i}]`, `unknown metric "${id}"`);
    });
  }
  if (declaredRuns !== undefined && declaredRuns !== totalRuns) refuse('design.totalRuns', `declares ${declaredRuns} runs but the design expands to ${totalRuns}`);
  return { design, rootSeed: design.seed ?? DEFAULT_ROOT_SEED, conditions, totalRuns };
}

/** The runs of a checked design (conditions × repetitions), each with a seed derived from the root seed. */
export function expandExperimentRuns(checked: CheckedDesign): RunSpec[] {
  return expandDesign(checked.design, { rootSeed: checked.rootSeed });
}
