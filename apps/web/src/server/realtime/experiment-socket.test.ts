import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Worker, type Job } from 'bullmq';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { createRedis, redisKey, SIMULATION_QUEUE, SIMULATION_RUN_JOB, type Redis } from '@p2pvalue/shared';
import { getAuth } from '../auth/auth';
import { getDb } from '../db';
import { callerFor, type TestUser } from '../testing/platform-fixtures';
import { createTestUser } from '../testing/users';
import { attachRealtime } from './attach-realtime';
import type { ClientToServerEvents, ExperimentProgressWire, ServerToClientEvents } from './contracts';

// This file's own queue (other test files run workers on the run's shared prefix that fail every job).
vi.hoisted(() => {
  process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX}:experiment-socket`;
});

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string } };

const tiny = { name: 'live', repetitions: 1, steps: 20, enumerated: { 'platform-features': [false, true] }, seed: 5 };

let server: Server;
let realtime: ReturnType<typeof attachRealtime>;
let url: string;
let worker: Worker | null = null;
const clients: Client[] = [];
const connections: Redis[] = [];
/** Runs the fake worker holds until the test lets them finish. */
const release = new Map<string, () => void>();

const tokenFor = async (user: TestUser) => (await getAuth().api.createApiKey({ body: { name: 'rt', userId: user.id } })).key;

async function connect(user: TestUser): Promise<Client> {
  const token = await tokenFor(user);
  return new Promise((resolve, reject) => {
    const socket: Client = connectSocket(url, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false });
    socket.once('connect', () => {
      clients.push(socket);
      resolve(socket);
    });
    socket.once('connect_error', reject);
  });
}

const watch = (socket: Client, payload: unknown) => socket.timeout(5_000).emitWithAck('experiment:watch', payload) as Promise<Ack<ExperimentProgressWire>>;

/** The first `experiment:progress` matching `predicate`, or a rejection after `ms`. */
function nextProgress(socket: Client, predicate: (s: ExperimentProgressWire) => boolean, ms = 8_000): Promise<ExperimentProgressWire> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('experiment:progress', listener);
      reject(new Error(`no matching experiment:progress within ${ms} ms`));
    }, ms);
    const listener = (status: ExperimentProgressWire) => {
      if (!predicate(status)) return;
      clearTimeout(timer);
      socket.off('experiment:progress', listener);
      resolve(status);
    };
    socket.on('experiment:progress', listener);
  });
}

/** Collects every `experiment:progress` a socket receives. */
function record(socket: Client): ExperimentProgressWire[] {
  const got: ExperimentProgressWire[] = [];
  socket.on('experiment:progress', (status) => got.push(status));
  return got;
}

/**
 * A stand-in for apps/worker: claims the run as the executor does, reports half its ticks as
 * progress (the job's progress and the run's tick), then waits for the test and completes it.
 */
function startFakeWorker(): Worker {
  const connection = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', 'worker');
  connections.push(connection);
  return new Worker(
    SIMULATION_QUEUE,
    async (job: Job) => {
      if (job.name !== SIMULATION_RUN_JOB) return 'experiment';
      const { experimentId, runId } = job.data as { experimentId: string; runId: string };
      await getDb().experimentRun.update({ where: { id: runId }, data: { status: 'running', progressTick: 10, startedAt: new Date() } });
      await getDb().experiment.update({ where: { id: experimentId }, data: { status: 'running', startedAt: new Date() } });
      await job.updateProgress({ experimentId, tick: 10, steps: 20 });
      await new Promise<void>((resolve) => release.set(runId, resolve));
      await getDb().experimentRun.update({ where: { id: runId }, data: { status: 'completed', progressTick: 20, finishedAt: new Date() } });
      return 'ran';
    },
    { connection, prefix: redisKey(process.env.REDIS_PREFIX!, 'bull'), concurrency: 4 },
  );
}

beforeAll(async () => {
  server = createServer((_req, res) => res.end());
  realtime = attachRealtime(server, { authorize: async () => 'none' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  for (const done of release.values()) done();
  await worker?.close();
  for (const client of clients) client.close();
  await realtime?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  for (const c of connections) c.disconnect();
});

describe('experiment progress over socket.io', () => {
  it('lets only the owner (and staff) watch, with the status now; bad payloads are refused', async () => {
    const owner = await createTestUser('researcher');
    const stranger = await createTestUser('researcher');
    const staff = await createTestUser('staff');
    const { id } = await callerFor(owner).experiment.submit(tiny);

    const mine = await watch(await connect(owner), { experimentId: id });
    expect(mine).toMatchObject({ ok: true, data: { id, status: 'queued', runs: { total: 2, queued: 2 }, progress: 0 } });
    expect(await watch(await connect(staff), { experimentId: id })).toMatchObject({ ok: true });
    expect(await watch(await connect(stranger), { experimentId: id })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No such experiment.' } });
    const socket = await connect(stranger);
    expect(await watch(socket, { experimentId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await watch(socket, undefined)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('pushes progress as the runs move, to the watchers of that experiment only, until they unwatch', async () => {
    const owner = await createTestUser('researcher');
    const stranger = await createTestUser('researcher');
    const { id } = await callerFor(owner).experiment.submit(tiny);
    const other = await callerFor(stranger).experiment.submit({ ...tiny, name: 'other' });
    const runIds = (await getDb().experimentRun.findMany({ where: { experimentId: id }, orderBy: { conditionIndex: 'asc' }, select: { id: true } })).map((r) => r.id);

    const watcher = await connect(owner);
    expect((await watch(watcher, { experimentId: id })).ok).toBe(true);
    // The stranger watches their own experiment: they must hear nothing of the owner's.
    const outsider = await connect(stranger);
    expect((await watch(outsider, { experimentId: other.id })).ok).toBe(true);
    const heardByOutsider = record(outsider);
    // A socket that tried to watch the owner's experiment and was refused hears nothing either.
    const refused = await connect(stranger);
    expect((await watch(refused, { experimentId: id })).ok).toBe(false);
    const heardByRefused = record(refused);

    const halfway = nextProgress(watcher, (s) => s.runs.running === 2 && s.progress === 0.5);
    worker = startFakeWorker();
    expect(await halfway).toMatchObject({ id, status: 'running', runs: { total: 2, running: 2, done: 0 }, progress: 0.5 });

    const oneDone = nextProgress(watcher, (s) => s.runs.done === 1);
    release.get(runIds[0]!)!();
    expect(await oneDone).toMatchObject({ id, runs: { done: 1, running: 1 }, progress: 0.75 });

    watcher.emit('experiment:unwatch', { experimentId: id });
    const afterUnwatch = record(watcher);
    // The other experiment's runs move too; then the last run of the owner's finishes.
    await new Promise((resolve) => setTimeout(resolve, 200));
    release.get(runIds[1]!)!();
    await nextProgress(outsider, (s) => s.id === other.id && s.runs.running === 2);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(afterUnwatch).toEqual([]);
    expect(heardByOutsider.every((s) => s.id === other.id)).toBe(true);
    expect(heardByRefused).toEqual([]);
  }, 60_000);
});
