/**
 * Maximise a function of two variables by the Nelder–Mead simplex (standard coefficients:
 * reflection 1, expansion 2, contraction ½, shrink ½). Deterministic and derivative-free; used
 * for the two-parameter truncated log-normal likelihood, which has no closed-form maximum.
 * Non-finite values count as −∞, so a function may reject points outside its domain that way.
 */
export function nelderMeadMax2(
  f: (x: number, y: number) => number,
  start: readonly [number, number],
  step: readonly [number, number],
  tol = 1e-10,
  maxIter = 2000,
): { x: number; y: number; value: number } {
  const value = (x: number, y: number): number => {
    const v = f(x, y);
    return Number.isFinite(v) ? v : -Infinity;
  };
  const [x0, y0] = start;
  const pts: [number, number, number][] = [
    [x0, y0, value(x0, y0)],
    [x0 + step[0], y0, value(x0 + step[0], y0)],
    [x0, y0 + step[1], value(x0, y0 + step[1])],
  ];
  const byValueDesc = (a: [number, number, number], b: [number, number, number]): number => b[2] - a[2];
  for (let iter = 0; iter < maxIter; iter++) {
    pts.sort(byValueDesc);
    const [best, mid, worst] = pts as [[number, number, number], [number, number, number], [number, number, number]];
    const spread = Math.max(Math.abs(best[0] - worst[0]), Math.abs(best[1] - worst[1]), Math.abs(best[0] - mid[0]), Math.abs(best[1] - mid[1]));
    if (Number.isFinite(worst[2]) && Math.abs(best[2] - worst[2]) <= tol * (Math.abs(best[2]) + tol) && spread <= Math.sqrt(tol)) break;
    const cx = (best[0] + mid[0]) / 2;
    const cy = (best[1] + mid[1]) / 2;
    const at = (t: number): [number, number, number] => {
      const x = cx + t * (worst[0] - cx);
      const y = cy + t * (worst[1] - cy);
      return [x, y, value(x, y)];
    };
    const r = at(-1);
    if (r[2] > best[2]) {
      const e = at(-2);
      pts[2] = e[2] > r[2] ? e : r;
    } else if (r[2] > mid[2]) {
      pts[2] = r;
    } else {
      const c = r[2] > worst[2] ? at(-0.5) : at(0.5);
      if (c[2] > Math.max(worst[2], r[2])) {
        pts[2] = c;
      } else {
        // Shrink towards the best point.
        for (const k of [1, 2]) {
          const p = pts[k] as [number, number, number];
          const x = best[0] + 0.5 * (p[0] - best[0]);
          const y = best[1] + 0.5 * (p[1] - best[1]);
          pts[k] = [x, y, value(x, y)];
        }
      }
    }
  }
  pts.sort(byValueDesc);
  const [x, y, v] = pts[0] as [number, number, number];
  return { x, y, value: v };
}
