import { afterAll, describe, expect, it, vi } from 'vitest';
import { Queue, QueueEvents, UnrecoverableError, Worker, type Job } from 'bullmq';
import { createRedis, redisKey, SIMULATION_QUEUE, SIMULATION_RUN_JOB, workerHeartbeatKey, type Redis } from '@p2pvalue/shared';
import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { getAuth } from '../../auth/auth';
import { getDb } from '../../db';
import { createContextFromRequest } from '../context';
import { appRouter } from '../root';
import { callerFor } from '../../testing/platform-fixtures';
import { createTestUser } from '../../testing/users';

// This file's own queue: other test files run workers on the run's shared prefix.
vi.hoisted(() => {
  process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX}:simulation-queue`;
});

const prefix = () => process.env.REDIS_PREFIX!;
const connections: Redis[] = [];
const connect = (role: 'producer' | 'worker' | 'subscriber') => {
  const c = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', role);
  connections.push(c);
  return c;
};
const release: Array<() => void> = [];
let worker: Worker | null = null;

afterAll(async () => {
  for (const done of release) done();
  await worker?.close();
  for (const c of connections) c.disconnect();
});

const tiny = { name: 'dashboard', repetitions: 1, steps: 20, enumerated: { 'platform-features': [false, true] }, seed: 9 };

describe('simulation queue dashboard (staff)', () => {
  it('shows counts, workers, active runs with their worker and progress, failures with a retry, and usage against the limits', async () => {
    const researcher = await createTestUser('researcher', 'Rita Researcher');
    const staff = await createTestUser('staff');
    const { id } = await callerFor(researcher).experiment.submit(tiny);
    // The database is shared with the other test files of the run: only this researcher's rows are checked.
    const mine = <T extends { ownerId: string }>(rows: T[]) => rows.filter((row) => row.ownerId === researcher.id);
    const [first, second] = (await getDb().experimentRun.findMany({ where: { experimentId: id }, orderBy: { conditionIndex: 'asc' }, select: { id: true } })).map((r) => r.id) as [string, string];

    // Before any worker: both runs wait, and the researcher uses 2 of their runs.
    let view = await callerFor(staff).simulationQueue.overview();
    expect(view.counts).toMatchObject({ waiting: 2, active: 0 });
    expect(view.workers).toEqual([]);
    expect(mine(view.usage)).toEqual([expect.objectContaining({ ownerId: researcher.id, ownerName: 'Rita Researcher', queued: 2, running: 0, activeRuns: 2, maxSteps: 20 })]);
    expect(view.limits.maxActiveRuns).toBeGreaterThan(0);

    // A worker (named as apps/worker names its simulation worker) takes the first run and reports progress; the second fails for good.
    const heartbeat = connect('worker');
    await heartbeat.set(workerHeartbeatKey(prefix(), 'host-a-4242'), JSON.stringify({ host: 'host-a', pid: 4242, at: new Date().toISOString() }), 'EX', 60);
    const events = new QueueEvents(SIMULATION_QUEUE, { connection: connect('subscriber'), prefix: redisKey(prefix(), 'bull') });
    await events.waitUntilReady();
    const progressed = new Promise<void>((resolve) => events.on('progress', () => resolve()));
    const failed = new Promise<void>((resolve) => events.on('failed', () => resolve()));
    worker = new Worker(
      SIMULATION_QUEUE,
      async (job: Job) => {
        if (job.name !== SIMULATION_RUN_JOB) return 'experiment';
        const { runId, experimentId } = job.data as { runId: string; experimentId: string };
        if (runId === second) {
          await getDb().experimentRun.update({ where: { id: runId }, data: { status: 'failed', error: 'heap out of memory', attempts: 1, workerId: 'host-a-4242', finishedAt: new Date() } });
          throw new UnrecoverableError('heap out of memory');
        }
        await getDb().experimentRun.update({ where: { id: runId }, data: { status: 'running', progressTick: 5, workerId: 'host-a-4242' } });
        await job.updateProgress({ experimentId, tick: 5, steps: 20 });
        await new Promise<void>((resolve) => release.push(resolve));
        return 'ran';
      },
      { connection: connect('worker'), prefix: redisKey(prefix(), 'bull'), name: 'host-a-4242', concurrency: 2 },
    );
    await Promise.all([progressed, failed]);
    await events.close();

    view = await callerFor(staff).simulationQueue.overview();
    expect(view.counts).toMatchObject({ waiting: 0, active: 1, failed: 1 });
    expect(view.workers).toEqual([expect.objectContaining({ id: 'host-a-4242', host: 'host-a', pid: 4242, activeRuns: 1 })]);
    expect(view.active).toEqual([expect.objectContaining({ runId: first, experimentId: id, experimentName: 'dashboard', ownerName: 'Rita Researcher', workerId: 'host-a-4242', tick: 5, steps: 20, progress: 0.25 })]);
    expect(view.failures.filter((f) => f.experimentId === id)).toEqual([expect.objectContaining({ runId: second, experimentId: id, error: 'heap out of memory', attempts: 1, condition: 1 })]);
    expect(mine(view.usage)).toEqual([expect.objectContaining({ ownerId: researcher.id, queued: 0, running: 1, activeRuns: 1 })]);

    // Retry from the dashboard (with the worker gone): the run is queued again, once.
    for (const done of release.splice(0)) done();
    await worker.close();
    worker = null;
    expect(await callerFor(staff).simulationQueue.retryRun({ runId: second })).toEqual({ requeued: true });
    await expect(callerFor(staff).simulationQueue.retryRun({ runId: second })).rejects.toMatchObject({ code: 'CONFLICT' });
    view = await callerFor(staff).simulationQueue.overview();
    expect(view.failures.filter((f) => f.experimentId === id)).toEqual([]);
    // The retried run waits again. Beside it the experiment job (the flow's parent) may be waiting
    // too: once its first run completes (the worker closing lets it finish) the parent is released.
    expect(view.counts.failed).toBe(0);
    expect(view.counts.waiting).toBeGreaterThanOrEqual(1);
    const inspector = new Queue(SIMULATION_QUEUE, { connection: connect('producer'), prefix: redisKey(prefix(), 'bull') });
    expect(await inspector.getJobState(second)).toBe('waiting');
    await inspector.close();

    // Nobody but staff.
    await expect(callerFor(researcher).simulationQueue.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(researcher).simulationQueue.retryRun({ runId: second })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(null).simulationQueue.overview()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  }, 60_000);

  it('tells a researcher what they may still queue', async () => {
    const researcher = await createTestUser('researcher');
    await callerFor(researcher).experiment.submit({ ...tiny, name: 'usage' });
    const allowance = await callerFor(researcher).experiment.allowance();
    expect(allowance).toMatchObject({ activeRuns: 2, remainingRuns: allowance.maxActiveRuns - 2 });
    expect(allowance.maxTicksPerRun).toBeGreaterThan(0);
    await expect(callerFor(await createTestUser('member')).experiment.allowance()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers over REST with an API token (the allowance to researchers, the dashboard to staff only)', async () => {
    const get = async (path: string, userId: string) => {
      const { key } = await getAuth().api.createApiKey({ body: { name: 't', userId } });
      const req = new Request(`http://localhost:3999/api/v1${path}`, { headers: { authorization: `Bearer ${key}` } });
      const res = await createOpenApiFetchHandler({ endpoint: '/api/v1', router: appRouter, req, createContext: () => createContextFromRequest(req) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const researcher = await createTestUser('researcher');
    const staff = await createTestUser('staff');
    expect(await get('/experiment-allowance', researcher.id)).toMatchObject({ status: 200, body: { activeRuns: 0 } });
    expect((await get('/admin/simulation-queue', researcher.id)).status).toBe(403);
    expect(await get('/admin/simulation-queue', staff.id)).toMatchObject({ status: 200, body: { counts: expect.any(Object), limits: expect.any(Object) } });
  });
});
