import { FlowProducer, Queue, type JobsOptions } from 'bullmq';
import type { ExperimentQueuePort } from '@p2pvalue/platform';
import { redisKey, SIMULATION_EXPERIMENT_JOB, SIMULATION_QUEUE, SIMULATION_RUN_JOB, SIMULATION_RUN_JOB_OPTIONS, type Redis, type TSimulationRunPayload } from '@p2pvalue/shared';
import { env } from '../../env';
import { getRedis } from '../redis';

/** Shared with the twin's runs (libs/shared jobs.ts): retried with backoff, resumed from the checkpoint. */
const RUN_JOB_OPTIONS: JobsOptions = SIMULATION_RUN_JOB_OPTIONS;

/**
 * The experiment service's queue port over BullMQ: one flow per experiment, the experiment job as
 * parent and one child per run with jobId = run id, so enqueuing the same ids again adds nothing.
 */
export function createBullExperimentQueue(deps: { connection: Redis; prefix: string }): ExperimentQueuePort & { close(): Promise<void> } {
  const flows = new FlowProducer({ connection: deps.connection, prefix: deps.prefix });
  const queue = new Queue(SIMULATION_QUEUE, { connection: deps.connection, prefix: deps.prefix });
  const runJob = (experimentId: string, runId: string) => ({
    name: SIMULATION_RUN_JOB,
    queueName: SIMULATION_QUEUE,
    data: { experimentId, runId } satisfies TSimulationRunPayload,
    opts: { ...RUN_JOB_OPTIONS, jobId: runId },
  });

  return {
    async enqueueExperiment({ experimentId, runIds }) {
      if (await queue.getJob(experimentId)) return;
      await flows.add({
        name: SIMULATION_EXPERIMENT_JOB,
        queueName: SIMULATION_QUEUE,
        data: { experimentId },
        opts: { jobId: experimentId, removeOnComplete: { age: 24 * 3600 } },
        children: runIds.map((runId) => runJob(experimentId, runId)),
      });
    },
    /**
     * A retried run needs a job that will run: a failed one is retried; a finished one (its job
     * completed, e.g. a run failed or cancelled by the executor, which returns rather than
     * throws) is removed and added again under the same id; one that is waiting, delayed or
     * active already will run and is left alone, so calling this twice adds nothing.
     */
    async requeueRuns({ experimentId, runIds }) {
      for (const runId of runIds) {
        const job = await queue.getJob(runId);
        const state = job ? await job.getState() : 'missing';
        if (state === 'failed') {
          await job!.retry('failed');
          continue;
        }
        if (state === 'completed') await job!.remove();
        else if (state !== 'missing' && state !== 'unknown') continue;
        const { name, data, opts } = runJob(experimentId, runId);
        await queue.add(name, data, opts);
      }
    },
    async close() {
      await flows.close();
      await queue.close();
    },
  };
}

const holder = globalThis as unknown as { __p2pvExperimentQueue?: ReturnType<typeof createBullExperimentQueue> };

/** The web process's experiment queue, on the shared fail-fast Redis connection. */
export function getExperimentQueue(): ExperimentQueuePort {
  holder.__p2pvExperimentQueue ??= createBullExperimentQueue({ connection: getRedis(), prefix: redisKey(env.REDIS_PREFIX, 'bull') });
  return holder.__p2pvExperimentQueue;
}
