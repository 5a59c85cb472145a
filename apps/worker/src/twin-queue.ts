import { FlowProducer, Queue, type JobsOptions } from 'bullmq';
import type { TwinQueuePort } from '@p2pvalue/platform';
import { SIMULATION_EXPERIMENT_JOB, SIMULATION_QUEUE, SIMULATION_RUN_JOB, SIMULATION_RUN_JOB_OPTIONS, TWIN_QUEUE, TWIN_STEP_JOB, type Redis, type TSimulationRunPayload, type TTwinStepPayload } from '@p2pvalue/shared';

/** A step that finds its batch still running is retried with backoff; other failures a few times. */
export const TWIN_STEP_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

// A failed run still lets its parents run, so the step sees the batch with that particle missing.
const RUN_JOB_OPTIONS: JobsOptions = SIMULATION_RUN_JOB_OPTIONS;

/**
 * The twin's queue port over BullMQ. A batch is a flow of three levels: the next twin step (parent),
 * the experiment job (which closes the experiment) and one run job per particle, so the step runs
 * once every particle has been simulated. Job ids come from the calibration, batch, experiment and
 * run ids, so a repeated enqueue adds nothing.
 */
export function createBullTwinQueue(deps: { connection: Redis; prefix: string }): TwinQueuePort & { close(): Promise<void> } {
  const flows = new FlowProducer({ connection: deps.connection, prefix: deps.prefix });
  const steps = new Queue(TWIN_QUEUE, { connection: deps.connection, prefix: deps.prefix });
  return {
    async enqueueStep({ calibrationId }) {
      await steps.add(TWIN_STEP_JOB, { calibrationId } satisfies TTwinStepPayload, { ...TWIN_STEP_JOB_OPTIONS, jobId: `twin-${calibrationId}-start` });
    },
    async enqueueBatch({ calibrationId, batch, experimentId, runIds }) {
      const jobId = `twin-${calibrationId}-${batch}`;
      if (await steps.getJob(jobId)) return;
      await flows.add({
        name: TWIN_STEP_JOB,
        queueName: TWIN_QUEUE,
        data: { calibrationId } satisfies TTwinStepPayload,
        opts: { ...TWIN_STEP_JOB_OPTIONS, jobId },
        children: [
          {
            name: SIMULATION_EXPERIMENT_JOB,
            queueName: SIMULATION_QUEUE,
            data: { experimentId },
            opts: { jobId: experimentId, ignoreDependencyOnFailure: true, removeOnComplete: { age: 24 * 3600 } },
            children: runIds.map((runId) => ({
              name: SIMULATION_RUN_JOB,
              queueName: SIMULATION_QUEUE,
              data: { experimentId, runId } satisfies TSimulationRunPayload,
              opts: { ...RUN_JOB_OPTIONS, jobId: runId },
            })),
          },
        ],
      });
    },
    async close() {
      await flows.close();
      await steps.close();
    },
  };
}
