/**
 * Latin-hypercube sampling for sensitivity studies (the Commoners Framework's LHS + PRCC).
 *
 * A Latin hypercube of N samples over k parameters cuts each parameter's range into N equal
 * strata and takes exactly one value from every stratum of every parameter; the strata are paired
 * across parameters by independent random permutations. N samples then cover each range as evenly
 * as N points can, whatever k is, which is why PRCC studies use it instead of a full factorial.
 */
import { getParameterSpec } from '../params/resolve-params';
import { Rng } from '../rng/xoshiro128';
import { deriveSeed } from './derive-seed';

/** The range one parameter is sampled over (inclusive). */
export interface LhsRange {
  min: number;
  max: number;
}

/** A Latin-hypercube part of a design: `samples` points over the listed parameters' ranges. */
export interface LhsSpec {
  samples: number;
  /** Each is drawn independently of the others; the samples do not depend on the key order. */
  parameters: Record<string, LhsRange>;
}

/**
 * The LHS stream is derived from the root seed like a run's seed, but at a condition index no
 * run can have (the design limits keep condition indices far below 2^53 − 1), so the samples
 * are fixed by the root seed and independent of every run's own stream.
 */
const LHS_STREAM = Number.MAX_SAFE_INTEGER;

/** Seed of the generator that draws a design's Latin hypercube. */
export function lhsSeed(rootSeed: number): number {
  return deriveSeed(rootSeed, LHS_STREAM, 0);
}

/**
 * A Latin hypercube on the unit cube: `samples` rows of `dimensions` values in [0, 1). For every
 * dimension, row i lies in stratum perm[i] = [perm[i]/N, (perm[i]+1)/N), each stratum exactly
 * once, at a uniform position inside it. Draw order (dimension by dimension: a Fisher–Yates
 * shuffle, then one jitter per row) is part of the contract: the same generator state always
 * gives the same hypercube.
 */
export function unitLatinHypercube(samples: number, dimensions: number, rng: Rng): number[][] {
  if (!Number.isSafeInteger(samples) || samples < 1) throw new RangeError(`unitLatinHypercube: samples must be an integer >= 1, got ${samples}`);
  if (!Number.isSafeInteger(dimensions) || dimensions < 0) throw new RangeError(`unitLatinHypercube: dimensions must be an integer >= 0, got ${dimensions}`);
  const rows = Array.from({ length: samples }, () => new Array<number>(dimensions).fill(0));
  for (let d = 0; d < dimensions; d++) {
    const perm = Array.from({ length: samples }, (_, i) => i);
    for (let i = samples - 1; i > 0; i--) {
      const j = rng.below(i + 1);
      const t = perm[i] as number;
      perm[i] = perm[j] as number;
      perm[j] = t;
    }
    for (let i = 0; i < samples; i++) (rows[i] as number[])[d] = ((perm[i] as number) + rng.float()) / samples;
  }
  return rows;
}

/**
 * Maps u ∈ [0, 1) onto a range. Integer parameters split the range into its max − min + 1
 * integers and give each an equal share of [0, 1) (⌊min + u·(max − min + 1)⌋), so the end values
 * are as likely as any other, which plain rounding would halve.
 */
export function scaleToRange(u: number, range: LhsRange, integer: boolean): number {
  if (integer) {
    const lo = Math.ceil(range.min);
    const hi = Math.floor(range.max);
    return Math.min(hi, lo + Math.floor(u * (hi - lo + 1)));
  }
  return Math.min(range.max, range.min + u * (range.max - range.min));
}

/**
 * The samples of a design's Latin hypercube, drawn from the root seed with the model's own
 * generator: one parameter record per sample, keys in the spec's order (the draw itself is in
 * name order). Parameters whose model type is integer get integers.
 */
export function latinHypercubeSamples(lhs: LhsSpec, rootSeed: number): Array<Record<string, number>> {
  const names = Object.keys(lhs.parameters);
  // Dimensions are drawn in name order, not key order: a design stored as PostgreSQL jsonb comes
  // back with its keys reordered, and must still give the samples its runs were created with.
  const drawOrder = [...names].sort();
  const unit = unitLatinHypercube(lhs.samples, names.length, new Rng(lhsSeed(rootSeed)));
  return unit.map((row) => {
    const sample: Record<string, number> = {};
    for (const name of names) {
      const range = lhs.parameters[name] as LhsRange;
      sample[name] = scaleToRange(row[drawOrder.indexOf(name)] as number, range, getParameterSpec(name)?.type === 'integer');
    }
    return sample;
  });
}
