/**
 * The stepping model: setup on creation, one `go` per step, plus the
 * bookkeeping read at every observation (time to collapse, plot errors).
 */
import { resolveConfig, type ResolvedConfig, type SimConfig } from '../params/sim-config';
import { go } from './go';
import { NetLogoHalt } from './runtime-errors';
import { setup } from './setup';
import { createEmptyState } from './state';
import type { SimState } from './types';

/** A running simulation. */
export interface Model {
  /** NetLogo `ticks` (not advanced by a step that stopped the run). */
  readonly tick: number;
  /** Number of `go` steps executed (= observation index of the current state). */
  readonly steps: number;
  readonly stopped: boolean;
  readonly stopReason: string | null;
  readonly config: ResolvedConfig;
  /** The live state (read-only use: observers, tests). */
  readonly state: SimState;
  /** Runs one `go`; a no-op once stopped. */
  step(): void;
}

/**
 * Records the per-observation diagnostics of §11.4: time to collapse and the
 * first tick at which a NetLogo plot would have raised an error (§9 F8).
 * `plotsUpdated` is false for a step that stopped before `tick`.
 */
export function afterObservation(st: SimState, plotsUpdated: boolean): void {
  const contributors = st.ones.length + st.nines.length;
  if (st.collapseTick === null && contributors === 0) st.collapseTick = st.obs;
  if (plotsUpdated && st.plotErrorTick === null) {
    const pop = contributors + st.nineties.length;
    let err = pop === 0;
    if (st.isFinal && (st.ones.length === 0 || st.nines.length === 0 || contributors === 1 || contributors === 2)) err = true;
    if (err) st.plotErrorTick = st.obs;
  }
}

class SimModel implements Model {
  constructor(readonly state: SimState) {}
  get tick(): number {
    return this.state.ticks;
  }
  get steps(): number {
    return this.state.obs;
  }
  get stopped(): boolean {
    return this.state.stopped;
  }
  get stopReason(): string | null {
    return this.state.stopReason;
  }
  get config(): ResolvedConfig {
    return this.state.cfg;
  }
  step(): void {
    if (this.state.stopped) return;
    go(this.state);
    afterObservation(this.state, !this.state.stopped);
  }
}

/** Wraps an existing state (e.g. restored from a snapshot) as a Model. */
export function modelFromState(st: SimState): Model {
  return new SimModel(st);
}

/** Validates the configuration (throws SimConfigError) and runs `setup`. */
export function createModel(config: SimConfig): Model {
  const cfg = resolveConfig(config);
  const st = createEmptyState(cfg);
  try {
    setup(st);
  } catch (e) {
    if (!(e instanceof NetLogoHalt)) throw e;
    st.stopped = true;
    st.stopReason = `error:${e.code}`;
  }
  afterObservation(st, !st.stopped);
  return new SimModel(st);
}
