/**
 * Worker thread entry: runs one model run per message and posts back the trimmed output.
 * Started through run-worker.mjs, which registers tsx first.
 */
import { parentPort } from 'node:worker_threads';
import { runModel } from '../sim-lib';
import type { RunTask, RunTaskResult } from './run-task';

const port = parentPort;
if (!port) throw new Error('run-worker.ts must be started as a worker thread');

port.on('message', (msg: { id: number; task: RunTask }) => {
  try {
    const { config, ticks, metrics, record } = msg.task;
    const output = runModel(config, { ticks, metrics, record });
    const series: Record<string, Array<number | null>> = {};
    for (const m of metrics) {
      // A final-only record has no series: its one row is the end-of-run summary value.
      const final = output.summary[m];
      series[m] = record === 'final' ? [typeof final === 'number' ? final : null] : (output.series[m] ?? []);
    }
    const result: RunTaskResult = {
      ticks: output.ticks,
      series,
      stopReason: output.summary.stop_reason,
      stopTick: output.summary.stop_tick,
      runtimeErrors: output.runtimeErrors,
      model: output.model,
      version: output.version,
    };
    port.postMessage({ id: msg.id, ok: true, result });
  } catch (e) {
    port.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
