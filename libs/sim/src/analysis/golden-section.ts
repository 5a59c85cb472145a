/**
 * Maximise a unimodal function on [lo, hi] by golden-section search. The power-law and
 * truncated log-likelihoods are concave in their shape parameter, so this is exact up to `tol`
 * without derivatives.
 */
export function goldenSectionMax(
  f: (x: number) => number,
  lo: number,
  hi: number,
  tol = 1e-9,
): number {
  const invPhi = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - invPhi * (b - a);
  let d = a + invPhi * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 200 && b - a > tol; i++) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - invPhi * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + invPhi * (b - a);
      fd = f(d);
    }
  }
  return 0.5 * (a + b);
}
