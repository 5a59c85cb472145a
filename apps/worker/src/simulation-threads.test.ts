import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowProducer, Queue, QueueEvents, type Job } from 'bullmq';
import { createPrismaClient, type PrismaClient } from '@p2pvalue/db';
import { createExperimentRepository, createExperimentService, createInProcessRunStepper, type ExperimentQueuePort, type ExperimentService } from '@p2pvalue/platform';
import { designMetrics } from '@p2pvalue/sim';
import { createLogger, createRedis, SIMULATION_EXPERIMENT_JOB, SIMULATION_QUEUE, SIMULATION_RUN_JOB, type Redis } from '@p2pvalue/shared';
import { startWorkerRuntime } from './runtime';
import { createRunThreadPool } from './threads/run-thread-pool';

// The worker process's simulation path on real PostgreSQL and Redis: runs computed in worker
// threads, and a graceful stop (SIGTERM's path) in the middle of a run.
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const prefix = `${process.env.REDIS_PREFIX}:bull-simulation-threads-test`;
const log = createLogger({ name: 'test', level: 'silent', pretty: false });
let db: PrismaClient;
const connections: Redis[] = [];
let flows: FlowProducer;
let queue: Queue;
let events: QueueEvents;
let service: ExperimentService;
let userId: string;

const connect = (role: 'worker' | 'producer' | 'subscriber') => {
  const c = createRedis(redisUrl, role);
  connections.push(c);
  return c;
};

// Ten times the default community: long enough to stop it half-way, even on a fast machine.
const design = {
  name: 'threads',
  repetitions: 1,
  steps: 600,
  variant: 'final',
  metrics: ['count_1s', 'count_9s', 'count_90s', 'count_projects'],
  enumerated: { 'initial-number-1s': [20], 'initial-number-9s': [200], 'initial-number-90s': [2000] },
  seed: 99,
};

async function startWorker(workerId: string, memoryMb = 512) {
  const threads = createRunThreadPool({ size: 1, memoryMb });
  await threads.ready();
  const runtime = await startWorkerRuntime({ db, connection: connect('worker'), prefix, log, workerId, simulationStepper: threads, simulationCheckpointMs: 60_000 });
  return {
    async stop() {
      await runtime.close();
      await threads.close();
    },
  };
}

describe('simulation in worker threads', () => {
  beforeAll(async () => {
    db = createPrismaClient({ url: process.env.DATABASE_URL! });
    flows = new FlowProducer({ connection: connect('producer'), prefix });
    queue = new Queue(SIMULATION_QUEUE, { connection: connect('producer'), prefix });
    events = new QueueEvents(SIMULATION_QUEUE, { connection: connect('subscriber'), prefix });
    await events.waitUntilReady();
    const port: ExperimentQueuePort = {
      async enqueueExperiment({ experimentId, runIds }) {
        await flows.add({
          name: SIMULATION_EXPERIMENT_JOB,
          queueName: SIMULATION_QUEUE,
          data: { experimentId },
          opts: { jobId: experimentId },
          children: runIds.map((runId) => ({ name: SIMULATION_RUN_JOB, queueName: SIMULATION_QUEUE, data: { experimentId, runId }, opts: { jobId: runId, attempts: 3, ignoreDependencyOnFailure: true } })),
        });
      },
      requeueRuns: () => Promise.reject(new Error('not used here')),
    };
    service = createExperimentService({ experiments: createExperimentRepository(db), queue: port, clock: () => new Date() });
    userId = randomBytes(8).toString('hex');
    await db.user.create({ data: { id: userId, email: `${userId}@example.org`, name: 'R', role: 'researcher' } });
  });

  afterAll(async () => {
    await events?.close();
    await flows?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    for (const c of connections) c.disconnect();
    await db?.$disconnect();
  });

  it('a graceful stop checkpoints the running run and hands its job back; the next worker resumes it to identical results', async () => {
    const first = await startWorker('thread-worker-1');
    const { id } = await service.submit({ id: userId, role: 'researcher' }, design);
    const [runId] = (await db.experimentRun.findMany({ where: { experimentId: id }, select: { id: true } })).map((r) => r.id);
    // Stop once the run has really started computing (its first progress report).
    await new Promise<void>((resolve) => {
      const onProgress = ({ jobId }: { jobId: string }) => {
        if (jobId !== runId) return;
        events.off('progress', onProgress);
        resolve();
      };
      events.on('progress', onProgress);
    });
    await first.stop();

    const stopped = await db.experimentRun.findUniqueOrThrow({ where: { id: runId! } });
    expect(stopped.status).toBe('running');
    expect(stopped.checkpointTick).toBeGreaterThan(0);
    expect(stopped.checkpointTick).toBeLessThan(600);
    const job = (await queue.getJob(runId!)) as Job;
    expect(await job.getState()).toBe('waiting');
    // Handed back, not failed: no attempt spent.
    expect(job.attemptsMade).toBe(0);

    const second = await startWorker('thread-worker-2');
    try {
      const parent = (await queue.getJob(id)) as Job;
      expect(await parent.waitUntilFinished(events, 240_000)).toEqual({ status: 'completed' });
    } finally {
      await second.stop();
    }
    const done = await db.experimentRun.findUniqueOrThrow({ where: { id: runId! } });
    expect(done).toMatchObject({ status: 'completed', workerId: 'thread-worker-2', attempts: 2, checkpoint: null });

    // The same run computed straight through, in this process.
    const straight = await createInProcessRunStepper().step(
      {
        start: {
          kind: 'new',
          config: { seed: Number(done.seed), params: done.parameters as Record<string, number>, variant: 'final' },
          options: { ticks: design.steps, metrics: designMetrics(design as never), record: 'every-tick' },
        },
        steps: design.steps,
        chunkTicks: 50,
        checkpointEveryMs: 600_000,
        progressEveryMs: 600_000,
      },
      { onProgress: async () => true, onCheckpoint: async () => true },
    );
    if (straight.kind !== 'completed') throw new Error('reference run did not complete');
    expect(done.summary).toEqual(JSON.parse(JSON.stringify(straight.summary)));
    expect(Buffer.from(done.series!).equals(Buffer.from(straight.series))).toBe(true);
  }, 300_000);

  it('a run over its memory limit fails at once with the reason, is not retried, and fails the experiment', async () => {
    const worker = await startWorker('small-worker', 16);
    try {
      const { id } = await service.submit({ id: userId, role: 'researcher' }, { ...design, steps: 1500, seed: 7 });
      const parent = (await queue.getJob(id)) as Job;
      expect(await parent.waitUntilFinished(events, 240_000)).toEqual({ status: 'failed' });
      const [run] = await db.experimentRun.findMany({ where: { experimentId: id } });
      expect(run).toMatchObject({ status: 'failed', attempts: 1 });
      expect(run?.error).toMatch(/more memory than its limit of 16 MB \(WORKER_RUN_MEMORY_MB\)/);
      const job = (await queue.getJob(run!.id)) as Job;
      expect(await job.getState()).toBe('failed');
      expect(job.attemptsMade).toBe(1);
    } finally {
      await worker.stop();
    }
  }, 300_000);
});
