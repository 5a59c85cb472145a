import { AppError } from '@p2pvalue/shared';

/**
 * Linear quadratic funding (Buterin, Hitzig & Weyl 2018), as used by Gitcoin and clr.fund.
 *
 * For a need p with contributions c₁…cₙ (each contributor's total), the ideal match is
 *   m(p) = (Σ √cᵢ)² − Σ cᵢ,
 * i.e. what QF adds on top of the contributions. A finite matching pool ("pot") is shared in
 * proportion to m(p). With a cap ratio r, no need receives more than r × pot: the excess is cut and
 * shared among the uncapped needs in proportion to their m(p), repeatedly, until no share exceeds
 * the cap (water-filling; at most one round per need).
 *
 * When no need has two or more contributors, every m(p) is 0; the pot is then shared in proportion
 * to the contributions, so that the matching always sums to the pot when any contribution exists.
 * If every need that shares the pot is capped (r × their number < 1), the rest of the pot is
 * not allocated and stays in the pool.
 */
export interface QuadraticMatchingOptions {
  /** Share of the pot one need can receive at most, in (0, 1]. */
  capRatio?: number;
}

/** (Σ √cᵢ)² − Σ cᵢ for one need; 0 for no or one contributor. */
export function idealQuadraticMatch(contributions: readonly number[]): number {
  let sumOfRoots = 0;
  let sum = 0;
  for (const c of contributions) {
    sumOfRoots += Math.sqrt(c);
    sum += c;
  }
  // (√c)² is not exactly c in floating point: a single contributor's term would be ±1e-13 instead of
  // 0. Anything below that rounding noise is zero.
  const match = sumOfRoots * sumOfRoots - sum;
  return match > 1e-9 * Math.max(1, sum) ? match : 0;
}

function assertAmount(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new AppError('BAD_REQUEST', `${what} must be a finite number ≥ 0 (got ${value}).`);
  }
}

export function computeQuadraticMatching(
  contributions: Record<string, number[]>,
  pot: number,
  options: QuadraticMatchingOptions = {},
): Record<string, number> {
  assertAmount(pot, 'The matching pool');
  const capRatio = options.capRatio ?? 1;
  if (!Number.isFinite(capRatio) || capRatio <= 0 || capRatio > 1) {
    throw new AppError('BAD_REQUEST', `The cap ratio must be in (0, 1] (got ${capRatio}).`);
  }
  const needs = Object.keys(contributions);
  const result: Record<string, number> = {};
  const weights = new Map<string, number>();
  let anyMatch = false;
  for (const need of needs) {
    const list = contributions[need] ?? [];
    for (const c of list) assertAmount(c, `A contribution to ${need}`);
    result[need] = 0;
    const w = idealQuadraticMatch(list);
    weights.set(need, w);
    if (w > 0) anyMatch = true;
  }
  if (!anyMatch) {
    // Degenerate case: share in proportion to the contributions themselves.
    for (const need of needs) weights.set(need, (contributions[need] ?? []).reduce((a, b) => a + b, 0));
  }

  let active = needs.filter((need) => (weights.get(need) ?? 0) > 0);
  let remaining = pot;
  const cap = capRatio * pot;
  while (active.length > 0 && remaining > 0) {
    const total = active.reduce((sum, need) => sum + (weights.get(need) ?? 0), 0);
    const over: string[] = [];
    for (const need of active) {
      const share = (remaining * (weights.get(need) ?? 0)) / total;
      if (share > cap * (1 + 1e-12)) over.push(need);
    }
    if (over.length === 0) {
      for (const need of active) result[need] = (remaining * (weights.get(need) ?? 0)) / total;
      remaining = 0;
      break;
    }
    for (const need of over) {
      result[need] = cap;
      remaining -= cap;
    }
    const capped = new Set(over);
    active = active.filter((need) => !capped.has(need));
  }
  return result;
}

/**
 * Rounds real-valued amounts to whole credits without creating or losing any: floors every amount,
 * then gives the credits left over (round(Σ amounts) − Σ floors) one by one to the largest
 * remainders; ties go to the key that sorts first, so the result is deterministic. An entry never
 * exceeds `max` (e.g. a matching cap) through rounding.
 */
export function allocateWholeCredits(amounts: Record<string, number>, options: { max?: number } = {}): Record<string, number> {
  const keys = Object.keys(amounts).sort();
  const out: Record<string, number> = {};
  let floors = 0;
  let total = 0;
  for (const key of keys) {
    const value = amounts[key] ?? 0;
    assertAmount(value, `The amount for ${key}`);
    out[key] = Math.floor(value + 1e-9);
    floors += out[key];
    total += value;
  }
  let left = Math.round(total) - floors;
  const byRemainder = keys
    .map((key) => ({ key, rest: (amounts[key] ?? 0) - (out[key] ?? 0) }))
    .sort((a, b) => b.rest - a.rest || (a.key < b.key ? -1 : 1));
  for (const { key } of byRemainder) {
    if (left <= 0) break;
    const next = (out[key] ?? 0) + 1;
    if (options.max !== undefined && next > options.max + 1e-9) continue;
    if ((amounts[key] ?? 0) <= 0) continue;
    out[key] = next;
    left -= 1;
  }
  return out;
}
