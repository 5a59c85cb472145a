import { describe, expect, it } from 'vitest';
import { driveRun, type DriveEvent, type DriveResult, type DriveTask, type StopRequest } from './run-driver';

const start: DriveTask['start'] = {
  kind: 'new',
  config: { seed: 77, params: { 'initial-number-90s': 60 } },
  options: { ticks: 120, metrics: ['count_1s', 'count_9s', 'count_90s', 'count_projects'], record: 'every-tick' },
};
const base: DriveTask = { start, steps: 120, chunkTicks: 10, checkpointEveryMs: 1_000_000, progressEveryMs: 1_000_000 };

/** A clock that advances 1 ms per reading, so "every N ms" means "every few chunks", deterministically. */
function fakeClock() {
  let t = 0;
  return () => ++t;
}

function drain(task: DriveTask, control: { stop: StopRequest } = { stop: null }, onEvent: (e: DriveEvent) => void = () => undefined): { events: DriveEvent[]; result: DriveResult } {
  const events: DriveEvent[] = [];
  const drive = driveRun(task, control, fakeClock());
  for (;;) {
    const next = drive.next();
    if (next.done) return { events, result: next.value };
    events.push(next.value);
    onEvent(next.value);
  }
}

describe('driveRun', () => {
  it('checkpoints by elapsed time, not per chunk', () => {
    const rare = drain(base);
    expect(rare.result.kind).toBe('completed');
    expect(rare.events.filter((e) => e.type === 'checkpoint')).toHaveLength(0);
    expect(rare.events.filter((e) => e.type === 'chunk').length).toBeGreaterThan(5);

    const often = drain({ ...base, chunkTicks: 4, checkpointEveryMs: 8, progressEveryMs: 4 });
    const ticks = often.events.filter((e) => e.type === 'checkpoint').map((e) => e.tick);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks.length).toBeLessThan(often.events.filter((e) => e.type === 'chunk').length);
    expect([...ticks].sort((a, b) => a - b)).toEqual(ticks);
    expect(often.events.filter((e) => e.type === 'progress').length).toBeGreaterThan(ticks.length);
  });

  it('resumes from any checkpoint to byte-identical results', () => {
    const straight = drain(base).result;
    if (straight.kind !== 'completed') throw new Error('did not complete');
    const { events } = drain({ ...base, chunkTicks: 4, checkpointEveryMs: 8 });
    const checkpoints = events.filter((e): e is Extract<DriveEvent, { type: 'checkpoint' }> => e.type === 'checkpoint');
    expect(checkpoints.length).toBeGreaterThan(1);
    for (const checkpoint of checkpoints) {
      const resumed = drain({ ...base, start: { kind: 'resume', checkpoint: checkpoint.checkpoint } }).result;
      if (resumed.kind !== 'completed') throw new Error('resume did not complete');
      expect(resumed.summary).toEqual(straight.summary);
      expect(Buffer.from(resumed.series).equals(Buffer.from(straight.series))).toBe(true);
    }
  });

  it('on a checkpoint stop keeps the tick reached; on a cancel keeps nothing', () => {
    const control: { stop: StopRequest } = { stop: null };
    const stopped = drain(base, control, (e) => {
      if (e.type === 'chunk' && e.tick >= 30) control.stop = 'checkpoint';
    });
    expect(stopped.result).toMatchObject({ kind: 'stopped', reason: 'checkpoint', tick: 30 });
    expect(stopped.events.at(-1)).toMatchObject({ type: 'checkpoint', tick: 30 });

    const cancel: { stop: StopRequest } = { stop: null };
    const cancelled = drain(base, cancel, (e) => {
      if (e.type === 'chunk' && e.tick >= 30) cancel.stop = 'cancel';
    });
    expect(cancelled.result).toMatchObject({ kind: 'stopped', reason: 'cancel', tick: 30 });
    expect(cancelled.events.some((e) => e.type === 'checkpoint')).toBe(false);
  });
});
