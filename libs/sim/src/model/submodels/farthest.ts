/**
 * Farthest-point queries over the live projects (D_max of S1 passes 2 and 4).
 * The farthest point of a set from any query lies on the set's convex hull,
 * so the hull is built once per pass and each query scans only its vertices.
 */
import type { Project } from '../types';

/** Convex hull vertices (x, y pairs) of the given projects (Andrew's monotone chain). */
export function hullOf(projects: readonly Project[]): number[] {
  const pts = projects.map((p) => [p.x, p.y] as [number, number]);
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length <= 2) return pts.flat();
  const cross = (o: [number, number], a: [number, number], b: [number, number]): number =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2] as [number, number], lower[lower.length - 1] as [number, number], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: [number, number][] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i] as [number, number];
    while (upper.length >= 2 && cross(upper[upper.length - 2] as [number, number], upper[upper.length - 1] as [number, number], p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper).flat();
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
