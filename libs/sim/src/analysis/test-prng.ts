/**
 * Deterministic generators for the fit tests only (mulberry32): the tests need reproducible
 * synthetic samples and must not depend on the model's RNG module.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf(α) on {1, 2, …} by Devroye's rejection method (exact, α > 1). */
export function zipfSampler(alpha: number, uniform: () => number): () => number {
  const b = 2 ** (alpha - 1);
  return () => {
    for (;;) {
      const u = 1 - uniform();
      const v = uniform();
      const x = Math.floor(u ** (-1 / (alpha - 1)));
      const t = (1 + 1 / x) ** (alpha - 1);
      if ((v * x * (t - 1)) / (b - 1) <= t / b) return x;
    }
  };
}

/** Standard normal by Box–Muller. */
export function normalSampler(uniform: () => number): () => number {
  return () => {
    const u = 1 - uniform();
    const v = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}
