/**
 * Public run API: one-shot runs, incremental runs, snapshots and resume.
 */
import { resolveMetrics, resolveVectors, DEFAULT_METRIC_IDS } from '../observe/registry';
import { histogram, type Histogram } from '../analysis/histogram';
import type { MetricDef, VectorDef } from '../observe/metric-types';
import type { FixFlags, Fidelity, RuntimeErrorMode, TaskCompletion, Variant, VolumeRule } from '../params/port-config';
import type { ResolvedParams } from '../params/resolve-params';
import { resolveConfig, type ResolvedConfig, type SimConfig } from '../params/sim-config';
import { SimConfigError } from '../params/sim-config-error';
import { MODEL_VERSION } from '../version';
import { createModel, modelFromState, type Model } from './model';
import { deserializeState, serializeState, type StateJson } from './snapshot';

export type { SimConfig } from '../params/sim-config';
export type { Histogram } from '../analysis/histogram';
export type { Model } from './model';
export { createModel } from './model';

/** What to run and record. */
export interface RunOptions {
  /** Maximum number of `go` steps. */
  ticks: number;
  /** Scalar metric ids to record (default: the 59 BehaviorSpace metrics). */
  metrics?: string[];
  /** Vector observers read at the end (e.g. "lifetime_contributions"). */
  vectors?: string[];
  /** Vector observers returned binned at the end, with their default bin width (see `histogram`). */
  histograms?: string[];
  /** 'every-tick' (default): a value after setup and after every step; 'final': summary only. */
  record?: 'every-tick' | 'final';
  /** Called after every step with the number of steps done. */
  onProgress?: (tick: number) => void;
  /** Cooperative cancellation, checked before every step. */
  signal?: { aborted: boolean };
}

/** Final values of the requested metrics plus the stop information. */
export type RunSummary = Record<string, number | null | string> & { stop_reason: string; stop_tick: number };

/** Result of a run; JSON-serialisable and deterministic for a given config and seed. */
export interface RunOutput {
  model: 'p2pvalue';
  version: string;
  variant: Variant;
  fidelity: Fidelity;
  fixes: FixFlags;
  taskCompletion: TaskCompletion;
  volumeRule: VolumeRule;
  paretoXm: number;
  onNetLogoRuntimeError: RuntimeErrorMode;
  seed: number;
  /** All 54 parameters, fully resolved. */
  params: ResolvedParams;
  /** Number of `go` steps executed (series have ticks + 1 entries when recorded every tick). */
  ticks: number;
  series: Record<string, (number | null)[]>;
  summary: RunSummary;
  vectors: Record<string, number[]>;
  /** Binned vectors, present only when RunOptions.histograms asked for some. */
  histograms?: Record<string, Histogram>;
  /** §9.3 runtime-error situations met, by code E1..E8. */
  runtimeErrors: Record<string, number>;
}

/** Serialisable run state: resume from it to continue exactly where it stopped. */
export interface SimSnapshot {
  kind: 'p2pvalue-snapshot';
  version: string;
  config: Required<Omit<SimConfig, 'fixes' | 'params'>> & { fixes: FixFlags; params: Record<string, number | boolean | string> };
  options: { ticks: number; metrics: string[]; vectors: string[]; histograms?: string[]; record: 'every-tick' | 'final' };
  aborted: boolean;
  series: Record<string, (number | null)[]>;
  state: StateJson;
}

/** An incremental run. */
export interface Run {
  readonly model: Model;
  /** Advances until `steps` go-steps have run (capped by opts.ticks), the model stops, or the signal aborts. */
  stepTo(steps: number): void;
  /** Plain-JSON snapshot of everything needed to resume. */
  snapshot(): SimSnapshot;
  /** The output so far. */
  output(): RunOutput;
}

const ERROR_CODES = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8'];

function configOf(cfg: ResolvedConfig): SimSnapshot['config'] {
  return {
    variant: cfg.variant,
    fidelity: cfg.fidelity,
    fixes: { ...cfg.fixes },
    onNetLogoRuntimeError: cfg.onNetLogoRuntimeError,
    params: { ...cfg.params },
    seed: cfg.seed,
    taskCompletion: cfg.taskCompletion,
    volumeRule: cfg.volumeRule,
    paretoXm: cfg.paretoXm,
  };
}

function validateTicks(ticks: unknown): number {
  if (typeof ticks !== 'number' || !Number.isInteger(ticks) || ticks < 0) {
    throw new SimConfigError('ticks', `Option "ticks" must be an integer >= 0, got ${JSON.stringify(ticks)}`);
  }
  return ticks;
}

class SimRun implements Run {
  private readonly metricDefs: MetricDef[];
  private readonly vectorDefs: VectorDef[];
  private readonly histogramDefs: VectorDef[];
  private aborted: boolean;

  constructor(
    readonly model: Model,
    private readonly opts: SimSnapshot['options'],
    private readonly series: Record<string, (number | null)[]>,
    private readonly onProgress: ((tick: number) => void) | undefined,
    private readonly signal: { aborted: boolean } | undefined,
    aborted: boolean,
  ) {
    this.metricDefs = resolveMetrics(opts.metrics);
    this.vectorDefs = resolveVectors(opts.vectors);
    this.histogramDefs = resolveVectors(opts.histograms ?? [], 'histograms');
    this.aborted = aborted;
  }

  /** Appends one observation of every requested metric. */
  record(): void {
    if (this.opts.record !== 'every-tick') return;
    const st = this.model.state;
    for (const d of this.metricDefs) (this.series[d.id] as (number | null)[]).push(d.compute(st));
  }

  stepTo(steps: number): void {
    const limit = Math.min(steps, this.opts.ticks);
    while (!this.model.stopped && !this.aborted && this.model.steps < limit) {
      if (this.signal?.aborted) {
        this.aborted = true;
        break;
      }
      this.model.step();
      this.record();
      this.onProgress?.(this.model.steps);
    }
  }

  snapshot(): SimSnapshot {
    const series: Record<string, (number | null)[]> = {};
    for (const [k, v] of Object.entries(this.series)) series[k] = v.slice();
    return {
      kind: 'p2pvalue-snapshot',
      version: MODEL_VERSION,
      config: configOf(this.model.config),
      options: copyOptions(this.opts),
      aborted: this.aborted,
      series,
      state: serializeState(this.model.state),
    };
  }

  output(): RunOutput {
    const m = this.model;
    const st = m.state;
    const cfg = m.config;
    const stopReason = m.stopReason ?? (this.aborted ? 'aborted' : m.steps >= this.opts.ticks ? 'timeLimit' : 'running');
    const summary: RunSummary = { stop_reason: stopReason, stop_tick: st.ticks };
    for (const d of this.metricDefs) summary[d.id] = d.compute(st);
    const vectors: Record<string, number[]> = {};
    for (const d of this.vectorDefs) vectors[d.id] = d.compute(st);
    const runtimeErrors: Record<string, number> = {};
    for (const c of ERROR_CODES) runtimeErrors[c] = st.runtimeErrors[c] ?? 0;
    const series: Record<string, (number | null)[]> = {};
    for (const [k, v] of Object.entries(this.series)) series[k] = v.slice();
    const binned: Pick<RunOutput, 'histograms'> = {};
    if (this.histogramDefs.length > 0) {
      const hs: Record<string, Histogram> = {};
      for (const d of this.histogramDefs) hs[d.id] = histogram(d.compute(st), { binWidth: d.binWidth });
      binned.histograms = hs;
    }
    return {
      model: 'p2pvalue',
      version: MODEL_VERSION,
      variant: cfg.variant,
      fidelity: cfg.fidelity,
      fixes: { ...cfg.fixes },
      taskCompletion: cfg.taskCompletion,
      volumeRule: cfg.volumeRule,
      paretoXm: cfg.paretoXm,
      onNetLogoRuntimeError: cfg.onNetLogoRuntimeError,
      seed: cfg.seed,
      params: { ...cfg.params },
      ticks: m.steps,
      series,
      summary,
      vectors,
      ...binned,
      runtimeErrors,
    };
  }
}

function normalizeOptions(opts: RunOptions): SimSnapshot['options'] {
  if (opts === null || typeof opts !== 'object') throw new SimConfigError('options', 'RunOptions must be an object');
  const record = opts.record ?? 'every-tick';
  if (record !== 'every-tick' && record !== 'final') {
    throw new SimConfigError('record', `Option "record" must be "every-tick" or "final", got ${JSON.stringify(record)}`);
  }
  const metrics = (opts.metrics ?? DEFAULT_METRIC_IDS).slice();
  const vectors = (opts.vectors ?? []).slice();
  const histograms = (opts.histograms ?? []).slice();
  resolveMetrics(metrics);
  resolveVectors(vectors);
  resolveVectors(histograms, 'histograms');
  const out: SimSnapshot['options'] = { ticks: validateTicks(opts.ticks), metrics, vectors, record };
  // Only when asked for, so that snapshots and outputs without histograms keep their old shape.
  if (histograms.length > 0) out.histograms = histograms;
  return out;
}

function copyOptions(o: SimSnapshot['options']): SimSnapshot['options'] {
  const copy: SimSnapshot['options'] = { ...o, metrics: o.metrics.slice(), vectors: o.vectors.slice() };
  if (o.histograms) copy.histograms = o.histograms.slice();
  return copy;
}

/** Starts an incremental run: validates, runs setup and records the setup observation. */
export function createRun(config: SimConfig, opts: RunOptions): Run {
  const o = normalizeOptions(opts);
  const model = createModel(config);
  const series: Record<string, (number | null)[]> = {};
  if (o.record === 'every-tick') for (const id of o.metrics) series[id] = [];
  const run = new SimRun(model, o, series, opts.onProgress, opts.signal, false);
  run.record();
  return run;
}

/**
 * Resumes a run from a snapshot. `opts` may change `ticks`, `onProgress` and
 * `signal`; metrics, vectors and record mode come from the snapshot.
 */
export function resumeRun(snapshot: SimSnapshot, opts?: Partial<RunOptions>): Run {
  if (!snapshot || snapshot.kind !== 'p2pvalue-snapshot') throw new SimConfigError('snapshot', 'Not a p2pvalue snapshot');
  if (snapshot.version !== MODEL_VERSION) {
    throw new SimConfigError('snapshot', `Snapshot was made by model version ${snapshot.version}; this is ${MODEL_VERSION}`);
  }
  const o = copyOptions(snapshot.options);
  if (opts?.ticks !== undefined) o.ticks = validateTicks(opts.ticks);
  if (opts?.histograms !== undefined && JSON.stringify(opts.histograms) !== JSON.stringify(o.histograms ?? [])) {
    throw new SimConfigError('histograms', 'Option "histograms" cannot be changed when resuming a snapshot');
  }
  for (const key of ['metrics', 'vectors', 'record'] as const) {
    if (opts?.[key] !== undefined && JSON.stringify(opts[key]) !== JSON.stringify(o[key])) {
      throw new SimConfigError(key, `Option "${key}" cannot be changed when resuming a snapshot`);
    }
  }
  const cfg = resolveConfig(snapshot.config);
  const st = deserializeState(cfg, snapshot.state);
  const series: Record<string, (number | null)[]> = {};
  for (const [k, v] of Object.entries(snapshot.series)) series[k] = v.slice();
  // A resumed run continues even if the original was cancelled through its signal.
  return new SimRun(modelFromState(st), o, series, opts?.onProgress, opts?.signal, false);
}

/** Runs a model for up to `opts.ticks` steps and returns its output. */
export function runModel(config: SimConfig, opts: RunOptions): RunOutput {
  const run = createRun(config, opts);
  run.stepTo(opts.ticks);
  return run.output();
}
