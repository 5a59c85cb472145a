/**
 * Message types between the experiment runner and its worker threads.
 */
import type { SimConfig } from '../sim-lib';

export interface RunTask {
  config: SimConfig;
  ticks: number;
  metrics: string[];
  record: 'every-tick' | 'final';
}

/** The part of a RunOutput the runner needs; trimmed in the worker to keep messages small. */
export interface RunTaskResult {
  ticks: number;
  series: Record<string, Array<number | null>>;
  stopReason: string;
  stopTick: number;
  runtimeErrors: Record<string, number>;
  model: string;
  version: string;
}
