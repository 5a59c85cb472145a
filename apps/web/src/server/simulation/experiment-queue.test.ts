import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents, UnrecoverableError, Worker, type Job } from 'bullmq';
import { createRedis, SIMULATION_EXPERIMENT_JOB, SIMULATION_QUEUE, SIMULATION_RUN_JOB, type Redis } from '@p2pvalue/shared';
import { createBullExperimentQueue } from './experiment-queue';

// The web's BullMQ adapter of the experiment queue port, on real Redis under a private prefix.
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const prefix = `${process.env.REDIS_PREFIX}:bull-experiment-queue-test`;
const connections: Redis[] = [];
const connect = (role: 'producer' | 'worker' | 'subscriber') => {
  const c = createRedis(redisUrl, role);
  connections.push(c);
  return c;
};
let port: ReturnType<typeof createBullExperimentQueue>;
let queue: Queue;
let events: QueueEvents;
let worker: Worker;
/** How often each run job was processed, and how the test wants the next one to end. */
const processed = new Map<string, number>();
const failNext = new Set<string>();

function startWorker(): Worker {
  return new Worker(
    SIMULATION_QUEUE,
    async (job: Job) => {
      if (job.name !== SIMULATION_RUN_JOB) return 'experiment';
      processed.set(job.id!, (processed.get(job.id!) ?? 0) + 1);
      // As the worker ends a run that would fail the same way again (e.g. over its memory limit).
      if (failNext.delete(job.id!)) throw new UnrecoverableError('failed for the test');
      return 'ran';
    },
    { connection: connect('worker'), prefix },
  );
}

describe('BullMQ experiment queue', () => {
  beforeAll(async () => {
    port = createBullExperimentQueue({ connection: connect('producer'), prefix });
    queue = new Queue(SIMULATION_QUEUE, { connection: connect('producer'), prefix });
    events = new QueueEvents(SIMULATION_QUEUE, { connection: connect('subscriber'), prefix });
    await events.waitUntilReady();
    worker = startWorker();
  });

  afterAll(async () => {
    await worker?.close();
    await events?.close();
    await port?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    for (const c of connections) c.disconnect();
  });

  const settled = async (runId: string) => {
    const job = await queue.getJob(runId);
    await job!.waitUntilFinished(events, 20_000).catch(() => undefined);
    return job!.getState();
  };

  it('re-runs runs whose jobs completed or failed, adds missing ones, and is idempotent', async () => {
    const experimentId = randomUUID();
    const [done, failed, gone] = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of [failed, gone]) failNext.add(id);
    await port.enqueueExperiment({ experimentId, runIds: [done, failed, gone] });
    // Enqueuing again adds nothing (job ids = run ids).
    await port.enqueueExperiment({ experimentId, runIds: [done, failed, gone] });
    expect(await Promise.all([done, failed, gone].map(settled))).toEqual(['completed', 'failed', 'failed']);
    await (await queue.getJob(gone))!.remove();
    expect([done, failed, gone].map((id) => processed.get(id))).toEqual([1, 1, 1]);

    // A completed job used to make requeueRuns a no-op: the retried run never ran again.
    // Twice while no worker runs: the second call finds them waiting and adds nothing.
    await worker.close();
    await port.requeueRuns({ experimentId, runIds: [done, failed, gone] });
    await port.requeueRuns({ experimentId, runIds: [done, failed, gone] });
    expect(await queue.getWaitingCount()).toBe(3);
    worker = startWorker();
    expect(await Promise.all([done, failed, gone].map(settled))).toEqual(['completed', 'completed', 'completed']);
    expect([done, failed, gone].map((id) => processed.get(id))).toEqual([2, 2, 2]);
    const job = await queue.getJob(done);
    expect(job?.data).toEqual({ experimentId, runId: done });
    expect((await queue.getJob(experimentId))?.name).toBe(SIMULATION_EXPERIMENT_JOB);
  });
});
