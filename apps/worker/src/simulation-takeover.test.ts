import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowProducer, Queue, Worker } from 'bullmq';
import { createPrismaClient, type PrismaClient } from '@p2pvalue/db';
import { createExperimentRepository, createExperimentService, type ExperimentQueuePort } from '@p2pvalue/platform';
import { createLogger, createRedis, SIMULATION_EXPERIMENT_JOB, SIMULATION_QUEUE, SIMULATION_RUN_JOB, type Redis } from '@p2pvalue/shared';
import { simulationLockOptions, startWorkerRuntime } from './runtime';

// A worker that dies holding a run (its lock is never renewed) loses it to a live worker within
// the short lock + two stalled checks, not BullMQ's default ≈ 80 s.
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const prefix = `${process.env.REDIS_PREFIX}:bull-simulation-takeover-test`;
let db: PrismaClient;
const connections: Redis[] = [];
const connect = (role: 'worker' | 'producer') => {
  const c = createRedis(redisUrl, role);
  connections.push(c);
  return c;
};

describe('takeover of a dead worker’s run', () => {
  beforeAll(() => {
    db = createPrismaClient({ url: process.env.DATABASE_URL! });
  });
  afterAll(async () => {
    const queue = new Queue(SIMULATION_QUEUE, { connection: connect('producer'), prefix });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    for (const c of connections) c.disconnect();
    await db?.$disconnect();
  });

  it('a live worker takes the run over within about 20 s', async () => {
    const flows = new FlowProducer({ connection: connect('producer'), prefix });
    const port: ExperimentQueuePort = {
      async enqueueExperiment({ experimentId, runIds }) {
        await flows.add({
          name: SIMULATION_EXPERIMENT_JOB,
          queueName: SIMULATION_QUEUE,
          data: { experimentId },
          opts: { jobId: experimentId },
          children: runIds.map((runId) => ({ name: SIMULATION_RUN_JOB, queueName: SIMULATION_QUEUE, data: { experimentId, runId }, opts: { jobId: runId, attempts: 3 } })),
        });
      },
      requeueRuns: () => Promise.reject(new Error('not used here')),
    };
    const service = createExperimentService({ experiments: createExperimentRepository(db), queue: port, clock: () => new Date() });
    const userId = randomBytes(8).toString('hex');
    await db.user.create({ data: { id: userId, email: `${userId}@example.org`, name: 'R', role: 'researcher' } });

    // The "dead" worker: takes the job with the runtime's lock settings, then neither renews the
    // lock nor finishes (as after kill -9).
    let taken: number | null = null;
    const dead = new Worker(
      SIMULATION_QUEUE,
      () => {
        taken = Date.now();
        return new Promise(() => undefined);
      },
      { connection: connect('worker'), prefix, ...simulationLockOptions(10_000), skipLockRenewal: true, skipStalledCheck: true },
    );
    const { id } = await service.submit({ id: userId, role: 'researcher' }, { name: 'takeover', repetitions: 1, steps: 30, metrics: ['count_1s'], enumerated: {}, seed: 3 });
    while (taken === null) await new Promise((r) => setTimeout(r, 50));
    const live = await startWorkerRuntime({ db, connection: connect('worker'), prefix, log: createLogger({ name: 'test', level: 'silent', pretty: false }), workerId: 'live' });
    try {
      for (;;) {
        const experiment = await db.experiment.findUniqueOrThrow({ where: { id }, select: { status: true } });
        if (experiment.status === 'completed') break;
        expect(Date.now() - taken!).toBeLessThan(40_000);
        await new Promise((r) => setTimeout(r, 200));
      }
      const after = Date.now() - taken!;
      const [run] = await db.experimentRun.findMany({ where: { experimentId: id } });
      expect(run).toMatchObject({ status: 'completed', workerId: 'live' });
      // lock 10 s + at most two stalled checks 5 s apart, plus a short run
      expect(after).toBeLessThan(25_000);
    } finally {
      await live.close();
      await dead.close(true);
      await flows.close();
    }
  }, 60_000);
});
