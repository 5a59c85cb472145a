/**
 * Farthest-point queries over the live projects (D_max of S1 passes 2 and 4).
 * The farthest point of a set from any query lies on the set's convex hull,
 * so the hull is built once per pass and each query scans only its vertices.
 */
import type { Project } from '../types';

// Scratch buffers reused across calls: the hull is rebuilt every tick, and
// allocating one [x, y] tuple per project was a major source of garbage.
let xs = new Float64Array(256);
let ys = new Float64Array(256);
const order: number[] = [];
let chain = new Int32Array(512);
const byXY = (a: number, b: number): number => (xs[a] as number) - (xs[b] as number) || (ys[a] as number) - (ys[b] as number);

/** (a − o) × (b − o) over point indices. */
function cross(o: number, a: number, b: number): number {
  const ox = xs[o] as number;
  const oy = ys[o] as number;
  return ((xs[a] as number) - ox) * ((ys[b] as number) - oy) - ((ys[a] as number) - oy) * ((xs[b] as number) - ox);
}

/** Convex hull vertices (x, y pairs) of the given projects (Andrew's monotone chain). */
export function hullOf(projects: readonly Project[], out: number[] = []): number[] {
  const n = projects.length;
  if (xs.length < n) {
    xs = new Float64Array(2 * n);
    ys = new Float64Array(2 * n);
    chain = new Int32Array(4 * n);
  }
  for (let i = 0; i < n; i++) {
    const p = projects[i] as Project;
    xs[i] = p.x;
    ys[i] = p.y;
  }
  // Akl–Toussaint: a point strictly inside the quadrilateral of the leftmost,
  // lowest, rightmost and highest points is not a hull vertex, so only the
  // others are sorted (the hull is unchanged; the sort was the main cost).
  let l = 0;
  let b = 0;
  let r = 0;
  let t = 0;
  for (let i = 1; i < n; i++) {
    if ((xs[i] as number) < (xs[l] as number)) l = i;
    if ((ys[i] as number) < (ys[b] as number)) b = i;
    if ((xs[i] as number) > (xs[r] as number)) r = i;
    if ((ys[i] as number) > (ys[t] as number)) t = i;
  }
  let m = 0;
  for (let i = 0; i < n; i++) {
    // Counter-clockwise edges l→b→r→t→l; strictly left of all four = strictly inside.
    const inside = cross(l, b, i) > 0 && cross(b, r, i) > 0 && cross(r, t, i) > 0 && cross(t, l, i) > 0;
    if (!inside) order[m++] = i;
  }
  order.length = m;
  order.sort(byXY);
  out.length = 0;
  if (m <= 2) {
    for (let i = 0; i < m; i++) out.push(xs[order[i] as number] as number, ys[order[i] as number] as number);
    return out;
  }
  // Lower chain then upper chain in one stack; each drops its last point (the other chain's first).
  let k = 0;
  for (let i = 0; i < m; i++) {
    const p = order[i] as number;
    while (k >= 2 && cross(chain[k - 2] as number, chain[k - 1] as number, p) <= 0) k--;
    chain[k++] = p;
  }
  const lowerEnd = k;
  const upperStart = k;
  for (let i = m - 1; i >= 0; i--) {
    const p = order[i] as number;
    while (k - upperStart >= 2 && cross(chain[k - 2] as number, chain[k - 1] as number, p) <= 0) k--;
    chain[k++] = p;
  }
  for (let i = 0; i < lowerEnd - 1; i++) out.push(xs[chain[i] as number] as number, ys[chain[i] as number] as number);
  for (let i = upperStart; i < k - 1; i++) out.push(xs[chain[i] as number] as number, ys[chain[i] as number] as number);
  return out;
}

/** Largest distance from (x, y) to any hull vertex; NaN for an empty hull. */
export function farthestDistance(hull: readonly number[], x: number, y: number): number {
  let best = NaN;
  for (let i = 0; i < hull.length; i += 2) {
    const dx = (hull[i] as number) - x;
    const dy = (hull[i + 1] as number) - y;
    const d = Math.sqrt(dx * dx + dy * dy);
    if (!(d <= best)) best = d;
  }
  return best;
}
