/**
 * Model run API as specified for libs/sim/src/model/run.ts:
 *   runModel(config, opts) → RunOutput; createRun(config, opts) → RunHandle;
 *   resumeRun(snapshot, opts?) → RunHandle.
 * TEMPORARY: run.ts is being written concurrently, so this module loads it lazily through a
 * non-literal specifier (which the type checker does not follow). Once it exists, replace the
 * loader with `export { runModel, createRun, resumeRun } from '../../../libs/sim/src/model/run'`.
 */
import type { SimConfig } from '../../../libs/sim/src/params';

export interface RunOptions {
  ticks: number;
  metrics?: string[];
  record?: 'every-tick' | 'final';
  onProgress?: (tick: number) => void;
  signal?: AbortSignal;
}

export interface RunOutput {
  model: string;
  version: string;
  variant: string;
  fidelity: string;
  seed: number;
  params: Record<string, number | boolean | string>;
  ticks: number;
  series: Record<string, Array<number | null>>;
  summary: Record<string, unknown> & { stop_reason: string; stop_tick: number };
  runtimeErrors: Record<string, number>;
}

export type SimSnapshot = unknown;

export interface RunHandle {
  stepTo(tick: number): void;
  snapshot(): SimSnapshot;
  output(): RunOutput;
}

interface ModelRunModule {
  runModel(config: SimConfig, opts: RunOptions): RunOutput;
  createRun(config: SimConfig, opts: RunOptions): RunHandle;
  resumeRun(snapshot: SimSnapshot, opts?: Partial<RunOptions>): RunHandle;
}

const RUN_MODULE = '../../../libs/sim/src/model/run';
let loaded: ModelRunModule | null = null;

/** Must be awaited once before the synchronous functions below are used. */
export async function loadModel(): Promise<void> {
  loaded ??= (await import(RUN_MODULE)) as ModelRunModule;
}

function api(): ModelRunModule {
  if (!loaded) throw new Error('model API not loaded: call loadModel() first');
  return loaded;
}

export function runModel(config: SimConfig, opts: RunOptions): RunOutput {
  return api().runModel(config, opts);
}

export function createRun(config: SimConfig, opts: RunOptions): RunHandle {
  return api().createRun(config, opts);
}

export function resumeRun(snapshot: SimSnapshot, opts?: Partial<RunOptions>): RunHandle {
  return api().resumeRun(snapshot, opts);
}
