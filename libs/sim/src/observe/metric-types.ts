/**
 * Declarative observers (MODEL.md §11): each metric is a pure function of the
 * model state, read after setup and after every go; reading never draws
 * random numbers or changes the state.
 */
import type { SimState } from '../model/types';

/** A scalar observable: one value (or null when undefined, e.g. an empty role) per observation. */
export interface MetricDef {
  readonly id: string;
  /** Where it comes from: BehaviorSpace (§11.3), plot pen (§11.1), monitor (§11.2) or port-only (§11.4). */
  readonly source: 'behaviorspace' | 'plot' | 'monitor' | 'port';
  readonly description: string;
  readonly compute: (st: SimState) => number | null;
}

/** A vector observable (histogram data or per-agent export), read at the end of a run. */
export interface VectorDef {
  readonly id: string;
  readonly description: string;
  readonly compute: (st: SimState) => number[];
  /** Bin width of its binned histogram (RunOptions.histograms): the GUI plot's where MODEL.md §11.1 gives one, else 1. */
  readonly binWidth: number;
}

/** Mean of values, or null for an empty set (NetLogo cannot compute it, §11.3). */
export function meanOrNull(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** a / b, or null when b = 0. */
export function ratioOrNull(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
