import { beforeAll, describe, expect, it } from 'vitest';
import { checkExperimentDesign, createExperimentRepository, executeExperimentRun, expandExperimentRuns, unpackJson, type StoredSeries } from '@p2pvalue/platform';
import { MODEL_VERSION } from '@p2pvalue/sim';
import { getDb } from '../../db';
import { getOpenApiDocument } from '../../rest/openapi';
import { callerFor } from '../../testing/platform-fixtures';
import { createTestUser } from '../../testing/users';
import { downloadExperimentResults } from './experiment-results.http';

// Experiments are written with the repository and run in this process with the worker's own
// executor (no queue needed), so the results are real model output.
const design = { name: 'results test', repetitions: 3, steps: 12, metrics: ['count_1s', 'count_9s', 'pct_1s'], enumerated: { 'platform-features': [false, true] }, seed: 11 };

async function createExperiment(ownerId: string, input: object = design, { run = true } = {}): Promise<string> {
  const repo = createExperimentRepository(getDb());
  const checked = checkExperimentDesign(input);
  const { id, runIds } = await repo.createWithRuns({
    ownerId,
    name: checked.design.name,
    design: { ...checked.design, seed: checked.rootSeed },
    modelVersion: MODEL_VERSION,
    rootSeed: checked.rootSeed,
    idempotencyKey: null,
    runs: expandExperimentRuns(checked).map((r) => ({ conditionIndex: r.conditionIndex, repetition: r.replicate, parameters: r.params, seed: r.seed })),
  });
  if (run) {
    for (const runId of runIds) await executeExperimentRun({ experiments: repo, clock: () => new Date() }, { runId, workerId: 'test', chunkTicks: 5, finalAttempt: true });
  }
  return id;
}

async function storedRuns(experimentId: string) {
  const rows = await getDb().experimentRun.findMany({ where: { experimentId }, orderBy: [{ conditionIndex: 'asc' }, { repetition: 'asc' }], select: { conditionIndex: true, summary: true, series: true } });
  return rows.map((r) => ({ conditionIndex: r.conditionIndex, summary: r.summary as Record<string, number>, series: unpackJson<StoredSeries>(r.series!) }));
}

describe('experiment results router', () => {
  let owner: Awaited<ReturnType<typeof createTestUser>>;
  let experimentId: string;

  beforeAll(async () => {
    owner = await createTestUser('researcher', 'Ada Researcher');
    experimentId = await createExperiment(owner.id);
  }, 120_000);

  it('shows the owner the overview and runs with their seeds, stop reasons and ticks', async () => {
    const api = callerFor(owner).experimentResults;
    const overview = await api.overview({ id: experimentId });
    expect(overview).toMatchObject({ id: experimentId, status: 'completed', ownerName: 'Ada Researcher', rootSeed: 11, totalRuns: 6, datasetId: null });
    expect(overview.design).toMatchObject({ steps: 12, repetitions: 3, perTick: true, metrics: ['count_1s', 'count_9s', 'pct_1s'] });
    expect(overview.conditions.map((c) => c.label)).toEqual(['platform-features = false', 'platform-features = true']);

    const runs = await api.runs({ id: experimentId, pageSize: 4 });
    expect(runs.total).toBe(6);
    expect(runs.items.map((r) => r.runNumber)).toEqual([1, 2, 3, 4]);
    expect(runs.items[3]).toMatchObject({ conditionIndex: 1, repetition: 0, status: 'completed', parameters: { 'platform-features': true } });
    expect(new Set(runs.items.map((r) => r.seed)).size).toBe(4);
    expect(runs.items.every((r) => typeof r.stopReason === 'string' && r.stopTick !== null && r.stopTick <= 12)).toBe(true);
    expect((await api.runs({ id: experimentId, page: 2, pageSize: 4 })).items).toHaveLength(2);
    expect((await api.runs({ id: experimentId, status: 'failed' })).total).toBe(0);
  });

  it('aggregates a metric as the mean across repetitions with a 95% interval per condition', async () => {
    const result = await callerFor(owner).experimentResults.metric({ id: experimentId, metric: 'count_9s' });
    const stored = await storedRuns(experimentId);
    expect(result).toMatchObject({ perTick: true, completedRuns: 6, ticks: Array.from({ length: 13 }, (_, i) => i) });
    for (const condition of result.conditions) {
      const mine = stored.filter((r) => r.conditionIndex === condition.conditionIndex);
      const at5 = mine.map((r) => r.series.metrics.count_9s![5]).filter((v): v is number => typeof v === 'number');
      expect(condition.series[5]?.mean).toBeCloseTo(at5.reduce((a, b) => a + b, 0) / at5.length, 10);
      expect(condition.series[5]?.n).toBe(at5.length);
      const finals = mine.map((r) => r.summary.count_9s!);
      expect(condition.final.values).toEqual(finals);
      expect(condition.final.mean).toBeCloseTo(finals.reduce((a, b) => a + b, 0) / finals.length, 10);
      if (condition.final.lo !== null) expect(condition.final.lo).toBeLessThanOrEqual(condition.final.mean!);
    }
    await expect(callerFor(owner).experimentResults.metric({ id: experimentId, metric: 'count_products' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('compares two conditions: each mean final value and the difference B − A with its Welch interval', async () => {
    const api = callerFor(owner).experimentResults;
    const result = await api.compare({ id: experimentId, a: 0, b: 1 });
    expect(result.a).toMatchObject({ conditionIndex: 0, label: 'platform-features = false', runs: 3 });
    expect(result.b).toMatchObject({ conditionIndex: 1, label: 'platform-features = true', runs: 3 });
    expect(result.metrics.map((m) => m.metric)).toEqual(['count_1s', 'count_9s', 'pct_1s']);
    const stored = await storedRuns(experimentId);
    const meanOf = (index: number, metric: string) => {
      const values = stored.filter((r) => r.conditionIndex === index).map((r) => r.summary[metric]!);
      return values.reduce((x, y) => x + y, 0) / values.length;
    };
    for (const row of result.metrics) {
      expect(row.a.mean).toBeCloseTo(meanOf(0, row.metric), 10);
      expect(row.difference).toBeCloseTo(meanOf(1, row.metric) - meanOf(0, row.metric), 10);
      if (row.lo !== null && row.hi !== null && row.lo !== row.hi) {
        expect(row.lo).toBeLessThan(row.difference!);
        expect(row.hi).toBeGreaterThan(row.difference!);
        expect(row.hi - row.difference!).toBeCloseTo(row.difference! - row.lo, 10);
      }
    }
    const swapped = await api.compare({ id: experimentId, a: 1, b: 0 });
    expect(swapped.metrics[1]?.difference).toBeCloseTo(-(result.metrics[1]?.difference ?? 0), 10);
    await expect(api.compare({ id: experimentId, a: 1, b: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/two different conditions/) });
    await expect(api.compare({ id: experimentId, a: 0, b: 2 })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/conditions 1 to 2/) });
    const other = await createTestUser('researcher');
    await expect(callerFor(other).experimentResults.compare({ id: experimentId, a: 0, b: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets staff in; other researchers and members get not found, anonymous callers unauthorized', async () => {
    const staff = await createTestUser('staff');
    expect((await callerFor(staff).experimentResults.overview({ id: experimentId })).id).toBe(experimentId);
    for (const role of ['researcher', 'member'] as const) {
      const other = callerFor(await createTestUser(role)).experimentResults;
      await expect(other.overview({ id: experimentId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(other.runs({ id: experimentId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(other.metric({ id: experimentId, metric: 'count_1s' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(callerFor(null).experimentResults.overview({ id: experimentId })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(callerFor(owner).experimentResults.overview({ id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('exports tidy CSV (one row per run and recorded tick) and JSON, to the owner only', async () => {
    const stored = await storedRuns(experimentId);
    const csv = await downloadExperimentResults(getDb(), owner, experimentId, 'csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('results-test-results.csv');
    const lines = (await csv.text()).trimEnd().split('\n');
    expect(lines[0]).toBe('[run number],condition,repetition,seed,platform-features,[step],count_1s,count_9s,pct_1s');
    expect(lines).toHaveLength(1 + stored.reduce((n, r) => n + r.series.metrics.count_1s!.length, 0));
    expect(lines[1]).toMatch(/^1,1,1,\d+,false,0,/);
    expect(lines.at(-1)).toMatch(new RegExp(`^6,2,3,\\d+,true,${stored[5]!.series.metrics.count_1s!.length - 1},`));

    const json = await downloadExperimentResults(getDb(), owner, experimentId, 'json');
    const body = (await json.json()) as { id: string; runs: Array<{ runNumber: number; series: StoredSeries; summary: Record<string, unknown> }> };
    expect(body.id).toBe(experimentId);
    expect(body.runs.map((r) => r.runNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(body.runs[0]?.series).toEqual(stored[0]?.series);

    const other = await createTestUser('researcher');
    expect((await downloadExperimentResults(getDb(), other, experimentId, 'csv')).status).toBe(404);
    expect((await downloadExperimentResults(getDb(), null, experimentId, 'json')).status).toBe(401);
  });

  it('documents the downloads in the OpenAPI document', () => {
    const paths = Object.keys(getOpenApiDocument().paths ?? {});
    expect(paths).toEqual(expect.arrayContaining(['/experiments/{id}/results.csv', '/experiments/{id}/results.json', '/experiments/{id}/runs', '/experiments/{id}/archive']));
  });

  it('archives a completed experiment as a published data set, once', async () => {
    const member = await createTestUser('member');
    await expect(callerFor(member).experimentResults.archive({ id: experimentId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(await createTestUser('researcher')).experimentResults.archive({ id: experimentId })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Two simultaneous clicks: one publishes; the other sees that data set or is told to wait. Never two.
    const outcomes = await Promise.all([0, 1].map(() => callerFor(owner).experimentResults.archive({ id: experimentId }).catch((e: unknown) => e as Error)));
    const created = outcomes.filter((o): o is { datasetId: string; created: boolean } => !(o instanceof Error) && o.created);
    expect(created).toHaveLength(1);
    const first = created[0]!;
    for (const other of outcomes.filter((o) => o !== first)) {
      if (other instanceof Error) expect(other).toMatchObject({ code: 'CONFLICT' });
      else expect(other).toEqual({ datasetId: first.datasetId, created: false });
    }
    const again = await callerFor(owner).experimentResults.archive({ id: experimentId });
    expect(again).toEqual({ datasetId: first.datasetId, created: false });
    expect(await getDb().dataset.count({ where: { ownerId: owner.id } })).toBe(1);

    const version = await callerFor(owner).archive.version({ id: first.datasetId, n: 1 });
    expect(version).toMatchObject({ status: 'published', title: 'Simulation results: results test', licence: 'CC-BY-4.0', creators: [{ name: 'Ada Researcher' }] });
    expect(version.files.map((f) => f.name).sort()).toEqual(['design.json', 'results.csv']);
    expect((await callerFor(owner).experimentResults.overview({ id: experimentId })).datasetId).toBe(first.datasetId);
  });

  it('refuses to archive an experiment that has not completed', async () => {
    const queued = await createExperiment(owner.id, { ...design, name: 'not run' }, { run: false });
    await expect(callerFor(owner).experimentResults.archive({ id: queued })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/completed/) });
    const metric = await callerFor(owner).experimentResults.metric({ id: queued, metric: 'count_1s' });
    expect(metric).toMatchObject({ completedRuns: 0, conditions: [] });
  });
});

describe('condition labels of a design whose keys jsonb reorders', () => {
  it('labels each condition with the parameters its runs were created with', async () => {
    const owner = await createTestUser('researcher');
    // jsonb stores keys shortest first, so "community-type" comes back before "platform-features".
    const id = await createExperiment(owner.id, { name: 'order', repetitions: 1, steps: 5, enumerated: { 'platform-features': [false, true], 'community-type': ['online', 'offline'] } }, { run: false });
    const stored = await getDb().experimentRun.findMany({ where: { experimentId: id }, orderBy: { conditionIndex: 'asc' }, select: { parameters: true } });
    const overview = await callerFor(owner).experimentResults.overview({ id });
    expect(overview.conditions.map((c) => c.parameters)).toEqual(stored.map((r) => r.parameters));
    expect(overview.conditions[1]?.label).toBe('community-type = offline, platform-features = false');
  });
});
