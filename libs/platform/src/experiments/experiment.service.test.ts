import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { isAppError } from '@p2pvalue/shared';
import { executeExperimentRun } from './execute-experiment-run';
import type { ExperimentQueuePort } from './experiment-queue.port';
import { createExperimentRepository, type ExperimentRepository } from './experiment.repository';
import { createExperimentService, type ExperimentActor, type ExperimentService } from './experiment.service';
import { unpackJson, type StoredSeries } from './run-series';

let db: TestDatabase;
let repo: ExperimentRepository;
let svc: ExperimentService;
let seq = 0;
const now = new Date('2026-12-07T10:00:00Z');
/** Records what would be enqueued; the real BullMQ path is covered by the worker's integration test. */
const enqueued: Array<{ kind: 'experiment' | 'retry'; experimentId: string; runIds: string[] }> = [];
const queue: ExperimentQueuePort = {
  enqueueExperiment: async (input) => void enqueued.push({ kind: 'experiment', ...input }),
  requeueRuns: async (input) => void enqueued.push({ kind: 'retry', ...input }),
};

const tiny = { name: 'tiny', repetitions: 2, steps: 12, enumerated: { 'platform-features': [false, true] }, metrics: ['count_1s', 'count_9s', 'count_90s'], seed: 42 };

async function actor(role: ExperimentActor['role'] = 'researcher'): Promise<ExperimentActor> {
  seq += 1;
  const id = `exp-user-${seq}`;
  await db.prisma.user.create({ data: { id, name: `U${seq}`, email: `${id}@example.org`, role } });
  return { id, role };
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return 'OK';
}

beforeAll(async () => {
  db = await createTestDatabase();
  repo = createExperimentRepository(db.prisma);
  svc = createExperimentService({ experiments: repo, queue, clock: () => now });
});

afterAll(async () => {
  await db?.drop();
});

describe('experiment service', () => {
  it('writes the experiment and its runs, then enqueues ids only; a bad design writes nothing', async () => {
    const me = await actor();
    const before = enqueued.length;
    expect(await code(svc.submit(me, { ...tiny, enumerated: { 'initial-number-1s': [500] } }))).toBe('BAD_REQUEST');
    expect(await db.prisma.experiment.count({ where: { ownerId: me.id } })).toBe(0);
    expect(enqueued.length).toBe(before);

    const { id, totalRuns } = await svc.submit(me, tiny);
    expect(totalRuns).toBe(4);
    const runs = await db.prisma.experimentRun.findMany({ where: { experimentId: id }, orderBy: [{ conditionIndex: 'asc' }, { repetition: 'asc' }] });
    expect(runs.map((r) => [r.conditionIndex, r.repetition, (r.parameters as Record<string, unknown>)['platform-features']])).toEqual([
      [0, 0, false],
      [0, 1, false],
      [1, 0, true],
      [1, 1, true],
    ]);
    expect(enqueued.at(-1)).toEqual({ kind: 'experiment', experimentId: id, runIds: runs.map((r) => r.id) });
    const status = await svc.getStatus(me, id);
    expect(status).toMatchObject({ status: 'queued', rootSeed: 42, runs: { total: 4, queued: 4, done: 0, running: 0, failed: 0 }, progress: 0 });
  });

  it('lets only researchers and staff submit, and only the owner or staff see it', async () => {
    const member = await actor('member');
    const owner = await actor();
    const other = await actor();
    const staff = await actor('staff');
    expect(await code(svc.submit(member, tiny))).toBe('FORBIDDEN');
    const { id } = await svc.submit(owner, tiny);
    expect(await code(svc.getStatus(other, id))).toBe('NOT_FOUND');
    expect(await code(svc.cancel(other, id))).toBe('NOT_FOUND');
    expect(await code(svc.getStatus(staff, id))).toBe('OK');
    expect(await code(svc.getStatus(owner, 'not-a-uuid'))).toBe('NOT_FOUND');
  });

  it('is idempotent with an idempotency key', async () => {
    const me = await actor();
    const a = await svc.submit(me, tiny, { idempotencyKey: 'k1' });
    const b = await svc.submit(me, tiny, { idempotencyKey: 'k1' });
    expect(b.id).toBe(a.id);
    expect(await db.prisma.experimentRun.count({ where: { experimentId: a.id } })).toBe(4);
  });

  it('runs each run in chunks with checkpoints, stores results once, and completes the experiment', async () => {
    const me = await actor();
    const { id } = await svc.submit(me, tiny);
    const runIds = (enqueued.at(-1) as { runIds: string[] }).runIds;
    const progress: number[] = [];
    const first = await executeExperimentRun(
      { experiments: repo, clock: () => now },
      { runId: runIds[0] as string, workerId: 'w1', chunkTicks: 5, checkpointEveryMs: 0, progressEveryMs: 0, finalAttempt: true, onProgress: ({ tick }) => void progress.push(tick) },
    );
    expect(first).toMatchObject({ outcome: 'completed', tick: 12, resumedFrom: null });
    expect(progress).toEqual([5, 10, 12]);
    const stored = await repo.findRunResult(runIds[0] as string);
    expect(stored?.status).toBe('completed');
    const series = unpackJson<StoredSeries>(stored?.series as Uint8Array);
    expect(series.ticks).toBe(12);
    expect(series.metrics['count_1s']).toHaveLength(13);

    // A rerun of a finished run changes nothing.
    const again = await executeExperimentRun({ experiments: repo, clock: () => now }, { runId: runIds[0] as string, workerId: 'w2', chunkTicks: 5, finalAttempt: true });
    expect(again).toEqual({ outcome: 'skipped', reason: 'finished' });
    expect((await repo.findRunResult(runIds[0] as string))?.attempts).toBe(1);

    for (const runId of runIds.slice(1)) await executeExperimentRun({ experiments: repo, clock: () => now }, { runId, workerId: 'w1', chunkTicks: 5, finalAttempt: true });
    const status = await svc.getStatus(me, id);
    expect(status).toMatchObject({ status: 'completed', progress: 1, runs: { total: 4, done: 4 } });
  });

  it('resumes an interrupted run from its checkpoint with the same result as an uninterrupted run', async () => {
    const me = await actor();
    const a = await svc.submit(me, tiny);
    const b = await svc.submit(me, tiny);
    const runA = (await repo.runIds(a.id))[0] as string;
    const runB = (await repo.runIds(b.id))[0] as string;
    await executeExperimentRun({ experiments: repo, clock: () => now }, { runId: runA, workerId: 'w1', chunkTicks: 4, finalAttempt: true });

    const abort = new AbortController();
    const interrupted = await executeExperimentRun(
      { experiments: repo, clock: () => now },
      { runId: runB, workerId: 'w1', chunkTicks: 4, checkpointEveryMs: 0, progressEveryMs: 0, finalAttempt: false, signal: abort.signal, onProgress: () => abort.abort() },
    );
    expect(interrupted).toEqual({ outcome: 'interrupted', tick: 4 });
    const resumed = await executeExperimentRun({ experiments: repo, clock: () => now }, { runId: runB, workerId: 'w2', chunkTicks: 4, finalAttempt: true });
    expect(resumed).toMatchObject({ outcome: 'completed', resumedFrom: 4 });

    const [ra, rb] = await Promise.all([repo.findRunResult(runA), repo.findRunResult(runB)]);
    expect(rb?.summary).toEqual(ra?.summary);
    expect(unpackJson(rb?.series as Uint8Array)).toEqual(unpackJson(ra?.series as Uint8Array));
  });

  it('cancels: queued runs are not run, a running run stops at its next progress report', async () => {
    const me = await actor();
    const { id } = await svc.submit(me, tiny);
    const [r0, r1] = await repo.runIds(id);
    const outcome = await executeExperimentRun(
      { experiments: repo, clock: () => now },
      { runId: r0 as string, workerId: 'w1', chunkTicks: 4, checkpointEveryMs: 0, progressEveryMs: 0, finalAttempt: true, onProgress: async ({ tick }) => void (tick === 4 && (await svc.cancel(me, id))) },
    );
    expect(outcome).toEqual({ outcome: 'cancelled', tick: 4 });
    expect(await executeExperimentRun({ experiments: repo, clock: () => now }, { runId: r1 as string, workerId: 'w1', chunkTicks: 4, finalAttempt: true })).toEqual({
      outcome: 'skipped',
      reason: 'cancelled',
    });
    expect(await svc.getStatus(me, id)).toMatchObject({ status: 'cancelled', runs: { cancelled: 4, done: 0 } });
    expect(await svc.cancel(me, id)).toEqual({ cancelled: false });
  });

  it('cancels one run; the others still run and the experiment completes without it', async () => {
    const me = await actor();
    const other = await actor();
    const { id } = await svc.submit(me, { ...tiny, repetitions: 1 });
    const [r0, r1] = await repo.runIds(id);
    expect(await code(svc.cancelRun(other, r0 as string))).toBe('NOT_FOUND');
    expect(await svc.cancelRun(me, r0 as string)).toEqual({ cancelled: true });
    expect(await svc.cancelRun(me, r0 as string)).toEqual({ cancelled: false });
    await executeExperimentRun({ experiments: repo, clock: () => now }, { runId: r1 as string, workerId: 'w1', chunkTicks: 50, finalAttempt: true });
    expect(await svc.getStatus(me, id)).toMatchObject({ status: 'completed', runs: { done: 1, cancelled: 1 } });
  });

  it('retries failed runs: they go back to the queue and the experiment reopens', async () => {
    const me = await actor();
    const { id } = await svc.submit(me, { ...tiny, repetitions: 1 });
    const [r0, r1] = await repo.runIds(id);
    await executeExperimentRun({ experiments: repo, clock: () => now }, { runId: r0 as string, workerId: 'w1', chunkTicks: 50, finalAttempt: true });
    await repo.claimRun(r1 as string, 'w1', now);
    await repo.failRun(r1 as string, 'worker exploded', true, now);
    await repo.finishExperimentIfDone(id, now);
    expect(await svc.getStatus(me, id)).toMatchObject({ status: 'failed', runs: { done: 1, failed: 1 } });

    expect(await svc.retryFailed(me, id)).toEqual({ requeued: 1 });
    expect(enqueued.at(-1)).toEqual({ kind: 'retry', experimentId: id, runIds: [r1] });
    expect(await svc.getStatus(me, id)).toMatchObject({ status: 'queued', runs: { done: 1, queued: 1, failed: 0 } });
    await executeExperimentRun({ experiments: repo, clock: () => now }, { runId: r1 as string, workerId: 'w1', chunkTicks: 50, finalAttempt: true });
    expect(await svc.getStatus(me, id)).toMatchObject({ status: 'completed', runs: { done: 2 } });
  });

  it('resumes a cancelled experiment: cancelled and failed runs go back, completed runs are kept', async () => {
    const me = await actor();
    const other = await actor();
    const { id } = await svc.submit(me, tiny);
    const [r0, r1, r2, r3] = (await repo.runIds(id)) as [string, string, string, string];
    await executeExperimentRun({ experiments: repo, clock: () => now }, { runId: r0, workerId: 'w1', chunkTicks: 50, finalAttempt: true });
    await repo.claimRun(r1, 'w1', now);
    await repo.failRun(r1, 'worker exploded', true, now);
    // r2 was running when the experiment was cancelled: its progress and checkpoint go
    await repo.claimRun(r2, 'w1', now);
    await repo.saveProgress(r2, 6);
    await svc.cancel(me, id);
    expect(await svc.getStatus(me, id)).toMatchObject({ status: 'cancelled', runs: { done: 1, failed: 1, cancelled: 2 } });

    expect(await code(svc.retryFailed(other, id))).toBe('NOT_FOUND');
    expect(await svc.retryFailed(me, id)).toEqual({ requeued: 3 });
    expect(enqueued.at(-1)).toEqual({ kind: 'retry', experimentId: id, runIds: [r1, r2, r3] });
    const resumed = await svc.getStatus(me, id);
    expect(resumed).toMatchObject({ status: 'queued', runs: { done: 1, queued: 3, failed: 0, cancelled: 0 }, finishedAt: null });
    // Only the completed run's ticks count: the cancelled one starts again from tick 0.
    expect(resumed.progress).toBe(0.25);
    expect(await repo.findRunForWorker(r2)).toMatchObject({ status: 'queued', attempts: 0, checkpoint: null });
    for (const runId of [r1, r2, r3]) await executeExperimentRun({ experiments: repo, clock: () => now }, { runId, workerId: 'w2', chunkTicks: 50, finalAttempt: true });
    expect(await svc.getStatus(me, id)).toMatchObject({ status: 'completed', runs: { done: 4 } });
    // Nothing left to resume: a second call requeues nothing.
    expect(await svc.retryFailed(me, id)).toEqual({ requeued: 0 });
  });

  it('resuming counts against the active-run limit, like a submission', async () => {
    const limited = createExperimentService({ experiments: repo, queue, clock: () => now, researcherLimits: { maxActiveRuns: 5, maxTicksPerRun: 1000 } });
    const me = await actor();
    const { id } = await limited.submit(me, tiny);
    await limited.cancel(me, id);
    await limited.submit(me, { ...tiny, repetitions: 1, enumerated: {} });
    expect(await limited.allowance(me)).toMatchObject({ activeRuns: 1, maxActiveRuns: 5, remainingRuns: 4, maxTicksPerRun: 1000 });
    expect(await code(limited.retryFailed(me, id))).toBe('OK');
    expect(await limited.allowance(me)).toMatchObject({ activeRuns: 5, remainingRuns: 0 });
    const again = await limited.submit(me, { ...tiny, name: 'more' }).catch((error: unknown) => error);
    expect(again).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await limited.cancel(me, id);
    const third = await limited.submit(me, { ...tiny, repetitions: 1, name: 'third' });
    expect(third.totalRuns).toBe(2);
    // 1 + 2 active, and resuming adds 4: over 5, refused with the reason and nothing requeued.
    expect(await code(limited.retryFailed(me, id))).toBe('TOO_MANY_REQUESTS');
    expect(await limited.getStatus(me, id)).toMatchObject({ status: 'cancelled', runs: { cancelled: 4 } });
  });

  it('retries one failed run (owner or staff); a run that did not fail is a conflict', async () => {
    const me = await actor();
    const staff = await actor('staff');
    const other = await actor();
    const { id } = await svc.submit(me, { ...tiny, repetitions: 1 });
    const [r0, r1] = (await repo.runIds(id)) as [string, string];
    await repo.claimRun(r0, 'w1', now);
    await repo.failRun(r0, 'out of memory', true, now);
    expect(await code(svc.retryRun(other, r0))).toBe('NOT_FOUND');
    expect(await code(svc.retryRun(staff, r1))).toBe('CONFLICT');
    expect(await svc.retryRun(staff, r0)).toEqual({ requeued: true });
    expect(enqueued.at(-1)).toEqual({ kind: 'retry', experimentId: id, runIds: [r0] });
    expect(await svc.getStatus(me, id)).toMatchObject({ status: 'queued', runs: { queued: 2, failed: 0 } });
    expect(await code(svc.allowance(await actor('member')))).toBe('FORBIDDEN');
  });
});
