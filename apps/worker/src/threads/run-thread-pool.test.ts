import { afterAll, describe, expect, it } from 'vitest';
import { createInProcessRunStepper, type DriveTask, type RunStepHooks } from '@p2pvalue/platform';
import { isAppError } from '@p2pvalue/shared';
import { createRunThreadPool } from './run-thread-pool';

// Real worker threads loading the TypeScript driver through tsx, as the worker process does.
const task: DriveTask = {
  start: {
    kind: 'new',
    config: { seed: 31, params: { 'initial-number-90s': 60 } },
    options: { ticks: 150, metrics: ['count_1s', 'count_9s', 'count_90s', 'count_projects'], record: 'every-tick' },
  },
  steps: 150,
  chunkTicks: 10,
  checkpointEveryMs: 0,
  progressEveryMs: 0,
};
const big: DriveTask = {
  ...task,
  start: { kind: 'new', config: { seed: 5, variant: 'final', params: { 'initial-number-1s': 20, 'initial-number-9s': 200, 'initial-number-90s': 2000 } }, options: { ticks: 1500, metrics: ['count_1s'], record: 'every-tick' } },
  steps: 1500,
  checkpointEveryMs: 60_000,
  progressEveryMs: 60_000,
};

function recordingHooks(extra: Partial<RunStepHooks> = {}) {
  const progress: number[] = [];
  const checkpoints: Array<{ tick: number; checkpoint: Uint8Array }> = [];
  const hooks: RunStepHooks = {
    onProgress: async (tick) => {
      progress.push(tick);
      return true;
    },
    onCheckpoint: async ({ tick, checkpoint }) => {
      checkpoints.push({ tick, checkpoint });
      return true;
    },
    ...extra,
  };
  return { hooks, progress, checkpoints };
}

const pool = createRunThreadPool({ size: 2, memoryMb: 256 });
afterAll(() => pool.close());

describe('run thread pool', () => {
  it('computes runs in threads, byte-identical to the in-process stepper, with progress and checkpoints', async () => {
    await pool.ready();
    const reference = await createInProcessRunStepper().step(task, recordingHooks().hooks);
    const threaded = recordingHooks();
    // Two at once: one per thread.
    const [a, b] = await Promise.all([pool.step(task, threaded.hooks), pool.step(task, recordingHooks().hooks)]);
    for (const result of [a, b]) {
      if (result.kind !== 'completed' || reference.kind !== 'completed') throw new Error('not completed');
      expect(result.summary).toEqual(reference.summary);
      expect(Buffer.from(result.series).equals(Buffer.from(reference.series))).toBe(true);
    }
    expect(threaded.progress.length).toBeGreaterThan(3);
    expect(threaded.checkpoints.map((c) => c.tick)).toEqual([...threaded.checkpoints.map((c) => c.tick)].sort((x, y) => x - y));
  });

  it('an abort reaches the thread: it checkpoints the tick reached and stops; the run resumes from there identically', async () => {
    const abort = new AbortController();
    const run = recordingHooks({
      signal: abort.signal,
      onProgress: async (tick) => {
        if (tick >= 40) abort.abort();
        return true;
      },
    });
    const stopped = await pool.step({ ...task, checkpointEveryMs: 60_000 }, run.hooks);
    expect(stopped.kind).toBe('interrupted');
    const last = run.checkpoints.at(-1);
    expect(last?.tick).toBe(stopped.tick);
    expect(stopped.tick).toBeLessThan(150);

    const resumed = await pool.step({ ...task, start: { kind: 'resume', checkpoint: last!.checkpoint } }, recordingHooks().hooks);
    const reference = await createInProcessRunStepper().step(task, recordingHooks().hooks);
    if (resumed.kind !== 'completed' || reference.kind !== 'completed') throw new Error('not completed');
    expect(resumed.summary).toEqual(reference.summary);
    expect(Buffer.from(resumed.series).equals(Buffer.from(reference.series))).toBe(true);
  });

  it('stops a run that is no longer wanted (a progress write answers false), keeping nothing', async () => {
    const run = recordingHooks({ onProgress: async (tick) => tick < 30 });
    const result = await pool.step({ ...task, checkpointEveryMs: 60_000 }, run.hooks);
    expect(result.kind).toBe('cancelled');
    expect(run.checkpoints).toHaveLength(0);
  });

  it('fails a run over its memory limit with a clear error, and replaces the thread', async () => {
    const small = createRunThreadPool({ size: 1, memoryMb: 16 });
    try {
      await small.ready();
      const error = await small.step(big, recordingHooks().hooks).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isAppError(error) && error.code).toBe('PAYLOAD_TOO_LARGE');
      expect((error as Error).message).toMatch(/more memory than its limit of 16 MB/);
      // The slot has a fresh thread: a small run still goes through.
      const after = await small.step({ ...task, checkpointEveryMs: 60_000, progressEveryMs: 60_000 }, recordingHooks().hooks);
      expect(after.kind).toBe('completed');
    } finally {
      await small.close();
    }
  }, 120_000);
});
