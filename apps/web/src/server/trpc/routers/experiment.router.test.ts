import { afterAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { createRedis, redisKey, SIMULATION_EXPERIMENT_JOB, SIMULATION_QUEUE, SIMULATION_RUN_JOB } from '@p2pvalue/shared';
import { getAuth } from '../../auth/auth';
import { getDb } from '../../db';
import { getOpenApiDocument } from '../../rest/openapi';
import { callerFor } from '../../testing/platform-fixtures';
import { createTestUser } from '../../testing/users';
import { createContextFromRequest } from '../context';
import { appRouter } from '../root';

// The real BullMQ producer on this run's private Redis prefix; no worker consumes it here
// (apps/worker's simulation.processor.test.ts runs experiments end to end).
const connections: Array<ReturnType<typeof createRedis>> = [];
function connection(role: 'producer' | 'worker') {
  const c = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', role);
  connections.push(c);
  return c;
}
const inspector = new Queue(SIMULATION_QUEUE, { connection: connection('producer'), prefix: redisKey(process.env.REDIS_PREFIX ?? 'test', 'bull') });

const tiny = { name: 'tiny', repetitions: 2, steps: 20, enumerated: { 'platform-features': [false, true] }, seed: 3 };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies checked field by field below
async function rest(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, any> }> {
  const req = new Request(`http://localhost:3999/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const res = await createOpenApiFetchHandler({ endpoint: '/api/v1', router: appRouter, req, createContext: () => createContextFromRequest(req) });
  return { status: res.status, body: await res.json() };
}

afterAll(async () => {
  await inspector.obliterate({ force: true }).catch(() => undefined);
  await inspector.close();
  for (const c of connections) c.disconnect();
});

describe('experiment router', () => {
  it('is in the OpenAPI document', () => {
    const paths = Object.keys(getOpenApiDocument().paths ?? {});
    expect(paths).toEqual(expect.arrayContaining(['/experiments', '/experiments/{id}', '/experiments/{id}/retry']));
  });

  it('queues a flow (experiment parent, runs as children, jobId = run id); resubmits add nothing', async () => {
    const researcher = await createTestUser('researcher');
    const caller = callerFor(researcher);
    const { id, totalRuns } = await caller.experiment.submit({ ...tiny, idempotencyKey: 'once' });
    expect(totalRuns).toBe(4);
    const runIds = (await getDb().experimentRun.findMany({ where: { experimentId: id }, select: { id: true } })).map((r) => r.id).sort();
    const parent = await inspector.getJob(id);
    expect(parent?.name).toBe(SIMULATION_EXPERIMENT_JOB);
    expect(parent?.data).toEqual({ experimentId: id });
    const children = await Promise.all(runIds.map((runId) => inspector.getJob(runId)));
    expect(children.map((c) => [c?.name, c?.data])).toEqual(runIds.map((runId) => [SIMULATION_RUN_JOB, { experimentId: id, runId }]));
    expect(children.every((c) => c?.parentKey?.endsWith(`:${id}`))).toBe(true);

    const again = await caller.experiment.submit({ ...tiny, idempotencyKey: 'once' });
    expect(again.id).toBe(id);
    expect(await getDb().experiment.count({ where: { ownerId: researcher.id } })).toBe(1);
    // this experiment's jobs only: other test files queue experiments on the same queue meanwhile
    const ours = new Set([id, ...runIds]);
    const queued = (await inspector.getJobs(['waiting', 'waiting-children', 'prioritized'], 0, -1)).filter((job) => ours.has(job.id ?? ''));
    expect(queued.map((job) => job.id).sort()).toEqual([...ours].sort());
  });

  it('refuses members and bad designs with the reason, and queues nothing', async () => {
    const member = await createTestUser('member');
    await expect(callerFor(member).experiment.submit(tiny)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const researcher = await createTestUser('researcher');
    await expect(callerFor(researcher).experiment.submit({ ...tiny, enumerated: { 'chance-9s-exit': [2] } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/chance-9s-exit.*\[0, 1\]/),
    });
    await expect(callerFor(researcher).experiment.submit({ ...tiny, repetitions: 1_000_000_000 })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/runs; at most/) });
    await expect(callerFor(researcher).experiment.submit({ ...tiny, steps: -5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await getDb().experiment.count({ where: { ownerId: { in: [member.id, researcher.id] } } })).toBe(0);
  });

  it('retries failed runs by moving their failed jobs back to the queue', async () => {
    const researcher = await createTestUser('researcher');
    const caller = callerFor(researcher);
    const { id } = await caller.experiment.submit({ ...tiny, repetitions: 1 });
    const runIds = (await getDb().experimentRun.findMany({ where: { experimentId: id }, select: { id: true }, orderBy: { conditionIndex: 'asc' } })).map((r) => r.id);
    const events = new QueueEvents(SIMULATION_QUEUE, { connection: connection('worker'), prefix: inspector.opts.prefix });
    await events.waitUntilReady();
    // A worker whose every attempt fails for good: both run jobs end up failed in BullMQ.
    const failing = new Worker(SIMULATION_QUEUE, () => Promise.reject(new UnrecoverableError('boom')), { connection: connection('worker'), prefix: inspector.opts.prefix });
    await Promise.all(runIds.map((runId) => inspector.getJob(runId).then((job) => job?.waitUntilFinished(events, 30_000).catch(() => undefined))));
    await failing.close();
    await events.close();
    expect(await Promise.all(runIds.map((runId) => inspector.getJobState(runId)))).toEqual(['failed', 'failed']);
    await getDb().experimentRun.updateMany({ where: { id: runIds[1] }, data: { status: 'failed', error: 'boom' } });
    await getDb().experimentRun.updateMany({ where: { id: runIds[0] }, data: { status: 'completed' } });

    expect(await caller.experiment.retryFailed({ id })).toEqual({ requeued: 1 });
    expect(await inspector.getJobState(runIds[1] as string)).toBe('waiting');
    expect(await inspector.getJobState(runIds[0] as string)).toBe('failed');
    expect(await caller.experiment.status({ id })).toMatchObject({ status: 'queued', runs: { done: 1, queued: 1, failed: 0 } });
  });

  it('works over REST with an API token: POST, GET and DELETE /experiments', async () => {
    const researcher = await createTestUser('researcher');
    const other = await createTestUser('researcher');
    const { key } = await getAuth().api.createApiKey({ body: { name: 't', userId: researcher.id } });
    const { key: otherKey } = await getAuth().api.createApiKey({ body: { name: 't', userId: other.id } });

    const bad = await rest('POST', '/experiments', key, { ...tiny, enumerated: { 'no-such-knob': [1] } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/unknown parameter "no-such-knob"/);

    const created = await rest('POST', '/experiments', key, tiny);
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    const status = await rest('GET', `/experiments/${id}`, key);
    expect(status.body).toMatchObject({ status: 'queued', runs: { total: 4, done: 0, running: 0, failed: 0 }, progress: 0 });
    expect((await rest('GET', `/experiments/${id}`, otherKey)).status).toBe(404);
    expect((await rest('DELETE', `/experiments/${id}`, otherKey)).status).toBe(404);

    expect((await rest('DELETE', `/experiments/${id}`, key)).body).toEqual({ cancelled: true });
    expect((await rest('GET', `/experiments/${id}`, key)).body).toMatchObject({ status: 'cancelled', runs: { cancelled: 4 } });
  });
});
