import { driveRun, type DriveTask, type StopRequest } from './run-driver';

export interface RunStepHooks {
  /** Throttled progress; resolves false when the run is no longer wanted (cancelled). */
  onProgress(tick: number): Promise<boolean>;
  /** A packed snapshot to store; resolves false when the run is no longer wanted. */
  onCheckpoint(checkpoint: { tick: number; checkpoint: Uint8Array; computeMs: number }): Promise<boolean>;
  /** Abort = keep the state reached (a last checkpoint) and stop: shutdown or a cancelled job. */
  signal?: AbortSignal;
}

export type RunStepResult =
  | { kind: 'completed'; tick: number; summary: Record<string, unknown>; series: Uint8Array; computeMs: number }
  | { kind: 'cancelled'; tick: number }
  | { kind: 'interrupted'; tick: number; computeMs: number };

/**
 * Where a run's ticks are computed: on the caller's event loop (createInProcessRunStepper) or in
 * a worker thread (apps/worker's thread pool). The executor only sees this port.
 */
export interface RunStepper {
  step(task: DriveTask, hooks: RunStepHooks): Promise<RunStepResult>;
}

/**
 * Steps runs on this event loop, giving it back after every chunk (so BullMQ can renew its locks)
 * and awaiting each progress and checkpoint write before going on. For tests, scripts and a
 * worker configured without threads.
 */
export function createInProcessRunStepper(now: () => number = () => performance.now()): RunStepper {
  return {
    async step(task, hooks) {
      const control: { stop: StopRequest } = { stop: null };
      const onAbort = () => {
        control.stop ??= 'checkpoint';
      };
      if (hooks.signal?.aborted) onAbort();
      hooks.signal?.addEventListener('abort', onAbort);
      try {
        const drive = driveRun(task, control, now);
        for (;;) {
          const next = drive.next();
          if (next.done) {
            const result = next.value;
            if (result.kind === 'completed') return result;
            return result.reason === 'cancel' ? { kind: 'cancelled', tick: result.tick } : { kind: 'interrupted', tick: result.tick, computeMs: result.computeMs };
          }
          const event = next.value;
          if (event.type === 'chunk') await new Promise<void>((resolve) => setImmediate(resolve));
          else if (event.type === 'progress' && !(await hooks.onProgress(event.tick))) control.stop = 'cancel';
          else if (event.type === 'checkpoint' && !(await hooks.onCheckpoint(event))) control.stop = 'cancel';
        }
      } finally {
        hooks.signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
