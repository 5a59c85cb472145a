import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import { createPrismaClient, type PrismaClient } from '@p2pvalue/db';
import { buildDocumentState, documentImagePath } from '@p2pvalue/platform';
import { createLogger, createRedis, MAINTENANCE_QUEUE, PRUNE_ABANDONED_UPLOADS_JOB, type Redis } from '@p2pvalue/shared';
import { startWorkerRuntime } from '../runtime';

// A real BullMQ worker on real Redis and PostgreSQL, under a private key prefix.
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const prefix = `${process.env.REDIS_PREFIX}:bull-prune-uploads-test`;
const DAY = 86_400_000;
let db: PrismaClient;
let connection: Redis;
let producer: Redis;
let queue: Queue;
let events: QueueEvents;
let runtime: Awaited<ReturnType<typeof startWorkerRuntime>>;

const ago = (ms: number) => new Date(Date.now() - ms);
const state = (blocks: Parameters<typeof buildDocumentState>[0]) => buildDocumentState(blocks) as Uint8Array<ArrayBuffer>;

/** A community (its general channel comes from the database trigger) with a project and one document. */
async function world() {
  const id = randomBytes(6).toString('hex');
  await db.user.create({ data: { id, email: `${id}@example.org`, name: 'U', emailVerified: false } });
  const community = await db.community.create({ data: { slug: `prune-${id}`, name: `Prune ${id}`, createdById: id }, select: { id: true } });
  const channel = await db.chatChannel.findFirstOrThrow({ where: { communityId: community.id, kind: 'general' }, select: { id: true } });
  const project = await db.project.create({ data: { communityId: community.id, slug: 'p', title: 'P', linkKey: randomUUID(), createdById: id }, select: { id: true } });
  const document = async () => (await db.document.create({ data: { projectId: project.id, title: 'Doc', createdById: id }, select: { id: true } })).id;
  return { userId: id, channelId: channel.id, document };
}

async function chatFile(w: { userId: string; channelId: string }, opts: { bytes: Buffer; uploadedAt: Date; messageId?: string }) {
  const sha256 = createHash('sha256').update(opts.bytes).digest('hex');
  await db.chatBlob.upsert({ where: { sha256 }, create: { sha256, size: opts.bytes.byteLength, content: new Uint8Array(opts.bytes) }, update: {} });
  const row = await db.chatAttachment.create({
    data: { channelId: w.channelId, uploadedById: w.userId, name: 'f.txt', mediaType: 'text/plain', size: opts.bytes.byteLength, sha256, createdAt: opts.uploadedAt, messageId: opts.messageId ?? null },
    select: { id: true },
  });
  return { id: row.id, sha256 };
}

async function image(documentId: string, userId: string, uploadedAt: Date): Promise<string> {
  const content = randomBytes(32);
  const row = await db.documentImage.create({
    data: { documentId, sha256: createHash('sha256').update(content).digest('hex'), mediaType: 'image/png', size: content.byteLength, content, uploadedById: userId, createdAt: uploadedAt },
    select: { id: true },
  });
  return row.id;
}

async function runJob(jobId: string) {
  const job = await queue.add(PRUNE_ABANDONED_UPLOADS_JOB, {}, { jobId });
  return (await job.waitUntilFinished(events, 15_000)) as { chatAttachments: number; chatBlobs: number; documentImages: number };
}

describe('prune-abandoned-uploads job', () => {
  beforeAll(async () => {
    db = createPrismaClient({ url: process.env.DATABASE_URL! });
    connection = createRedis(redisUrl, 'worker');
    producer = createRedis(redisUrl, 'producer');
    queue = new Queue(MAINTENANCE_QUEUE, { connection: producer, prefix });
    events = new QueueEvents(MAINTENANCE_QUEUE, { connection: createRedis(redisUrl, 'subscriber'), prefix });
    await events.waitUntilReady();
    runtime = await startWorkerRuntime({ db, connection, prefix, log: createLogger({ name: 'test', level: 'silent', pretty: false }) });
  });

  afterAll(async () => {
    await runtime.close();
    await events.close();
    await queue.close();
    producer.disconnect();
    connection.disconnect();
    await db.$disconnect();
  });

  it('is scheduled hourly and deletes chat files never sent and document images never used after a day, rows and bytes, keeping the rest', async () => {
    const scheduler = (await queue.getJobSchedulers()).find((s) => s.key === PRUNE_ABANDONED_UPLOADS_JOB);
    expect(scheduler?.every).toBe(3_600_000);
    const w = await world();

    // Chat: a sent file, an abandoned one sharing its bytes, an abandoned one alone, a fresh unsent one.
    const message = await db.chatMessage.create({ data: { channelId: w.channelId, authorId: w.userId, clientId: randomUUID(), body: 'with a file' }, select: { id: true } });
    const shared = Buffer.from(`shared ${randomUUID()}`);
    const sent = await chatFile(w, { bytes: shared, uploadedAt: ago(3 * DAY), messageId: message.id });
    const abandonedShared = await chatFile(w, { bytes: shared, uploadedAt: ago(2 * DAY) });
    const abandoned = await chatFile(w, { bytes: Buffer.from(`alone ${randomUUID()}`), uploadedAt: ago(DAY + 60_000) });
    const fresh = await chatFile(w, { bytes: Buffer.from(`fresh ${randomUUID()}`), uploadedAt: ago(DAY - 60_000) });

    // Documents: images used in the current state, in a saved version only, pasted into another
    // document; one never used; one never used but uploaded within the day.
    const doc = await w.document();
    const other = await w.document();
    const inState = await image(doc, w.userId, ago(2 * DAY));
    const inVersion = await image(doc, w.userId, ago(2 * DAY));
    const elsewhere = await image(doc, w.userId, ago(2 * DAY));
    const unused = await image(doc, w.userId, ago(2 * DAY));
    const unusedFresh = await image(doc, w.userId, ago(DAY - 60_000));
    await db.document.update({ where: { id: doc }, data: { yState: state([{ type: 'image', src: documentImagePath(doc, inState), alt: 'chart' }]) } });
    await db.documentVersion.create({ data: { documentId: doc, yState: state([{ type: 'paragraph', text: 'old' }]), markdown: `![old](${documentImagePath(doc, inVersion)})`, createdById: w.userId } });
    await db.document.update({ where: { id: other }, data: { markdown: `![pasted](${documentImagePath(doc, elsewhere)})` } });

    const result = await runJob(`prune-${w.userId}`);
    // The counts include other tests' rows and the schedule's own runs may have come first: the state below is what matters.
    expect(result).toEqual({ chatAttachments: expect.any(Number), chatBlobs: expect.any(Number), documentImages: expect.any(Number) });

    const attachments = await db.chatAttachment.findMany({ where: { channelId: w.channelId }, select: { id: true } });
    expect(attachments.map((a) => a.id).sort()).toEqual([sent.id, fresh.id].sort());
    expect(attachments.map((a) => a.id)).not.toContain(abandonedShared.id);
    const blobs = await db.chatBlob.findMany({ where: { sha256: { in: [sent.sha256, abandoned.sha256, fresh.sha256] } }, select: { sha256: true } });
    expect(blobs.map((b) => b.sha256).sort()).toEqual([sent.sha256, fresh.sha256].sort());

    const images = await db.documentImage.findMany({ where: { documentId: doc }, select: { id: true } });
    expect(images.map((i) => i.id).sort()).toEqual([inState, inVersion, elsewhere, unusedFresh].sort());
    expect(images.map((i) => i.id)).not.toContain(unused);

    // Running again finds nothing of this test's left to delete.
    await runJob(`prune-again-${w.userId}`);
    expect(await db.chatAttachment.count({ where: { channelId: w.channelId } })).toBe(2);
    expect(await db.documentImage.count({ where: { documentId: doc } })).toBe(4);

    // A malformed payload fails without retries.
    const bad = await queue.add(PRUNE_ABANDONED_UPLOADS_JOB, { olderThan: 0 }, { attempts: 1 });
    await expect(bad.waitUntilFinished(events, 10_000)).rejects.toThrow();
  });
});
