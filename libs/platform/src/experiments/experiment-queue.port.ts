/**
 * What the experiment service needs from a job queue. apps/web implements it with a BullMQ
 * FlowProducer; job payloads carry ids only and the job id of a run is the run id, so calling
 * these again for the same ids enqueues nothing new.
 */
export interface ExperimentQueuePort {
  /** Enqueues the experiment (parent) and its runs (children), in run order. */
  enqueueExperiment(input: { experimentId: string; runIds: string[] }): Promise<void>;
  /** Enqueues runs again after a retry (their earlier jobs failed or were cancelled). */
  requeueRuns(input: { experimentId: string; runIds: string[] }): Promise<void>;
}
