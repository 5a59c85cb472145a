/**
 * Worker-thread entry: steps one run at a time with the same driver the in-process stepper uses,
 * posting progress, checkpoints and the result to the pool. A stop request arrives through shared
 * memory (the thread never yields to its event loop while stepping, so a message would wait).
 * Imports only the driver (libs/sim + zlib), not the platform library with its database client.
 */
import { parentPort } from 'node:worker_threads';
import { driveRun, type StopRequest } from '@p2pvalue/platform/run-driver';
import { STOP_CANCEL, STOP_CHECKPOINT, type ThreadReply, type ThreadRequest } from './run-thread-protocol';

const port = parentPort;
if (!port) throw new Error('run-thread.ts must be started as a worker thread');

port.on('message', (request: ThreadRequest) => {
  const flags = new Int32Array(request.control);
  const control = {
    get stop(): StopRequest {
      const value = Atomics.load(flags, 0);
      return value === STOP_CANCEL ? 'cancel' : value === STOP_CHECKPOINT ? 'checkpoint' : null;
    },
  };
  const reply = (message: ThreadReply) => port.postMessage(message);
  try {
    const drive = driveRun(request.task, control, () => performance.now());
    for (;;) {
      const next = drive.next();
      if (next.done) {
        reply({ type: 'result', result: next.value });
        return;
      }
      if (next.value.type !== 'chunk') reply({ type: 'event', event: next.value });
    }
  } catch (error) {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
port.postMessage({ type: 'ready' } satisfies ThreadReply);
