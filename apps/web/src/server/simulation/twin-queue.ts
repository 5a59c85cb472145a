import { Queue } from 'bullmq';
import type { TwinQueuePort } from '@p2pvalue/platform';
import { redisKey, TWIN_QUEUE, TWIN_STEP_JOB, type Redis, type TTwinStepPayload } from '@p2pvalue/shared';
import { env } from '../../env';
import { getRedis } from '../redis';

/**
 * The web's half of the twin queue: it only queues a calibration's first step (the worker queues
 * the batches, apps/worker twin-queue). The options match the worker's step jobs.
 */
export function createBullTwinStepQueue(deps: { connection: Redis; prefix: string }): Pick<TwinQueuePort, 'enqueueStep'> & { close(): Promise<void> } {
  const queue = new Queue(TWIN_QUEUE, { connection: deps.connection, prefix: deps.prefix });
  return {
    async enqueueStep({ calibrationId }) {
      await queue.add(TWIN_STEP_JOB, { calibrationId } satisfies TTwinStepPayload, {
        jobId: `twin-${calibrationId}-start`,
        attempts: 5,
        backoff: { type: 'exponential', delay: 2_000 },
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { age: 7 * 24 * 3600 },
      });
    },
    close: () => queue.close(),
  };
}

const holder = globalThis as unknown as { __p2pvTwinQueue?: ReturnType<typeof createBullTwinStepQueue> };

export function getTwinStepQueue(): Pick<TwinQueuePort, 'enqueueStep'> {
  holder.__p2pvTwinQueue ??= createBullTwinStepQueue({ connection: getRedis(), prefix: redisKey(env.REDIS_PREFIX, 'bull') });
  return holder.__p2pvTwinQueue;
}
