/**
 * Product-volume increments (MODEL.md §7.25): D2.2 proportional increments
 * or the final version's Pareto increments.
 */
import type { SimState } from '../types';

/** Pareto(α, xm) = xm / U^(1/α) with U ∈ (0, 1] (so xm = 0 gives exactly 0, not NaN). */
export function pareto(st: SimState, alpha: number, xm: number): number {
  return xm / Math.pow(1 - st.rng.float(), 1 / alpha);
}

/** One project increment: max-project-initial-volume × ratio × Pareto(2, xm). */
export function projectIncrement(st: SimState): number {
  return st.p.maxProjectInitialVolume * st.p.volumeIncrementRatio * pareto(st, 2, st.cfg.paretoXm);
}

/** One task increment: task-project ratio × an independent project increment. */
export function taskIncrement(st: SimState): number {
  return st.p.taskProjectVolumeRatio * projectIncrement(st);
}

/** Volume added by a finished task to a product of volume v. */
export function taskVolumeGain(st: SimState, v: number): number {
  return st.cfg.volumeRule === 'pareto' ? taskIncrement(st) : v / 10;
}

/** Volume added by a finished project to its product of volume v. */
export function projectVolumeGain(st: SimState, v: number): number {
  return st.cfg.volumeRule === 'pareto' ? projectIncrement(st) : v / 3;
}
