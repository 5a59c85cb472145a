/**
 * The calibration distance (docs/health.md, "Distance"): for each observed series k, the root
 * mean square error of the simulated series over the weeks, divided by the observed scale
 * s_k = max(1, mean of the observed values); the distance is the root mean of the squared
 * per-series errors:
 *
 *   d = sqrt( (1/K) Σ_k (1/T) Σ_t ((sim_k(t) − obs_k(t)) / s_k)² )
 *
 * Normalising by the observed scale keeps a series of hundreds of #90s from drowning out a
 * series of a few #1s. A run that stopped early (the model stops when the community is gone)
 * keeps its last value for the remaining weeks; a missing value counts as 0.
 */
export function normalisedRmse(observed: Readonly<Record<string, readonly number[]>>, simulated: Readonly<Record<string, readonly (number | null)[]>>): number {
  const names = Object.keys(observed);
  if (names.length === 0) throw new RangeError('no observed series');
  let total = 0;
  for (const name of names) {
    const obs = observed[name] as readonly number[];
    if (obs.length === 0) throw new RangeError(`observed series ${name} is empty`);
    const sim = simulated[name];
    if (!sim) throw new RangeError(`simulated series ${name} is missing`);
    const scale = Math.max(1, obs.reduce((a, b) => a + Math.abs(b), 0) / obs.length);
    let sum = 0;
    let last = 0;
    for (let t = 0; t < obs.length; t++) {
      if (t < sim.length) last = sim[t] ?? 0;
      sum += ((last - (obs[t] as number)) / scale) ** 2;
    }
    total += sum / obs.length;
  }
  return Math.sqrt(total / names.length);
}
