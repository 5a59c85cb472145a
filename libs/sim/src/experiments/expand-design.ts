/**
 * Expansion of a design into its ordered list of runs, in BehaviorSpace order.
 *
 * BehaviorSpace (NetLogo 5.x lab.Protocol.elements) takes the value sets in the order they are
 * listed, builds their full factorial with the FIRST set varying slowest and the LAST fastest
 * (an odometer), and repeats each combination `repetitions` times consecutively. Run numbers
 * therefore go: condition 0 × replicates 0..r−1, condition 1 × …. Here the value sets are the
 * `enumerated` keys in insertion order followed by the `stepped` keys in insertion order.
 * runIndex, conditionIndex and replicate are 0-based; BehaviorSpace's "[run number]" is
 * runIndex + 1.
 */
import { BEHAVIORSPACE_METRICS } from './behaviorspace-metrics';
import type { Design, ParamValue, SteppedRange } from './design';
import { deriveSeed } from './derive-seed';
import { latinHypercubeSamples } from './latin-hypercube';

export interface RunSpec {
  runIndex: number;
  conditionIndex: number;
  replicate: number;
  /** The values of the design's value sets; parameters not listed take the model defaults. */
  params: Record<string, ParamValue>;
  seed: number;
}

export interface ExpandOptions {
  /** Root seed; overrides design.seed (default design.seed ?? DEFAULT_ROOT_SEED). */
  rootSeed?: number;
  /** Replicates per condition; overrides design.repetitions. */
  repetitions?: number;
}

export const DEFAULT_ROOT_SEED = 1;

/** Digits after the decimal point in the shortest round-trip representation of x. */
function decimalsOf(x: number): number {
  const s = String(Math.abs(x));
  const e = s.indexOf('e');
  if (e >= 0) {
    const mantissa = s.slice(0, e);
    const exp = Number(s.slice(e + 1));
    const dot = mantissa.indexOf('.');
    const mantissaDecimals = dot < 0 ? 0 : mantissa.length - dot - 1;
    return Math.max(0, mantissaDecimals - exp);
  }
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Values of a stepped range. Each value is computed as first + i·step (never by repeated
 * addition) and rounded to the larger number of decimals of first and step, so 0, 0.1, … 0.3
 * gives exactly 0.3, not 0.30000000000000004. As in BehaviorSpace, `last` is included when the
 * range reaches it (within 1e-9 of a step).
 */
export function steppedValues(range: SteppedRange): number[] {
  const { first, step, last } = range;
  if (step === 0 || !Number.isFinite(first) || !Number.isFinite(step) || !Number.isFinite(last)) {
    throw new RangeError(`steppedValues: invalid range ${JSON.stringify(range)}`);
  }
  const count = Math.floor((last - first) / step + 1e-9) + 1;
  if (count < 1) return [];
  const decimals = Math.min(100, Math.max(decimalsOf(first), decimalsOf(step)));
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(Number((first + i * step).toFixed(decimals)));
  return values;
}

/** The value sets in BehaviorSpace order: [name, values] pairs. */
export function designValueSets(design: Design): Array<[string, ParamValue[]]> {
  const sets: Array<[string, ParamValue[]]> = Object.entries(design.enumerated).map(([k, v]) => [k, [...v]]);
  for (const [name, range] of Object.entries(design.stepped ?? {})) sets.push([name, steppedValues(range)]);
  return sets;
}

/**
 * The conditions (value combinations) in BehaviorSpace order, first set slowest. A design with a
 * Latin hypercube has every factorial combination crossed with every LHS sample (samples fastest);
 * the samples come from `rootSeed`, which must be the seed the runs are derived from.
 */
export function designConditions(design: Design, rootSeed = design.seed ?? DEFAULT_ROOT_SEED): Array<Record<string, ParamValue>> {
  const factorial = factorialConditions(design);
  if (!design.lhs) return factorial;
  const samples = latinHypercubeSamples(design.lhs, rootSeed);
  return factorial.flatMap((c) => samples.map((s) => ({ ...c, ...s })));
}

function factorialConditions(design: Design): Array<Record<string, ParamValue>> {
  const sets = designValueSets(design);
  let conditions: Array<Record<string, ParamValue>> = [{}];
  // Build from the last set outwards so that the first set ends up varying slowest.
  for (let s = sets.length - 1; s >= 0; s--) {
    const [name, values] = sets[s] as [string, ParamValue[]];
    const next: Array<Record<string, ParamValue>> = [];
    for (const v of values) for (const c of conditions) next.push({ [name]: v, ...c });
    conditions = next;
  }
  // Key order = value-set order, which callers use for CSV column order.
  return conditions.map((c) => {
    const ordered: Record<string, ParamValue> = {};
    for (const [name] of sets) ordered[name] = c[name] as ParamValue;
    return ordered;
  });
}

export function countRuns(design: Design, repetitions = design.repetitions): number {
  return designValueSets(design).reduce((n, [, v]) => n * v.length, 1) * (design.lhs?.samples ?? 1) * repetitions;
}

/** Metric ids a design records (its own list, or all BehaviorSpace metrics). */
export function designMetrics(design: Design): string[] {
  return design.metrics ? [...design.metrics] : [...BEHAVIORSPACE_METRICS];
}

/** Every run of the design, in BehaviorSpace order, each with its derived seed. */
export function expandDesign(design: Design, options: ExpandOptions = {}): RunSpec[] {
  const repetitions = options.repetitions ?? design.repetitions;
  if (!Number.isSafeInteger(repetitions) || repetitions < 1) {
    throw new RangeError(`expandDesign: repetitions must be an integer >= 1, got ${repetitions}`);
  }
  const rootSeed = options.rootSeed ?? design.seed ?? DEFAULT_ROOT_SEED;
  const runs: RunSpec[] = [];
  designConditions(design, rootSeed).forEach((params, conditionIndex) => {
    for (let replicate = 0; replicate < repetitions; replicate++) {
      runs.push({
        runIndex: runs.length,
        conditionIndex,
        replicate,
        params: { ...params },
        seed: deriveSeed(rootSeed, conditionIndex, replicate),
      });
    }
  });
  return runs;
}
