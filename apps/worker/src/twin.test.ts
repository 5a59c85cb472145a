import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@p2pvalue/db';
import {
  createExperimentRepository,
  createHealthRepository,
  createPlatformServices,
  createTwinCalibrationRepository,
  createTwinService,
  seedSyntheticHistory,
  type LiveDocuments,
  type TwinService,
} from '@p2pvalue/platform';
import { createLogger, createRedis, type Redis } from '@p2pvalue/shared';
import { startWorkerRuntime } from './runtime';
import { createBullTwinQueue } from './twin-queue';

// A tiny calibration end to end: the web's start, the twin steps and every particle run on a real
// worker runtime, through BullMQ on real Redis and PostgreSQL.
const prefix = `${process.env.REDIS_PREFIX}:bull-twin-test`;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
let db: PrismaClient;
let connection: Redis;
let producer: Redis;
let runtime: Awaited<ReturnType<typeof startWorkerRuntime>>;
let queue: ReturnType<typeof createBullTwinQueue>;
let twin: TwinService;

const noLive: LiveDocuments = { readState: () => Promise.reject(new Error('no documents')), change: () => Promise.reject(new Error('no documents')) };

async function makeUser(role: 'member' | 'staff'): Promise<{ id: string; role: 'member' | 'staff' }> {
  const id = randomBytes(8).toString('hex');
  await db.user.create({ data: { id, email: `${id}@example.org`, name: 'T', emailVerified: false, role } });
  return { id, role };
}

async function waitForEnd(calibrationId: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.twinCalibration.findUniqueOrThrow({ where: { id: calibrationId } });
    if (row.status === 'completed' || row.status === 'failed') return row;
    if (Date.now() > deadline) throw new Error(`calibration still ${row.status} (generation ${row.generation}, batch ${row.batches})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('twin calibration on the workers', () => {
  beforeAll(async () => {
    db = createPrismaClient({ url: process.env.DATABASE_URL! });
    connection = createRedis(redisUrl, 'worker');
    producer = createRedis(redisUrl, 'producer');
    runtime = await startWorkerRuntime({ db, connection, prefix, log: createLogger({ name: 'test', level: 'silent', pretty: false }), simulationConcurrency: 2 });
    queue = createBullTwinQueue({ connection: producer, prefix });
    const { access } = createPlatformServices({ db, live: noLive });
    twin = createTwinService({
      twins: createTwinCalibrationRepository(db),
      health: createHealthRepository(db),
      access,
      experiments: createExperimentRepository(db),
      queue,
      clock: () => new Date(),
    });
  });

  afterAll(async () => {
    await queue.close();
    await runtime.close();
    producer.disconnect();
    connection.disconnect();
    await db.$disconnect();
  });

  it('calibrates in generations of particle runs, then forecasts every scenario', async () => {
    const staff = await makeUser('staff');
    const slug = `twin-${randomBytes(4).toString('hex')}`;
    const community = await db.community.create({ data: { slug, name: slug, createdById: staff.id }, select: { id: true } });
    await seedSyntheticHistory(createHealthRepository(db), { communityId: community.id, seed: 3, weeks: 20, now: new Date() });

    const settings = {
      priors: [
        { name: 'chance-90s-exit', min: 0, max: 0.1 },
        { name: 'chance-90-find-a-task', min: 0, max: 0.03 },
      ],
      populationSize: 4,
      generations: 2,
      fitWeeks: 8,
      horizonWeeks: 8,
      forecastDraws: 2,
      seed: 5,
    };
    const { id } = await twin.start(staff, slug, settings);
    await expect(twin.start(staff, slug, settings)).rejects.toMatchObject({ code: 'CONFLICT' });

    const row = await waitForEnd(id, 90_000);
    expect(row.error).toBeNull();
    expect(row.status).toBe('completed');

    const view = await twin.latest(staff, slug);
    expect(view?.id).toBe(id);
    expect(view?.batch).toBeNull();
    expect(view?.observed.weeks).toHaveLength(9);
    expect(view?.setup.calibration['initial-number-90s']).toBe(view?.observed.count90s[0]);
    // Generation 0 keeps the 4 closest of 8 prior draws; generation 1 targets a smaller tolerance.
    const history = view?.posterior?.history ?? [];
    expect(history.map((h) => h.generation)).toEqual([0, 1]);
    expect(history[0]?.simulations).toBe(8);
    expect(history[1]?.tolerance).toBeLessThanOrEqual(history[0]?.tolerance ?? 0);
    for (const p of view?.posterior?.parameters ?? []) {
      expect(p.q05).toBeGreaterThanOrEqual(p.prior.min);
      expect(p.q95).toBeLessThanOrEqual(p.prior.max);
      expect(p.q05).toBeLessThanOrEqual(p.median);
      expect(p.median).toBeLessThanOrEqual(p.q95);
    }
    expect(view?.posterior?.parameters.map((p) => p.name)).toEqual(['chance-90s-exit', 'chance-90-find-a-task']);

    // Every batch and the forecast were experiments of the simulation service, all finished.
    const experiments = await db.experiment.findMany({ where: { ownerId: staff.id }, select: { status: true, totalRuns: true, design: true, twinCalibrationId: true } });
    expect(experiments).toHaveLength(row.batches);
    // … each marked as the twin's (so the owner's experiment list leaves them out) and listed by the twin.
    expect(experiments.every((e) => e.twinCalibrationId === id)).toBe(true);
    expect(view?.runs.experiments).toHaveLength(row.batches);
    expect(experiments.every((e) => e.status === 'completed')).toBe(true);
    expect(experiments.reduce((a, e) => a + e.totalRuns, 0)).toBe(history.reduce((a, h) => a + h.simulations, 0) + 2 * 7);

    const forecast = view?.forecast;
    expect(forecast?.predictive['count90s']?.median).toHaveLength(9);
    expect(forecast?.scenarios.map((s) => s.id)).toEqual(['off', 'ranking', 'featured-needs', 'bounties', 'reputation', 'all']);
    for (const s of forecast?.scenarios ?? []) {
      expect(s.runs).toBe(2);
      expect(s.size.median).toHaveLength(9);
      // The community's size now is where every forecast starts.
      expect(s.size.median[0]).toBe((view?.setup.forecast['initial-number-1s'] ?? 0) + (view?.setup.forecast['initial-number-9s'] ?? 0) + (view?.setup.forecast['initial-number-90s'] ?? 0));
      expect(s.alive.map((a) => a.probability)).toEqual([null, null, null]);
    }
  }, 120_000);

  it('lets members read and only admins or staff start', async () => {
    const member = await makeUser('member');
    const outsider = await makeUser('member');
    const slug = `twin-${randomBytes(4).toString('hex')}`;
    const community = await db.community.create({ data: { slug, name: slug, createdById: member.id }, select: { id: true } });
    await db.membership.create({ data: { communityId: community.id, userId: member.id, role: 'member' } });
    expect(await twin.latest(member, slug)).toBeNull();
    await expect(twin.start(member, slug, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(twin.latest(outsider, slug)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
