import { afterAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { findPreset } from '@p2pvalue/sim';
import { createRedis, redisKey, SIMULATION_QUEUE } from '@p2pvalue/shared';
import { getAuth } from '../../auth/auth';
import { getDb } from '../../db';
import { getOpenApiDocument } from '../../rest/openapi';
import { callerFor } from '../../testing/platform-fixtures';
import { createTestUser } from '../../testing/users';
import { createContextFromRequest, createContextInner } from '../context';
import { appRouter, createCaller } from '../root';

const tiny = { name: 'tiny', repetitions: 2, steps: 20, enumerated: { 'platform-features': [false, true] }, seed: 3 };

// submit enqueues on this run's private Redis prefix; nothing consumes it here.
const connection = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', 'producer');
const inspector = new Queue(SIMULATION_QUEUE, { connection, prefix: redisKey(process.env.REDIS_PREFIX ?? 'test', 'bull') });

afterAll(async () => {
  await inspector.obliterate({ force: true }).catch(() => undefined);
  await inspector.close();
  connection.disconnect();
});

describe('experiment.list', () => {
  it('lists the caller’s own experiments, newest first, with counts, progress and the preset they repeat', async () => {
    const researcher = await createTestUser('researcher');
    const other = await createTestUser('researcher');
    const caller = callerFor(researcher);
    const first = await caller.experiment.submit(tiny);
    const second = await caller.experiment.submit({ name: 'offline21sep_QuickDeath', repetitions: 1, steps: 400, enumerated: { 'platform-features': [true] } });
    await callerFor(other).experiment.submit({ ...tiny, name: 'not mine' });
    // One run done, one half way: progress counts ticks.
    const runs = await getDb().experimentRun.findMany({ where: { experimentId: first.id }, orderBy: [{ conditionIndex: 'asc' }, { repetition: 'asc' }], select: { id: true } });
    await getDb().experimentRun.update({ where: { id: runs[0]!.id }, data: { status: 'completed', progressTick: 20 } });
    await getDb().experimentRun.update({ where: { id: runs[1]!.id }, data: { status: 'running', progressTick: 10 } });

    const page = await caller.experiment.list({});
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((i) => i.id)).toEqual([second.id, first.id]);
    expect(page.items[1]).toMatchObject({ name: 'tiny', status: 'queued', owner: { id: researcher.id }, preset: null, runs: { total: 4, done: 1, running: 1, failed: 0 }, progress: 30 / 80 });
    // Carries the name of a preset but not its conditions: a modified preset.
    expect(page.items[0]!.preset).toEqual({ name: 'offline21sep_QuickDeath', modified: true });
    expect(new Date(page.items[0]!.createdAt).getTime()).toBeGreaterThanOrEqual(new Date(page.items[1]!.createdAt).getTime());
  });

  it('recognises an experiment that repeats a preset’s conditions', async () => {
    const researcher = await createTestUser('researcher');
    const caller = callerFor(researcher);
    const preset = findPreset('21sep_largeSteady_online')!;
    await caller.experiment.submit({ ...preset, name: 'my steady run', repetitions: 1 });
    const [item] = (await caller.experiment.list({})).items;
    expect(item?.preset).toEqual({ name: '21sep_largeSteady_online', modified: false });
  });

  it('pages with a cursor, without gaps or repeats', async () => {
    const researcher = await createTestUser('researcher');
    const caller = callerFor(researcher);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await caller.experiment.submit({ ...tiny, name: `sweep ${i}`, repetitions: 1 })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof caller.experiment.list>> = await caller.experiment.list({ limit: 2, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    await expect(caller.experiment.list({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('shows staff everyone’s experiments with scope "all"; researchers and members only their own', async () => {
    const researcher = await createTestUser('researcher');
    const staff = await createTestUser('staff');
    const member = await createTestUser('member');
    const { id } = await callerFor(researcher).experiment.submit({ ...tiny, name: 'visible to staff' });

    const all = await callerFor(staff).experiment.list({ scope: 'all', limit: 100 });
    expect(all.items.find((i) => i.id === id)).toMatchObject({ name: 'visible to staff', owner: { id: researcher.id, name: researcher.name } });
    expect((await callerFor(staff).experiment.list({})).items.map((i) => i.id)).not.toContain(id);

    await expect(callerFor(researcher).experiment.list({ scope: 'all' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(member).experiment.list({ scope: 'all' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await callerFor(member).experiment.list({})).toEqual({ items: [], nextCursor: null });
  });

  it('is GET /api/v1/experiments for scripts with an API token, paged by cursor', async () => {
    expect(getOpenApiDocument().paths?.['/experiments']?.get).toBeDefined();
    const researcher = await createTestUser('researcher');
    const { key } = await getAuth().api.createApiKey({ body: { name: 't', userId: researcher.id } });
    const older = await callerFor(researcher).experiment.submit({ ...tiny, name: 'older' });
    const newer = await callerFor(researcher).experiment.submit({ ...tiny, name: 'newer' });
    const get = async (query: string) => {
      const req = new Request(`http://localhost:3999/api/v1/experiments${query}`, { headers: { authorization: `Bearer ${key}` } });
      const res = await createOpenApiFetchHandler({ endpoint: '/api/v1', router: appRouter, req, createContext: () => createContextFromRequest(req) });
      return { status: res.status, body: (await res.json()) as { items: Array<{ id: string; name: string }>; nextCursor: string | null } };
    };
    const first = await get('?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items.map((i) => i.id)).toEqual([newer.id]);
    const second = await get(`?limit=1&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`);
    expect(second.body.items.map((i) => i.id)).toEqual([older.id]);
    expect(second.body.nextCursor).toBeNull();
    expect((await get('?scope=all')).status).toBe(403);
  });

  it('needs a signed-in caller', async () => {
    await expect(createCaller(createContextInner({ viewer: null })).experiment.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
