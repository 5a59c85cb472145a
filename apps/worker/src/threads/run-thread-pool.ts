import { Worker } from 'node:worker_threads';
import type { DriveResult, DriveTask, RunStepHooks, RunStepper, RunStepResult } from '@p2pvalue/platform';
import { AppError } from '@p2pvalue/shared';
import { STOP_CANCEL, STOP_CHECKPOINT, type ThreadReply, type ThreadRequest } from './run-thread-protocol';

const THREAD_FILE = new URL('./run-thread.mjs', import.meta.url);

export interface RunThreadPoolOptions {
  /** Threads, i.e. runs computed at once. */
  size: number;
  /** V8 old-generation limit of each thread: what one run may hold (WORKER_RUN_MEMORY_MB). */
  memoryMb: number;
  /** Bootstrap file (plain JavaScript that registers tsx); tests may point elsewhere. */
  threadFile?: URL;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
  onReply?: (reply: ThreadReply) => void;
  onExit?: (error: Error) => void;
}

function toStepResult(result: DriveResult): RunStepResult {
  if (result.kind === 'completed') return result;
  return result.reason === 'cancel' ? { kind: 'cancelled', tick: result.tick } : { kind: 'interrupted', tick: result.tick, computeMs: result.computeMs };
}

/**
 * A fixed set of worker threads that compute runs, one run per thread at a time, so the
 * process's event loop stays free for BullMQ's lock renewals and the database writes. Each
 * thread has a V8 heap limit; a run that exceeds it kills its thread, fails with an AppError (not
 * retried: it would fail the same way) and a fresh thread takes the slot. Threads live across
 * runs, so their start-up (tsx, libs/sim) is paid once per process, not once per run.
 */
export function createRunThreadPool(options: RunThreadPoolOptions): RunStepper & { ready(): Promise<void>; close(): Promise<void> } {
  const slots: Slot[] = [];
  const waiting: Array<(slot: Slot) => void> = [];
  let closed = false;

  const release = (slot: Slot) => {
    const next = waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  };

  const spawnSlot = (): Slot => {
    const worker = new Worker(options.threadFile ?? THREAD_FILE, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: options.memoryMb } });
    let lastError: Error | null = null;
    let started = false;
    let signalReady: () => void = () => undefined;
    let failReady: (error: Error) => void = () => undefined;
    const slot: Slot = {
      worker,
      busy: false,
      ready: new Promise<void>((resolve, reject) => {
        signalReady = resolve;
        failReady = reject;
      }),
    };
    slot.ready.catch(() => undefined);
    worker.on('message', (reply: ThreadReply) => {
      if (reply.type !== 'ready') slot.onReply?.(reply);
      else {
        started = true;
        signalReady();
      }
    });
    worker.on('error', (error) => {
      lastError = error;
    });
    worker.on('exit', (code) => {
      const error = lastError ?? new Error(`run thread exited with code ${code}`);
      failReady(error);
      slots.splice(slots.indexOf(slot), 1);
      slot.onExit?.(error);
      // A thread that cannot even start (bad install, a limit too small to load the code) would
      // fail the same way again: no replacement, so ready() and the runs report it.
      if (closed || !started) return;
      const replacement = spawnSlot();
      slots.push(replacement);
      replacement.busy = true;
      release(replacement);
    });
    return slot;
  };

  for (let i = 0; i < options.size; i++) slots.push(spawnSlot());

  const acquire = (): Promise<Slot> => {
    const idle = slots.find((slot) => !slot.busy);
    if (idle) {
      idle.busy = true;
      return Promise.resolve(idle);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };

  async function step(task: DriveTask, hooks: RunStepHooks): Promise<RunStepResult> {
    if (closed) throw new AppError('UNAVAILABLE', 'The worker is shutting down.');
    if (slots.length === 0) throw new Error('no run thread could start (see the worker log)');
    const slot = await acquire();
    const flags = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    // A cancel (nothing to keep) wins over a checkpoint request; neither is taken back.
    const onAbort = () => void Atomics.compareExchange(flags, 0, 0, STOP_CHECKPOINT);
    const cancel = () => void Atomics.store(flags, 0, STOP_CANCEL);
    try {
      await slot.ready;
      if (hooks.signal?.aborted) onAbort();
      hooks.signal?.addEventListener('abort', onAbort);
      // Hooks write to the database; they run one after another, in the order the thread sent them.
      let writes = Promise.resolve();
      let hookError: unknown = null;
      return await new Promise<RunStepResult>((resolve, reject) => {
        slot.onReply = (reply) => {
          if (reply.type === 'event') {
            const event = reply.event;
            writes = writes
              .then(() => (event.type === 'progress' ? hooks.onProgress(event.tick) : hooks.onCheckpoint({ tick: event.tick, checkpoint: event.checkpoint, computeMs: event.computeMs })))
              .then(
                (wanted) => (wanted ? undefined : cancel()),
                (error: unknown) => {
                  hookError ??= error;
                  cancel();
                },
              );
          } else if (reply.type === 'result') {
            void writes.then(() => (hookError ? reject(hookError) : resolve(toStepResult(reply.result))));
          } else if (reply.type === 'error') {
            void writes.then(() => reject(new Error(reply.message)));
          }
        };
        slot.onExit = (error) => {
          if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
            reject(new AppError('PAYLOAD_TOO_LARGE', `The run needed more memory than its limit of ${options.memoryMb} MB (WORKER_RUN_MEMORY_MB) and was stopped.`, { cause: error }));
          } else reject(error);
        };
        slot.worker.postMessage({ task, control: flags.buffer as SharedArrayBuffer } satisfies ThreadRequest);
      });
    } finally {
      hooks.signal?.removeEventListener('abort', onAbort);
      slot.onReply = undefined;
      slot.onExit = undefined;
      // A thread that died has been replaced already (its exit handler released the new one).
      if (slots.includes(slot)) release(slot);
    }
  }

  return {
    step,
    async ready() {
      await Promise.all(slots.map((slot) => slot.ready));
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
