/**
 * Inequality measures over non-negative contribution vectors (MODEL.md §11.4 items 1–2).
 */

function assertNonNegativeFinite(values: readonly number[], fn: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    // Gini and shares are only meaningful for non-negative amounts; a NaN here is an upstream bug.
    if (!Number.isFinite(v) || v < 0) {
      throw new RangeError(`${fn}: values[${i}] must be a finite non-negative number, got ${v}`);
    }
  }
}

/**
 * Gini coefficient with the standard sorted-rank formula
 * G = Σᵢ (2i − n − 1)·x₍ᵢ₎ / (n·Σx), x sorted ascending, i = 1..n.
 *
 * Returns 0 for an empty vector, a single value, or an all-zero vector (MODEL.md §11.4 asks for
 * `null` there: callers that need that distinction test `n < 2 || sum === 0` themselves).
 * Examples: [1,1,1] → 0; [0,0,1] → 2/3 (the maximum for n = 3 is (n−1)/n).
 */
export function gini(values: readonly number[]): number {
  assertNonNegativeFinite(values, 'gini');
  const n = values.length;
  if (n < 2) return 0;
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i] as number;
    total += x;
    weighted += (2 * (i + 1) - n - 1) * x;
  }
  if (total === 0) return 0;
  return weighted / (n * total);
}

/**
 * Number of members in the "top p" group: ⌈p·n⌉, at least 1.
 * The ceiling is taken with a relative tolerance of 1e-9 so that binary floating point does not
 * push an exact product up a whole member (0.07·100 = 7.000000000000001 must give 7, not 8).
 */
export function topCount(n: number, fraction: number): number {
  const raw = fraction * n;
  const k = Math.ceil(raw - 1e-9 * Math.max(1, raw));
  return Math.min(n, Math.max(1, k));
}

/**
 * Share of the total held by the top ⌈fraction·n⌉ values (at least one member; see `topCount`
 * for the rounding). `fraction` must be in (0, 1]. Returns 0 for an empty or all-zero vector.
 * Example: topShare([1,2,3,4], 0.25) = 4/10.
 */
export function topShare(values: readonly number[], fraction: number): number {
  if (!(fraction > 0 && fraction <= 1)) {
    throw new RangeError(`topShare: fraction must be in (0, 1], got ${fraction}`);
  }
  assertNonNegativeFinite(values, 'topShare');
  const n = values.length;
  if (n === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i] as number;
  if (total === 0) return 0;
  const k = topCount(n, fraction);
  let top = 0;
  for (let i = n - k; i < n; i++) top += sorted[i] as number;
  return top / total;
}
