import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import { createPrismaClient, type PrismaClient } from '@p2pvalue/db';
import { CLOSE_DUE_ROUNDS_JOB, createLogger, createRedis, MAINTENANCE_QUEUE, PRUNE_ABANDONED_UPLOADS_JOB, PURGE_EXPIRED_AUTH_JOB, type Redis } from '@p2pvalue/shared';
import { startWorkerRuntime } from '../runtime';

// A real BullMQ worker on real Redis and PostgreSQL, under a private key prefix.
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const prefix = `${process.env.REDIS_PREFIX}:bull-close-rounds-test`;
let db: PrismaClient;
let connection: Redis;
let producer: Redis;
let queue: Queue;
let runtime: Awaited<ReturnType<typeof startWorkerRuntime>>;

/** A community with an open round whose window ends at `closesAt`. */
async function round(closesAt: Date): Promise<string> {
  const id = randomBytes(8).toString('hex');
  await db.user.create({ data: { id, email: `${id}@example.org`, name: 'R', emailVerified: false } });
  const community = await db.community.create({ data: { slug: `close-${id}`, name: `Close ${id}`, createdById: id }, select: { id: true } });
  const created = await db.fundingRound.create({
    data: { communityId: community.id, title: `Round ${id}`, opensAt: new Date(closesAt.getTime() - 3_600_000), closesAt, budgetPerMember: 10, createdById: id },
    select: { id: true },
  });
  return created.id;
}

/** A community (its creator an active member) with a round scheduled to open at `opensAt`. */
async function scheduledRound(opensAt: Date): Promise<{ id: string; memberId: string }> {
  const id = randomBytes(8).toString('hex');
  await db.user.create({ data: { id, email: `${id}@example.org`, name: 'S', emailVerified: false } });
  const community = await db.community.create({ data: { slug: `open-${id}`, name: `Open ${id}`, createdById: id, memberships: { create: [{ userId: id, role: 'owner' }] } }, select: { id: true } });
  const created = await db.fundingRound.create({
    data: { communityId: community.id, title: `Scheduled ${id}`, status: 'scheduled', opensAt, closesAt: new Date(opensAt.getTime() + 86_400_000), budgetPerMember: 40, createdById: id },
    select: { id: true },
  });
  return { id: created.id, memberId: id };
}

async function schedulerKeys(): Promise<string[]> {
  return (await queue.getJobSchedulers()).map((s) => s.key).sort();
}

describe('close-due-rounds job', () => {
  beforeAll(async () => {
    db = createPrismaClient({ url: process.env.DATABASE_URL! });
    connection = createRedis(redisUrl, 'worker');
    producer = createRedis(redisUrl, 'producer');
    queue = new Queue(MAINTENANCE_QUEUE, { connection: producer, prefix });
    runtime = await startWorkerRuntime({ db, connection, prefix, log: createLogger({ name: 'test', level: 'silent', pretty: false }) });
  });

  afterAll(async () => {
    await runtime.close();
    await queue.close();
    producer.disconnect();
    connection.disconnect();
    await db.$disconnect();
  });

  it('is scheduled every minute; closes due rounds and opens scheduled ones as the system through the queue, leaving others alone', async () => {
    const scheduler = (await queue.getJobSchedulers()).find((s) => s.key === CLOSE_DUE_ROUNDS_JOB);
    expect(scheduler?.every).toBe(60_000);
    const due = await round(new Date(Date.now() - 1_000));
    const future = await round(new Date(Date.now() + 3_600_000));
    const opening = await scheduledRound(new Date(Date.now() - 1_000));
    const notYet = await scheduledRound(new Date(Date.now() + 3_600_000));

    const events = new QueueEvents(MAINTENANCE_QUEUE, { connection: createRedis(redisUrl, 'subscriber'), prefix });
    await events.waitUntilReady();
    const job = await queue.add(CLOSE_DUE_ROUNDS_JOB, {}, { jobId: `close-${due}` });
    // The scheduler's own first run may have closed it already; the state is what matters.
    const result = (await job.waitUntilFinished(events, 15_000)) as { closed: string[]; skipped: string[]; opened: string[] };
    expect(result.closed).not.toContain(future);
    const rows = await db.fundingRound.findMany({ where: { id: { in: [due, future] } }, select: { id: true, status: true, closedById: true, results: true } });
    const dueRow = rows.find((r) => r.id === due);
    expect(dueRow).toMatchObject({ status: 'closed', closedById: null });
    expect(dueRow?.results).toMatchObject({ totals: { pledged: 0, funded: 0 } });
    expect(rows.find((r) => r.id === future)).toMatchObject({ status: 'open', closedById: null, results: null });
    // The scheduled round whose time came is open, with its members' budgets granted; the other waits.
    expect(result.opened).not.toContain(notYet.id);
    const scheduled = await db.fundingRound.findMany({ where: { id: { in: [opening.id, notYet.id] } }, select: { id: true, status: true, balances: { select: { userId: true, granted: true } } } });
    expect(scheduled.find((r) => r.id === opening.id)).toMatchObject({ status: 'open', balances: [{ userId: opening.memberId, granted: 40 }] });
    expect(scheduled.find((r) => r.id === notYet.id)).toMatchObject({ status: 'scheduled', balances: [] });

    // A malformed payload fails without retries.
    const bad = await queue.add(CLOSE_DUE_ROUNDS_JOB, { now: 'tomorrow' }, { attempts: 1 });
    await expect(bad.waitUntilFinished(events, 10_000)).rejects.toThrow();
    await events.close();
  });

  it('puts the schedules back when Redis reconnects after losing them', async () => {
    const all = [CLOSE_DUE_ROUNDS_JOB, PRUNE_ABANDONED_UPLOADS_JOB, PURGE_EXPIRED_AUTH_JOB].sort();
    expect(await schedulerKeys()).toEqual(all);
    // Redis restarted empty: the schedules are gone.
    for (const key of all) await queue.removeJobScheduler(key);
    expect(await schedulerKeys()).toEqual([]);

    // The worker's connection drops and comes back.
    connection.disconnect(true);
    const deadline = Date.now() + 10_000;
    while ((await schedulerKeys()).length < all.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await schedulerKeys()).toEqual(all);
  });
});
