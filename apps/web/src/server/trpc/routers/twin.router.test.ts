import { afterAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { createHealthRepository, createTwinCalibrationRepository, observedSeriesSha256, seedSyntheticHistory, TWIN_SCENARIOS } from '@p2pvalue/platform';
import { createRedis, redisKey, TWIN_QUEUE } from '@p2pvalue/shared';
import { MODEL_VERSION } from '@p2pvalue/sim';
import { getDb } from '../../db';
import { callerFor, createCommunityFixture } from '../../testing/platform-fixtures';
import { createTestUser } from '../../testing/users';
import { downloadDatasetFile } from './archive.http';

// twin.start enqueues its first step on this run's private Redis prefix; nothing consumes it here.
const connection = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', 'producer');
const inspector = new Queue(TWIN_QUEUE, { connection, prefix: redisKey(process.env.REDIS_PREFIX ?? 'test', 'bull') });

afterAll(async () => {
  await inspector.obliterate({ force: true }).catch(() => undefined);
  await inspector.close();
  connection.disconnect();
});

const QUICK = { populationSize: 4, generations: 1, fitWeeks: 8, horizonWeeks: 4, forecastDraws: 2, seed: 7 };

async function communityWithHistory() {
  const f = await createCommunityFixture();
  const community = await getDb().community.findUniqueOrThrow({ where: { slug: f.slug }, select: { id: true } });
  await seedSyntheticHistory(createHealthRepository(getDb()), { communityId: community.id, seed: 3, weeks: 12, now: new Date() });
  return { ...f, communityId: community.id };
}

const band = (n: number, v: number) => ({ q05: Array(n).fill(v - 1), median: Array(n).fill(v), q95: Array(n).fill(v + 1) });

/** A finished calibration as the coordinator leaves it, with one experiment of two runs. */
async function completedCalibration(communityId: string, createdById: string) {
  const observed = { weeks: ['2026-W40', '2026-W41', '2026-W42'], count1s: [1, 2, 2], count9s: [3, 3, 4], count90s: [10, 11, 12], joins: [1, 1, 1], leaves: [0, 0, 0] };
  const settings = { ...QUICK, alpha: 0.5, priors: [{ name: 'chance-90s-exit', min: 0, max: 0.1 }] };
  const row = await getDb().twinCalibration.create({
    data: {
      communityId,
      createdById,
      status: 'completed',
      settings,
      setup: { calibration: { 'initial-number-1s': 1 }, forecast: { 'initial-number-1s': 2 }, notes: { calibration: [], forecast: [] } },
      observed,
      seed: 7n,
      state: { history: [] },
      generation: 1,
      batches: 2,
      posterior: {
        parameters: [{ name: 'chance-90s-exit', prior: { min: 0, max: 0.1 }, mean: 0.04, median: 0.04, q05: 0.01, q95: 0.08 }],
        particles: [{ params: { 'chance-90s-exit': 0.04 }, weight: 1, distance: 0.2 }],
        history: [],
        stopReason: null,
      },
      forecast: {
        horizonWeeks: 4,
        draws: 2,
        predictive: { count1s: band(3, 2), count9s: band(3, 3), count90s: band(3, 11) },
        scenarios: TWIN_SCENARIOS.map((s) => ({ id: s.id, label: s.label, runs: 2, size: band(5, 15), core: band(5, 2), alive: [{ weeks: 52, probability: null }], collapsed: 0, medianCollapseWeek: null })),
      },
      finishedAt: new Date(),
    },
    select: { id: true },
  });
  const experiment = await getDb().experiment.create({
    data: {
      ownerId: createdById,
      name: 'Twin calibration: generation 1 of 1, batch 1',
      design: { name: 'twin', repetitions: 1, steps: 2, enumerated: {}, metrics: ['count_1s'], variant: 'final' },
      modelVersion: MODEL_VERSION,
      rootSeed: 7n,
      totalRuns: 2,
      status: 'completed',
      idempotencyKey: `twin-${row.id}-1`,
      twinCalibrationId: row.id,
      runs: {
        create: [
          { conditionIndex: 0, repetition: 0, parameters: { 'chance-90s-exit': 0.04 }, seed: 11n, status: 'completed' },
          { conditionIndex: 1, repetition: 0, parameters: { 'chance-90s-exit': 0.07 }, seed: 12n, status: 'completed' },
        ],
      },
    },
    select: { id: true },
  });
  return { id: row.id, experimentId: experiment.id, observed };
}

describe('twin.start', () => {
  it('lets only one of several concurrent starts through (CONFLICT for the others, one running calibration)', async () => {
    const f = await communityWithHistory();
    const attempts = await Promise.allSettled([
      callerFor(f.owner).twin.start({ slug: f.slug, settings: QUICK }),
      callerFor(f.admin).twin.start({ slug: f.slug, settings: QUICK }),
      callerFor(f.staff).twin.start({ slug: f.slug, settings: QUICK }),
    ]);
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const a of attempts.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) expect(a.reason).toMatchObject({ code: 'CONFLICT' });
    expect(await getDb().twinCalibration.count({ where: { communityId: f.communityId, status: { in: ['calibrating', 'forecasting'] } } })).toBe(1);
    // Later starts are refused too, until it ends.
    await expect(callerFor(f.admin).twin.start({ slug: f.slug, settings: QUICK })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('is guarded by the database itself, not only by the check before writing', async () => {
    const f = await communityWithHistory();
    const twins = createTwinCalibrationRepository(getDb());
    const row = { communityId: f.communityId, createdById: f.owner.id, settings: {}, setup: {}, observed: {}, seed: 1, state: {} };
    await twins.create(row);
    await expect(twins.create(row)).rejects.toMatchObject({ code: 'CONFLICT' });
    // A finished calibration does not count: a new one may start.
    await getDb().twinCalibration.updateMany({ where: { communityId: f.communityId }, data: { status: 'completed' } });
    await expect(twins.create(row)).resolves.toMatchObject({ id: expect.any(String) });
  });
});

describe('the twin’s experiments', () => {
  it('are not in their owner’s experiment list, stay reachable from the twin and keep the experiment access checks', async () => {
    const f = await communityWithHistory();
    const researcher = await createTestUser('researcher');
    const { experimentId } = await completedCalibration(f.communityId, f.owner.id);
    const own = await callerFor(f.owner).experiment.list({});
    expect(own.items.map((i) => i.id)).not.toContain(experimentId);
    const everyone = await callerFor(f.staff).experiment.list({ scope: 'all' });
    expect(everyone.items.map((i) => i.id)).not.toContain(experimentId);

    const asStarter = await callerFor(f.owner).twin.latest({ slug: f.slug });
    expect(asStarter?.runs).toEqual({ canOpen: true, experiments: [expect.objectContaining({ id: experimentId, totalRuns: 2 })] });
    const asMember = await callerFor(f.member).twin.latest({ slug: f.slug });
    expect(asMember?.runs.canOpen).toBe(false);
    expect(asMember?.runs.experiments).toHaveLength(1);

    // The starter (its owner) and staff open it; nobody else does.
    await expect(callerFor(f.owner).experimentResults.overview({ id: experimentId })).resolves.toMatchObject({ id: experimentId });
    await expect(callerFor(f.staff).experimentResults.overview({ id: experimentId })).resolves.toMatchObject({ id: experimentId });
    await expect(callerFor(f.member).experimentResults.overview({ id: experimentId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerFor(researcher).experimentResults.overview({ id: experimentId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('twin and the directory', () => {
  it('links the community to its case (admins and staff), shows it to members and archives a finished twin as a data set about it', async () => {
    const f = await communityWithHistory();
    const directoryCase = await getDb().case.create({ data: { name: `Case of ${f.slug}`, yearFounded: 2010 }, select: { id: true } });
    expect(await callerFor(f.member).twin.directoryCase({ slug: f.slug })).toBeNull();
    await expect(callerFor(f.member).twin.linkCase({ slug: f.slug, caseId: directoryCase.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(f.admin).twin.linkCase({ slug: f.slug, caseId: 2 ** 31 - 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await callerFor(f.admin).twin.linkCase({ slug: f.slug, caseId: directoryCase.id });
    await expect(callerFor(f.outsider).twin.directoryCase({ slug: f.slug })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await callerFor(f.member).twin.directoryCase({ slug: f.slug })).toMatchObject({ case: { id: directoryCase.id, yearFounded: 2010 }, datasets: [] });

    const { id, experimentId, observed } = await completedCalibration(f.communityId, f.owner.id);
    await expect(callerFor(f.member).twin.archive({ slug: f.slug, calibrationId: id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Two clicks at once make one data set.
    const [a, b] = await Promise.allSettled([callerFor(f.admin).twin.archive({ slug: f.slug, calibrationId: id }), callerFor(f.staff).twin.archive({ slug: f.slug, calibrationId: id })]);
    const done = [a, b].filter((r) => r.status === 'fulfilled').map((r) => r.value);
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const r of [a, b]) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' });
    const datasetId = done[0]!.datasetId;
    expect(await callerFor(f.admin).twin.archive({ slug: f.slug, calibrationId: id })).toEqual({ datasetId, created: false });
    expect(await getDb().dataset.count({ where: { versions: { some: { provenance: { contains: id } } } } })).toBe(1);

    // Published, linked to the case, with its provenance, and downloadable by anyone.
    const version = await callerFor(null).archive.version({ id: datasetId, n: 1 });
    expect(version.status).toBe('published');
    expect(version.caseIds).toEqual([directoryCase.id]);
    expect(version.files.map((file) => file.name).sort()).toEqual(
      ['forecast-alive.csv', 'forecast.csv', 'observed.csv', 'posterior-particles.csv', 'posterior-summary.csv', 'predictive.csv', 'runs.csv', 'twin.json'].sort(),
    );
    const hash = observedSeriesSha256(observed);
    expect(version.provenance).toContain(hash);
    expect(version.provenance).toContain(MODEL_VERSION);
    expect(version.provenance).toContain('variant: final');
    const runs = await downloadDatasetFile(getDb(), null, { id: datasetId, n: '1', name: 'runs.csv' });
    expect(runs.status).toBe(200);
    const runsCsv = await runs.text();
    expect(runsCsv.split('\n')[0]).toBe('batch,experiment_id,condition_index,repetition,seed,status,parameters');
    expect(runsCsv).toContain(`1,${experimentId},1,0,12,completed,`);
    const json = JSON.parse(await (await downloadDatasetFile(getDb(), null, { id: datasetId, n: '1', name: 'twin.json' })).text());
    expect(json).toMatchObject({ kind: 'p2pvalue-twin', calibrationId: id, variant: 'final', observedSha256: hash, modelVersions: [MODEL_VERSION], settings: { seed: 7 }, observed });

    // The twin and the health page's directory panel point at it.
    expect((await callerFor(f.member).twin.latest({ slug: f.slug }))?.datasetId).toBe(datasetId);
    expect((await callerFor(f.member).twin.directoryCase({ slug: f.slug }))?.datasets).toEqual([expect.objectContaining({ datasetId, n: 1 })]);
  });

  it('archives only finished calibrations of the community named', async () => {
    const f = await communityWithHistory();
    const other = await communityWithHistory();
    const { id } = await completedCalibration(other.communityId, other.owner.id);
    await expect(callerFor(f.admin).twin.archive({ slug: f.slug, calibrationId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const running = await callerFor(f.admin).twin.start({ slug: f.slug, settings: QUICK });
    await expect(callerFor(f.admin).twin.archive({ slug: f.slug, calibrationId: running.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
