import { createRun, resumeRun, type Run, type SimConfig, type SimSnapshot } from '@p2pvalue/sim';
import { packJson, unpackJson, type StoredSeries } from './run-series';

/**
 * What a run needs to be stepped, as plain data: it crosses into a worker thread by structured
 * clone. Everything the database knows stays on the caller's side.
 */
export interface DriveTask {
  start: { kind: 'new'; config: SimConfig; options: { ticks: number; metrics: string[]; record: 'every-tick' | 'final' } } | { kind: 'resume'; checkpoint: Uint8Array };
  /** The design's tick limit. */
  steps: number;
  /** Ticks stepped between two looks at the clock and at the stop request. */
  chunkTicks: number;
  /** A checkpoint when at least this long has passed since the start or the last one. */
  checkpointEveryMs: number;
  /**
   * At most this share of the time in checkpoints (default 0.05): after a checkpoint that took
   * c ms the next waits at least c / share. The fault suite sets 1 to checkpoint on every interval.
   */
  checkpointMaxShare?: number;
  /** A progress event at most this often (the caller writes it and looks for a cancel then). */
  progressEveryMs: number;
}

/** 'cancel': stop now, nothing to keep. 'checkpoint': keep the state reached, then stop (shutdown, job cancel). */
export type StopRequest = 'cancel' | 'checkpoint' | null;

export type DriveEvent =
  | { type: 'chunk'; tick: number }
  | { type: 'progress'; tick: number }
  | { type: 'checkpoint'; tick: number; checkpoint: Uint8Array; computeMs: number };

export type DriveResult =
  | { kind: 'completed'; tick: number; summary: Record<string, unknown>; series: Uint8Array; computeMs: number }
  | { kind: 'stopped'; tick: number; reason: 'cancel' | 'checkpoint'; computeMs: number };

const DEFAULT_CHECKPOINT_MAX_SHARE = 0.05;

function openRun(start: DriveTask['start']): Run {
  if (start.kind === 'resume') return resumeRun(unpackJson<SimSnapshot>(start.checkpoint));
  return createRun(start.config, start.options);
}

/**
 * Steps one run to its end in chunks of ticks, yielding a `chunk` event after every chunk, a
 * `progress` event and a packed `checkpoint` when their intervals have passed, and returning the
 * packed results. Checkpoints go by wall time rather than by ticks: serialising a snapshot
 * (which holds the series so far) and writing it costs about as much as 5–10 % of the stepping
 * when it happens every 100 ticks, while a checkpoint every few seconds costs nothing measurable
 * and loses at most those seconds when a worker dies. The generator does no I/O itself, so the
 * same code runs on an event loop (which awaits the writes between events) and in a worker thread
 * (which posts the events and reads `control.stop` from shared memory).
 */
export function* driveRun(task: DriveTask, control: { readonly stop: StopRequest }, now: () => number): Generator<DriveEvent, DriveResult, void> {
  const run = openRun(task.start);
  const chunk = Math.max(1, Math.floor(task.chunkTicks));
  let computeMs = 0;
  let lastCheckpoint = now();
  let lastProgress = lastCheckpoint;
  let checkpointTick = run.model.steps;
  // Never more than `checkpointMaxShare` of the time in checkpoints, however short the interval
  // or slow the machine: a snapshot of a big community early in its run is a few hundred KB.
  let checkpointInterval = task.checkpointEveryMs;
  const checkpoint = (): DriveEvent => {
    const started = now();
    const event: DriveEvent = { type: 'checkpoint', tick: run.model.steps, checkpoint: packJson(run.snapshot()), computeMs: 0 };
    lastCheckpoint = now();
    checkpointInterval = Math.max(task.checkpointEveryMs, (lastCheckpoint - started) / (task.checkpointMaxShare ?? DEFAULT_CHECKPOINT_MAX_SHARE));
    computeMs += lastCheckpoint - started;
    event.computeMs = Math.round(computeMs);
    computeMs = 0;
    checkpointTick = run.model.steps;
    return event;
  };

  while (!run.model.stopped && run.model.steps < task.steps) {
    const stop = control.stop;
    if (stop) {
      if (stop === 'checkpoint' && run.model.steps > checkpointTick) yield checkpoint();
      return { kind: 'stopped', tick: run.model.steps, reason: stop, computeMs: Math.round(computeMs) };
    }
    const started = now();
    run.stepTo(Math.min(task.steps, run.model.steps + chunk));
    const ended = now();
    computeMs += ended - started;
    const tick = run.model.steps;
    if (run.model.stopped || tick >= task.steps) break;
    yield { type: 'chunk', tick };
    if (ended - lastProgress >= task.progressEveryMs) {
      lastProgress = ended;
      yield { type: 'progress', tick };
    }
    if (ended - lastCheckpoint >= checkpointInterval) yield checkpoint();
  }

  const started = now();
  const output = run.output();
  const series: StoredSeries = { ticks: output.ticks, metrics: output.series };
  const packed = packJson(series);
  computeMs += now() - started;
  return { kind: 'completed', tick: output.ticks, summary: { ...output.summary, runtimeErrors: output.runtimeErrors }, series: packed, computeMs: Math.round(computeMs) };
}
