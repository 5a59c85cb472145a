/**
 * World geometry (MODEL.md §2.1): 51×51 patches, no wrapping, continuous
 * coordinates in [−25.5, 25.5), heading 0 = north, clockwise.
 */

/** Smallest legal coordinate. */
export const WORLD_MIN = -25.5;
/** Coordinates must be strictly below this. */
export const WORLD_MAX = 25.5;

/** True if (x, y) is a legal turtle position. */
export function inWorld(x: number, y: number): boolean {
  return x >= WORLD_MIN && x < WORLD_MAX && y >= WORLD_MIN && y < WORLD_MAX;
}

/** Euclidean distance. */
export function dist(ax: number, ay: number, bx: number, by: number): number {
  const dx = ax - bx;
  const dy = ay - by;
  return Math.sqrt(dx * dx + dy * dy);
}

const DEG = Math.PI / 180;

/** sin and cos of every integer heading, computed with the same expressions as before (identical values). */
const SIN: Float64Array = new Float64Array(360);
const COS: Float64Array = new Float64Array(360);
for (let h = 0; h < 360; h++) {
  SIN[h] = Math.sin(h * DEG);
  COS[h] = Math.cos(h * DEG);
}

/**
 * `forward 1` with an integer heading in degrees, applied to `pos` in place.
 * A move that would leave the world is not performed (§2.1). Exact values at
 * the axes avoid sin(180°) ≠ 0 noise.
 */
export function forwardOne(pos: { x: number; y: number }, headingDeg: number): void {
  const h = ((headingDeg % 360) + 360) % 360;
  let dx: number;
  let dy: number;
  if (h === 0) {
    dx = 0;
    dy = 1;
  } else if (h === 90) {
    dx = 1;
    dy = 0;
  } else if (h === 180) {
    dx = 0;
    dy = -1;
  } else if (h === 270) {
    dx = -1;
    dy = 0;
  } else if (Number.isInteger(h)) {
    dx = SIN[h] as number;
    dy = COS[h] as number;
  } else {
    dx = Math.sin(h * DEG);
    dy = Math.cos(h * DEG);
  }
  const nx = pos.x + dx;
  const ny = pos.y + dy;
  if (inWorld(nx, ny)) {
    pos.x = nx;
    pos.y = ny;
  }
}
