import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import { createPrismaClient, type PrismaClient } from '@p2pvalue/db';
import { createLogger, createRedis, MAINTENANCE_QUEUE, PURGE_EXPIRED_AUTH_JOB, type Redis } from '@p2pvalue/shared';
import { startWorkerRuntime } from './runtime';

// A real BullMQ worker on real Redis and PostgreSQL, under a private key prefix.
const prefix = `${process.env.REDIS_PREFIX}:bull-worker-test`;
let db: PrismaClient;
let connection: Redis;
let runtime: Awaited<ReturnType<typeof startWorkerRuntime>>;

async function makeUser(): Promise<string> {
  const id = randomBytes(8).toString('hex');
  await db.user.create({ data: { id, email: `${id}@example.org`, name: 'W', emailVerified: false } });
  return id;
}

describe('worker runtime', () => {
  beforeAll(async () => {
    db = createPrismaClient({ url: process.env.DATABASE_URL! });
    connection = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', 'worker');
    runtime = await startWorkerRuntime({ db, connection, prefix, log: createLogger({ name: 'test', level: 'silent', pretty: false }) });
  });

  afterAll(async () => {
    await runtime.close();
    connection.disconnect();
    await db.$disconnect();
  });

  it('schedules the purge and runs it through the queue, deleting only expired sessions', async () => {
    const userId = await makeUser();
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3_600_000);
    await db.session.createMany({
      data: [
        { id: `${userId}-old`, token: `${userId}-old`, userId, expiresAt: past, createdAt: past, updatedAt: past },
        { id: `${userId}-new`, token: `${userId}-new`, userId, expiresAt: future, createdAt: past, updatedAt: past },
      ],
    });

    const producer = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', 'producer');
    const queue = new Queue(MAINTENANCE_QUEUE, { connection: producer, prefix });
    const events = new QueueEvents(MAINTENANCE_QUEUE, { connection: createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', 'subscriber'), prefix });
    await events.waitUntilReady();
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toContain(PURGE_EXPIRED_AUTH_JOB);

    const job = await queue.add(PURGE_EXPIRED_AUTH_JOB, {}, { jobId: `purge-${userId}` });
    // The scheduler's own first run may already have purged them; the state is what matters.
    const result = (await job.waitUntilFinished(events, 10_000)) as { sessions: number };
    expect(result.sessions).toBeGreaterThanOrEqual(0);
    const left = await db.session.findMany({ where: { userId }, select: { id: true } });
    expect(left.map((s) => s.id)).toEqual([`${userId}-new`]);

    await events.close();
    await queue.close();
    producer.disconnect();
  });

  it('rejects a malformed payload without touching data', async () => {
    const producer = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', 'producer');
    const queue = new Queue(MAINTENANCE_QUEUE, { connection: producer, prefix });
    const events = new QueueEvents(MAINTENANCE_QUEUE, { connection: createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', 'subscriber'), prefix });
    await events.waitUntilReady();
    const job = await queue.add(PURGE_EXPIRED_AUTH_JOB, { drop: 'everything' }, { attempts: 1 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow();
    await events.close();
    await queue.close();
    producer.disconnect();
  });
});
