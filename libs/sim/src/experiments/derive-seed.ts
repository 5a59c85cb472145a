/**
 * Per-run seeds. Every run of an experiment gets its own stream, derived from the experiment's
 * root seed, the condition and the replicate, so that
 * - replicates never share a seed (the Mesa batch_run pitfall where every replicate reused one
 *   stream and "replicates" were identical), and
 * - a run can be reproduced on its own from (rootSeed, conditionIndex, replicate), whatever the
 *   worker count or execution order.
 */

/**
 * A bijective 32-bit finaliser (Wellons' "lowbias32", the splitmix/murmur family of
 * xorshift-multiply mixers). Bijective means distinct inputs always give distinct outputs.
 */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

const GOLDEN = 0x9e3779b9;
const TWO_32 = 4294967296;
const PACK_LIMIT = 0x10000;

/**
 * Seed (an unsigned 32-bit integer) of replicate `replicate` of condition `conditionIndex`.
 *
 * The root seed (any safe integer, negative allowed) is split into 32-bit halves and mixed into
 * a key; (conditionIndex, replicate) are packed into 16 + 16 bits, xored with the key and passed
 * through two rounds of mix32. Every step is a bijection on 32-bit words, so for a given root
 * seed all runs with conditionIndex and replicate below 65,536 get pairwise distinct seeds.
 * Beyond that the indices are hashed in instead (distinct with overwhelming probability only).
 */
export function deriveSeed(rootSeed: number, conditionIndex: number, replicate: number): number {
  if (!Number.isSafeInteger(rootSeed)) throw new RangeError(`deriveSeed: rootSeed must be a safe integer, got ${rootSeed}`);
  if (!Number.isSafeInteger(conditionIndex) || conditionIndex < 0) {
    throw new RangeError(`deriveSeed: conditionIndex must be an integer >= 0, got ${conditionIndex}`);
  }
  if (!Number.isSafeInteger(replicate) || replicate < 0) {
    throw new RangeError(`deriveSeed: replicate must be an integer >= 0, got ${replicate}`);
  }
  const lo = rootSeed >>> 0;
  const hi = Math.floor(rootSeed / TWO_32) >>> 0;
  const key = mix32(lo ^ mix32((hi ^ GOLDEN) >>> 0));
  const packed =
    conditionIndex < PACK_LIMIT && replicate < PACK_LIMIT
      ? ((conditionIndex << 16) | replicate) >>> 0
      : (mix32(Math.floor(conditionIndex / TWO_32) ^ (conditionIndex >>> 0)) ^
          mix32(((replicate >>> 0) + GOLDEN) >>> 0) ^
          Math.floor(replicate / TWO_32)) >>>
        0;
  return mix32((mix32((packed ^ key) >>> 0) + GOLDEN) >>> 0);
}
