import type { DriveEvent, DriveResult, DriveTask } from '@p2pvalue/platform/run-driver';

/** Values of the shared stop flag (Int32Array[0]); 0 = go on. */
export const STOP_CANCEL = 1;
export const STOP_CHECKPOINT = 2;

export interface ThreadRequest {
  task: DriveTask;
  /** SharedArrayBuffer of one Int32: the stop request, written by the pool, read between chunks. */
  control: SharedArrayBuffer;
}

export type ThreadReply =
  | { type: 'ready' }
  | { type: 'event'; event: Exclude<DriveEvent, { type: 'chunk' }> }
  | { type: 'result'; result: DriveResult }
  | { type: 'error'; message: string };
