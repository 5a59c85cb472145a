import { beforeAll, describe, expect, it } from 'vitest';
import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { checkExperimentDesign, createExperimentRepository, executeExperimentRun, expandExperimentRuns } from '@p2pvalue/platform';
import { MODEL_VERSION, partialRankCorrelation } from '@p2pvalue/sim';
import { getAuth } from '../../auth/auth';
import { getDb } from '../../db';
import { getOpenApiDocument } from '../../rest/openapi';
import { createContextFromRequest } from '../context';
import { appRouter } from '../root';
import { callerFor } from '../../testing/platform-fixtures';
import { createTestUser } from '../../testing/users';

// A small Latin-hypercube experiment, run in this process with the worker's own executor, so the
// PRCC procedure reads real stored summaries.
const lhsDesign = {
  name: 'sensitivity test',
  repetitions: 1,
  steps: 10,
  metrics: ['count_9s', 'count_1s'],
  runMetricsEveryStep: false,
  enumerated: { 'platform-features': [true] },
  lhs: { samples: 12, parameters: { 'initial-number-9s': { min: 5, max: 60 }, 'chance-9s-exit': { min: 0.01, max: 0.2 } } },
  seed: 21,
};

async function createExperiment(ownerId: string, input: object, { run = true } = {}): Promise<string> {
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
    for (const runId of runIds) await executeExperimentRun({ experiments: repo, clock: () => new Date() }, { runId, workerId: 'test', chunkTicks: 10, finalAttempt: true });
  }
  return id;
}

async function rest(path: string, token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const req = new Request(`http://localhost:3999/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  const res = await createOpenApiFetchHandler({ endpoint: '/api/v1', router: appRouter, req, createContext: () => createContextFromRequest(req) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('experiment sensitivity (PRCC) procedure', () => {
  let owner: Awaited<ReturnType<typeof createTestUser>>;
  let experimentId: string;

  beforeAll(async () => {
    owner = await createTestUser('researcher', 'Lina Sensitivity');
    experimentId = await createExperiment(owner.id, lhsDesign);
  }, 120_000);

  it('describes the Latin hypercube in the overview, sampled parameters apart from the fixed ones', async () => {
    const overview = await callerFor(owner).experimentResults.overview({ id: experimentId });
    expect(overview.totalRuns).toBe(12);
    expect(overview.design.lhs?.samples).toBe(12);
    // jsonb keeps keys in its own order, so compare as a set.
    expect(overview.design.lhs?.parameters).toEqual(
      expect.arrayContaining([
        { name: 'initial-number-9s', min: 5, max: 60 },
        { name: 'chance-9s-exit', min: 0.01, max: 0.2 },
      ]),
    );
    // The samples the results are labelled with are the ones the runs were created with.
    const rows = await getDb().experimentRun.findMany({ where: { experimentId }, orderBy: { conditionIndex: 'asc' }, select: { parameters: true } });
    overview.conditions.forEach((c, i) => expect(c.parameters).toEqual(rows[i]?.parameters));
    expect(overview.design.valueSets).toEqual([{ name: 'platform-features', values: [true] }]);
    expect(overview.conditions).toHaveLength(12);
  });

  it('computes PRCC of each output on each sampled parameter from the stored run summaries', async () => {
    const result = await callerFor(owner).experimentResults.sensitivity({ id: experimentId });
    expect(result).toMatchObject({ samples: 12, repetitions: 1, completedRuns: 12 });
    expect(result.outputs.map((o) => o.metric)).toEqual(['count_9s', 'count_1s']);

    const rows = await getDb().experimentRun.findMany({ where: { experimentId }, orderBy: { conditionIndex: 'asc' }, select: { parameters: true, summary: true } });
    const params = rows.map((r) => r.parameters as Record<string, number>);
    const finals = rows.map((r) => (r.summary as Record<string, number>).count_9s as number);
    const expected = partialRankCorrelation([params.map((p) => p['initial-number-9s'] as number), params.map((p) => p['chance-9s-exit'] as number)], finals);
    const nines = result.outputs[0];
    expect(nines?.n).toBe(12);
    const initial = nines?.coefficients.find((c) => c.parameter === 'initial-number-9s');
    const exit = nines?.coefficients.find((c) => c.parameter === 'chance-9s-exit');
    expect(initial?.prcc).toBeCloseTo(expected[0]?.prcc as number, 12);
    expect(exit?.prcc).toBeCloseTo(expected[1]?.prcc as number, 12);
    expect(exit?.pValue).toBeCloseTo(expected[1]?.pValue as number, 12);
    // Ten ticks in, the number of #9s is mostly the number the run started with.
    expect(initial?.prcc).toBeGreaterThan(0.8);

    const one = await callerFor(owner).experimentResults.sensitivity({ id: experimentId, metrics: ['count_1s'] });
    expect(one.outputs.map((o) => o.metric)).toEqual(['count_1s']);
    await expect(callerFor(owner).experimentResults.sensitivity({ id: experimentId, metrics: ['pct_1s'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses factorial experiments with the reason, and hides the experiment from other researchers', async () => {
    const factorial = await createExperiment(owner.id, { name: 'factorial', repetitions: 1, steps: 5, enumerated: { 'platform-features': [false, true] } }, { run: false });
    await expect(callerFor(owner).experimentResults.sensitivity({ id: factorial })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/not a Latin-hypercube design/) });
    const other = await createTestUser('researcher');
    await expect(callerFor(other).experimentResults.sensitivity({ id: experimentId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers with no coefficients before any run has completed', async () => {
    const queued = await createExperiment(owner.id, { ...lhsDesign, name: 'queued' }, { run: false });
    const result = await callerFor(owner).experimentResults.sensitivity({ id: queued });
    expect(result.completedRuns).toBe(0);
    expect(result.outputs[0]).toMatchObject({ n: 0, coefficients: [{ prcc: null }, { prcc: null }] });
  });

  it('is in the REST API for scripts, with the comparison of two conditions', async () => {
    expect(Object.keys(getOpenApiDocument().paths ?? {})).toEqual(expect.arrayContaining(['/experiments/{id}/sensitivity', '/experiments/{id}/compare']));
    const { key } = await getAuth().api.createApiKey({ body: { name: 'script', userId: owner.id } });
    const all = await rest(`/experiments/${experimentId}/sensitivity`, key);
    expect(all.status).toBe(200);
    expect((all.body.outputs as unknown[]).length).toBe(2);
    const one = await rest(`/experiments/${experimentId}/sensitivity?metrics=count_9s`, key);
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    expect((one.body.outputs as Array<{ metric: string }>).map((o) => o.metric)).toEqual(['count_9s']);
    const compared = await rest(`/experiments/${experimentId}/compare?a=0&b=3`, key);
    expect(compared.status, JSON.stringify(compared.body)).toBe(200);
    expect(compared.body).toMatchObject({ a: { conditionIndex: 0, runs: 1 }, b: { conditionIndex: 3, runs: 1 } });
  });
});
