import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { isAppError } from '@p2pvalue/shared';
import type { ExperimentQueuePort } from './experiment-queue.port';
import { createExperimentRepository } from './experiment.repository';
import { createExperimentService, type ExperimentActor } from './experiment.service';

let db: TestDatabase;
let seq = 0;
const enqueued: string[] = [];
const queue: ExperimentQueuePort = {
  enqueueExperiment: async ({ experimentId }) => void enqueued.push(experimentId),
  requeueRuns: async () => undefined,
};
const design = (repetitions: number, steps = 10) => ({ name: 'limits', repetitions, steps, enumerated: { 'platform-features': [false, true] }, metrics: ['count_1s'] });

async function actor(): Promise<ExperimentActor> {
  seq += 1;
  const id = `limits-user-${seq}`;
  await db.prisma.user.create({ data: { id, name: `L${seq}`, email: `${id}@example.org`, role: 'researcher' } });
  return { id, role: 'researcher' };
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.userMessage, details: error.details };
    throw error;
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

describe('limits per researcher', () => {
  const service = () =>
    createExperimentService({ experiments: createExperimentRepository(db.prisma), queue, clock: () => new Date(), researcherLimits: { maxActiveRuns: 10, maxTicksPerRun: 500 } });

  it('refuses an experiment that would take the researcher past the active-run limit, writing and queueing nothing', async () => {
    const me = await actor();
    const svc = service();
    await svc.submit(me, design(3)); // 6 runs queued
    const before = enqueued.length;
    const refused = await refusal(svc.submit(me, design(3)));
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.message).toMatch(/You have 6 runs queued or running, and this experiment adds 6: at most 10 .*Queue at most 4 runs now/);
    expect(refused.details).toMatchObject({ reason: 'RESEARCHER_RUN_LIMIT', activeRuns: 6, newRuns: 6, maxActiveRuns: 10 });
    expect(await db.prisma.experiment.count({ where: { ownerId: me.id } })).toBe(1);
    expect(enqueued.length).toBe(before);
    // What fits still goes in; another researcher has their own allowance.
    await svc.submit(me, design(2));
    await svc.submit(await actor(), design(5));
  });

  it('counts only queued and running runs: finished or cancelled experiments free the allowance', async () => {
    const me = await actor();
    const svc = service();
    const { id } = await svc.submit(me, design(5));
    expect((await refusal(svc.submit(me, design(1)))).code).toBe('TOO_MANY_REQUESTS');
    await svc.cancel(me, id);
    expect((await svc.submit(me, design(5))).totalRuns).toBe(10);
  });

  it('serialises concurrent submissions of one researcher so that both cannot slip under the limit', async () => {
    const me = await actor();
    const svc = service();
    const results = await Promise.allSettled([svc.submit(me, design(3)), svc.submit(me, design(3))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.prisma.experimentRun.count({ where: { experiment: { ownerId: me.id } } })).toBe(6);
  });

  it('refuses more ticks per run than the researcher limit, on the ticks field', async () => {
    const refused = await refusal(service().submit(await actor(), design(1, 501)));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: 'design.steps: at most 500 ticks per run, got 501' });
    // Without researcher limits the service's own limit applies.
    const open = createExperimentService({ experiments: createExperimentRepository(db.prisma), queue, clock: () => new Date() });
    expect((await open.submit(await actor(), design(1, 501))).totalRuns).toBe(2);
  });
});
