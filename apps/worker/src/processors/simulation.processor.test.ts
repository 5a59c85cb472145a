import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowProducer, Queue, QueueEvents, Worker, type Job } from 'bullmq';
import { createPrismaClient, type PrismaClient } from '@p2pvalue/db';
import { createExperimentRepository, createExperimentService, unpackJson, type ExperimentQueuePort, type ExperimentService } from '@p2pvalue/platform';
import { createRedis, SIMULATION_EXPERIMENT_JOB, SIMULATION_QUEUE, SIMULATION_RUN_JOB, type Redis } from '@p2pvalue/shared';
import { createSimulationProcessor } from './simulation.processor';

// The whole path on real PostgreSQL and Redis: the service writes the experiment, a BullMQ flow
// (experiment parent, one child per run, jobId = run id) carries ids only, an in-process Worker
// with the real processor runs the model in chunks, and the results land in PostgreSQL.
// The flow below has the same shape as apps/web's createBullExperimentQueue (web code cannot be
// imported from the worker); that adapter is exercised through its own port contract.
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const prefix = `${process.env.REDIS_PREFIX}:bull-simulation-test`;
let db: PrismaClient;
let connections: Redis[] = [];
let flows: FlowProducer;
let queue: Queue;
let events: QueueEvents;
let worker: Worker;
let service: ExperimentService;
let userId: string;

function connection(role: 'worker' | 'producer' | 'subscriber'): Redis {
  const c = createRedis(redisUrl, role);
  connections.push(c);
  return c;
}

const tiny = { name: 'tiny', repetitions: 2, steps: 20, enumerated: { 'platform-features': [false, true] }, metrics: ['count_1s', 'count_9s', 'count_90s', 'count_projects'], seed: 2026 };

describe('simulation queue', () => {
  beforeAll(async () => {
    db = createPrismaClient({ url: process.env.DATABASE_URL! });
    flows = new FlowProducer({ connection: connection('producer'), prefix });
    queue = new Queue(SIMULATION_QUEUE, { connection: connection('producer'), prefix });
    events = new QueueEvents(SIMULATION_QUEUE, { connection: connection('subscriber'), prefix });
    await events.waitUntilReady();
    const port: ExperimentQueuePort = {
      async enqueueExperiment({ experimentId, runIds }) {
        await flows.add({
          name: SIMULATION_EXPERIMENT_JOB,
          queueName: SIMULATION_QUEUE,
          data: { experimentId },
          opts: { jobId: experimentId },
          children: runIds.map((runId) => ({ name: SIMULATION_RUN_JOB, queueName: SIMULATION_QUEUE, data: { experimentId, runId }, opts: { jobId: runId, attempts: 2, ignoreDependencyOnFailure: true } })),
        });
      },
      requeueRuns: () => Promise.reject(new Error('not used here')),
    };
    service = createExperimentService({ experiments: createExperimentRepository(db), queue: port, clock: () => new Date() });
    worker = new Worker(SIMULATION_QUEUE, createSimulationProcessor({ db, workerId: 'test-worker', chunkTicks: 7 }), { connection: connection('worker'), prefix, concurrency: 2 });
    userId = randomBytes(8).toString('hex');
    await db.user.create({ data: { id: userId, email: `${userId}@example.org`, name: 'R', role: 'researcher' } });
  });

  afterAll(async () => {
    await worker?.close();
    await events?.close();
    await flows?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    for (const c of connections) c.disconnect();
    connections = [];
    await db?.$disconnect();
  });

  async function runToCompletion(seed: number) {
    const { id } = await service.submit({ id: userId, role: 'researcher' }, { ...tiny, seed });
    const parent = await queue.getJob(id);
    expect(parent?.name).toBe(SIMULATION_EXPERIMENT_JOB);
    const result = await (parent as Job).waitUntilFinished(events, 60_000);
    expect(result).toEqual({ status: 'completed' });
    const runs = await db.experimentRun.findMany({ where: { experimentId: id }, orderBy: [{ conditionIndex: 'asc' }, { repetition: 'asc' }] });
    return { id, runs };
  }

  it('runs a 2 × 2 design through the queue, stores results, and reproduces them from the same seeds', async () => {
    const first = await runToCompletion(2026);
    expect(first.runs).toHaveLength(4);
    for (const run of first.runs) {
      expect(run.status).toBe('completed');
      expect(run.attempts).toBe(1);
      expect(run.workerId).toBe('test-worker');
      expect(run.checkpoint).toBeNull();
      const series = unpackJson<{ ticks: number; metrics: Record<string, unknown[]> }>(run.series as Uint8Array);
      expect(series.metrics['count_1s']).toHaveLength(series.ticks + 1);
      expect((run.summary as { stop_tick: number }).stop_tick).toBe(series.ticks);
    }
    const status = await service.getStatus({ id: userId, role: 'researcher' }, first.id);
    expect(status).toMatchObject({ status: 'completed', progress: 1, runs: { total: 4, done: 4, running: 0, failed: 0 } });
    // Runs of the same experiment differ (distinct seeds)…
    expect(new Set(first.runs.map((r) => r.seed.toString())).size).toBe(4);

    // …and a second experiment with the same root seed reproduces every run exactly.
    const second = await runToCompletion(2026);
    expect(second.runs.map((r) => [r.seed, r.summary])).toEqual(first.runs.map((r) => [r.seed, r.summary]));
    expect(second.runs.map((r) => unpackJson(r.series as Uint8Array))).toEqual(first.runs.map((r) => unpackJson(r.series as Uint8Array)));

    // A run job delivered again after its run finished changes nothing.
    const [done] = first.runs;
    const replay = await queue.add(SIMULATION_RUN_JOB, { experimentId: first.id, runId: done?.id }, { jobId: `replay-${done?.id}` });
    expect(await replay.waitUntilFinished(events, 30_000)).toEqual({ outcome: 'skipped', reason: 'finished' });
    const after = await db.experimentRun.findUniqueOrThrow({ where: { id: done?.id as string } });
    expect([after.attempts, after.summary, after.finishedAt]).toEqual([done?.attempts, done?.summary, done?.finishedAt]);
  });

  it('ends a job with an invalid payload without retrying it', async () => {
    const job = await queue.add(SIMULATION_RUN_JOB, { runId: 'not-a-uuid' }, { attempts: 3 });
    await expect(job.waitUntilFinished(events, 30_000)).rejects.toThrow(/invalid run payload/);
    const failed = await queue.getJob(job.id as string);
    expect(failed?.attemptsMade).toBe(1);
  });
});
