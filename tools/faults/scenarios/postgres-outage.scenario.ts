import { randomBytes } from 'node:crypto';
import { errorOf, leaksInternals, type HttpResult } from '../harness/http-client';
import { expectThat, type FaultScenario } from '../scenario';

/** While the database is down, a call must answer 503 with a clear message: no hang, no stack. */
function expectUnavailable(label: string, result: HttpResult): string {
  expectThat(result.status !== 0, `${label}: ${result.error ?? 'no answer'}`);
  expectThat(result.status === 503, `${label} → ${result.status} ${result.text.slice(0, 300)}`);
  expectThat(!leaksInternals(result.text), `${label} leaks internals: ${result.text.slice(0, 300)}`);
  expectThat(result.ms < 3_000, `${label} took ${result.ms} ms`);
  const error = errorOf(result);
  expectThat(error.message && /database/i.test(error.message), `${label}: message does not say what is wrong: ${result.text.slice(0, 300)}`);
  return `${label} 503 in ${result.ms} ms`;
}

/**
 * PostgreSQL crashes (immediate shutdown) and comes back. Health names it within 5 s; API reads
 * and writes answer a clear 503 quickly; nothing is half-written; afterwards the same web process
 * serves the data written before the outage, and sessions still work.
 */
export const postgresOutage: FaultScenario = {
  name: 'postgres-outage',
  summary: 'PostgreSQL crashes and restarts; clear 503s meanwhile, data intact afterwards',
  async run({ system, step, onCleanup }) {
    const webPid = system.webPid();
    const suffix = randomBytes(3).toString('hex');
    const slug = `faults-before-${suffix}`;
    const duringSlug = `faults-during-${suffix}`;
    const community = { slug, name: `Fault suite ${suffix}`, description: 'Written before PostgreSQL went down.', visibility: 'public' };
    let session = { cookie: '' };
    let token = '';

    await step('before: write a community, read it back', async () => {
      session = await system.signIn('member@example.org');
      ({ token } = await system.createApiToken(session, 'faults postgres'));
      // Generous timeouts before the outage: with --dev, Next compiles each route on first use.
      const created = await system.trpcMutation('community.create', community, session, 60_000);
      expectThat(created.status === 200, `community.create → ${created.status} ${created.text.slice(0, 300)}`);
      const list = await system.get('/api/v1/communities', { token }, 60_000);
      expectThat(list.text.includes(slug), `the new community is not listed: ${list.status}`);
      return `created ${slug}`;
    });

    await step('crash PostgreSQL', async () => {
      system.postgres.stop('immediate');
      onCleanup(() => {
        if (!system.postgres.running()) system.postgres.start();
      });
      return 'pg_ctl stop -m immediate';
    });

    await step('health 503 naming postgres within 5 s', async () => {
      const down = await system.waitForHealth((body, status) => status === 503 && body.db === 'down', 5_000);
      expectThat(down, 'health did not report db down within 5 s');
      expectThat(down.value.body?.redis === 'ok', `redis should still be ok: ${down.value.text}`);
      return `after ${down.ms} ms: ${down.value.text}`;
    });

    await step('REST read with a token: clear 503', async () => expectUnavailable('GET /api/v1/communities', await system.get('/api/v1/communities', { token }, 10_000)));

    await step('anonymous REST read: clear 503', async () => expectUnavailable('GET /api/v1/communities', await system.get('/api/v1/communities', null, 10_000)));

    await step('tRPC read with a session: clear 503', async () => {
      const result = await system.trpcQuery('community.list', undefined, session, 10_000);
      const detail = expectUnavailable('community.list', result);
      const error = errorOf(result);
      expectThat(error.code === 'SERVICE_UNAVAILABLE', `tRPC code ${error.code}`);
      return detail;
    });

    await step('tRPC write: clear 503', async () =>
      expectUnavailable('community.create', await system.trpcMutation('community.create', { ...community, slug: duringSlug }, session, 10_000)),
    );

    await step('restart PostgreSQL', async () => {
      system.postgres.start();
      return 'crash recovery from WAL';
    });

    await step('health 200 again, same web process', async () => {
      const up = await system.waitForHealth((_body, status) => status === 200, 15_000);
      expectThat(up, 'health did not return to 200 within 15 s');
      expectThat(system.webPid() === webPid && webPid !== null, 'the web process was restarted or died');
      return `after ${up.ms} ms`;
    });

    await step('API reads recover', async () => {
      const list = await system.get('/api/v1/communities', { token }, 10_000);
      expectThat(list.status === 200, `GET /api/v1/communities → ${list.status} ${list.text.slice(0, 200)}`);
      const me = await system.trpcQuery('account.me', undefined, session);
      expectThat(me.status === 200 && me.text.includes('member@example.org'), `the session no longer works: ${me.status} ${me.text.slice(0, 200)}`);
      return `REST ${list.ms} ms, session still valid`;
    });

    await step('data written before the outage is intact', async () => {
      const got = await system.trpcQuery('community.get', { slug }, session);
      const body = (got.json as { result?: { data?: { json?: { name?: string; description?: string } } } } | null)?.result?.data?.json;
      expectThat(got.status === 200 && body?.name === community.name && body.description === community.description, `community.get → ${got.status} ${got.text.slice(0, 300)}`);
      const rows = system.postgres.psql(system.databaseName, `SELECT count(*) FROM community WHERE slug IN ('${slug}', '${duringSlug}')`).trim();
      expectThat(rows === '1', `expected only the community written before the outage, found ${rows} rows`);
      return 'before-outage row intact; the refused write left nothing';
    });

    await step('worker survived (heartbeat counted)', async () => {
      const health = await system.waitForHealth((body, status) => status === 200 && body.workers >= 1, 20_000);
      expectThat(health && system.workerAlive(), 'no live worker after the outage');
      return `workers=${health.value.body?.workers}`;
    });
  },
};
