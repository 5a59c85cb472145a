/**
 * Kaplan–Meier product-limit estimator for right-censored tenures (MODEL.md §11.4 item 3).
 */

export interface KaplanMeierCurve {
  /** Distinct event times, ascending (censoring-only times are omitted: S does not change there). */
  times: number[];
  /** S(t) just after each event time: survival[i] = P(T > times[i]). */
  survival: number[];
}

/**
 * Kaplan–Meier estimate. `observed[i]` is true when durations[i] ended in the event (exit) and
 * false when it was right-censored (still present at the end of the run).
 *
 * Ties: at a time t, everyone with duration ≥ t is at risk, so a subject censored at t is
 * counted at risk for the events at t (the usual convention: events precede censoring).
 */
export function kaplanMeier(
  durations: readonly number[],
  observed: readonly boolean[],
): KaplanMeierCurve {
  if (durations.length !== observed.length) {
    throw new RangeError(
      `kaplanMeier: durations (${durations.length}) and observed (${observed.length}) differ in length`,
    );
  }
  const n = durations.length;
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = durations[i] as number;
    if (!Number.isFinite(d) || d < 0) {
      throw new RangeError(`kaplanMeier: durations[${i}] must be finite and >= 0, got ${d}`);
    }
    order.push(i);
  }
  order.sort((a, b) => (durations[a] as number) - (durations[b] as number));

  const times: number[] = [];
  const survival: number[] = [];
  let atRisk = n;
  let s = 1;
  let i = 0;
  while (i < n) {
    const t = durations[order[i] as number] as number;
    let events = 0;
    let leaving = 0;
    while (i < n && durations[order[i] as number] === t) {
      if (observed[order[i] as number]) events++;
      leaving++;
      i++;
    }
    if (events > 0) {
      s *= 1 - events / atRisk;
      times.push(t);
      survival.push(s);
    }
    atRisk -= leaving;
  }
  return { times, survival };
}

/** S(t): 1 before the first event time, otherwise the value at the last event time ≤ t. */
export function survivalAt(km: KaplanMeierCurve, t: number): number {
  // Binary search for the last event time <= t.
  let lo = 0;
  let hi = km.times.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((km.times[mid] as number) <= t) {
      idx = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return idx < 0 ? 1 : (km.survival[idx] as number);
}

/**
 * Median survival: the smallest event time with S(t) ≤ 0.5, or null when the curve never drops
 * to 0.5 (more than half censored), the convention of R's survfit and most textbooks.
 */
export function medianSurvival(km: KaplanMeierCurve): number | null {
  for (let i = 0; i < km.times.length; i++) {
    // Tolerance so that an exact 0.5 produced by rounding (e.g. 1 − 1/2 chains) counts.
    if ((km.survival[i] as number) <= 0.5 + 1e-12) return km.times[i] as number;
  }
  return null;
}
