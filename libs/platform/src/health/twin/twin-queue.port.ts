/**
 * What the twin needs from a job queue. A step job carries the calibration id only; a batch is
 * the experiment's flow (its runs) under a step job, which therefore runs once they are done.
 * Job ids are derived from the calibration and batch, so enqueuing again adds nothing.
 */
export interface TwinQueuePort {
  /** The first step (from the web, when a calibration is started). */
  enqueueStep(input: { calibrationId: string }): Promise<void>;
  /** The batch's runs, with the next step as their parent (from the worker). */
  enqueueBatch(input: { calibrationId: string; batch: number; experimentId: string; runIds: string[] }): Promise<void>;
}
