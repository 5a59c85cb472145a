import { leaksInternals } from '../harness/http-client';
import { expectThat, type FaultScenario } from '../scenario';

/**
 * Redis dies (SIGKILL, no persistence: it comes back empty) and returns. Health must say so within
 * 5 s and answer fast (the request-path client has no offline queue), features that need only
 * PostgreSQL keep working, and the web process and worker reconnect by themselves.
 */
export const redisOutage: FaultScenario = {
  name: 'redis-outage',
  summary: 'Redis is killed and restarted; web and worker recover without restarting',
  async run({ system, step, onCleanup }) {
    const webPid = system.webPid();
    let token = '';

    await step('before: healthy, one worker alive', async () => {
      const health = await system.waitForHealth((body, status) => status === 200 && body.workers >= 1, 20_000);
      expectThat(health, 'health was not 200 with a live worker heartbeat');
      ({ token } = await system.createApiToken(await system.signIn('member@example.org'), 'faults redis'));
      const me = await system.get('/api/v1/me', { token }, 60_000);
      expectThat(me.status === 200, `GET /api/v1/me → ${me.status}`);
      return `200 ${JSON.stringify(health.value.body)}`;
    });

    await step('kill Redis', async () => {
      await system.redis.stop();
      onCleanup(async () => {
        if (!system.redis.running()) await system.redis.start();
      });
      return 'SIGKILL';
    });

    await step('health 503 naming redis within 5 s', async () => {
      const down = await system.waitForHealth((body, status) => status === 503 && body.redis === 'down', 5_000);
      expectThat(down, 'health did not report redis down within 5 s');
      expectThat(down.value.body?.db === 'ok', `db should still be ok: ${down.value.text}`);
      return `after ${down.ms} ms: ${down.value.text}`;
    });

    await step('health fails fast while Redis is down', async () => {
      const samples = [];
      for (let i = 0; i < 3; i++) samples.push(await system.health(5_000));
      const slowest = Math.max(...samples.map((s) => s.ms));
      expectThat(samples.every((s) => s.status === 503), `statuses ${samples.map((s) => s.status).join(',')}`);
      expectThat(slowest < 2_500, `a health request took ${slowest} ms`);
      return `3 × 503, slowest ${slowest} ms`;
    });

    await step('PostgreSQL-only API still works', async () => {
      const me = await system.get('/api/v1/me', { token }, 5_000);
      expectThat(me.status === 200, `GET /api/v1/me → ${me.status} ${me.error ?? me.text.slice(0, 200)}`);
      expectThat((me.json as { email?: string }).email === 'member@example.org', `unexpected body ${me.text.slice(0, 200)}`);
      const communities = await system.get('/api/v1/communities', null, 5_000);
      expectThat(communities.status === 200 && !leaksInternals(communities.text), `GET /api/v1/communities → ${communities.status}`);
      return `/api/v1/me ${me.ms} ms, /api/v1/communities ${communities.ms} ms`;
    });

    await step('restart Redis', async () => {
      await system.redis.start();
      return 'empty, no persistence';
    });

    await step('health 200 again, same web process', async () => {
      const up = await system.waitForHealth((_body, status) => status === 200, 15_000);
      expectThat(up, 'health did not return to 200 within 15 s');
      expectThat(system.webPid() === webPid && webPid !== null, 'the web process was restarted or died');
      return `after ${up.ms} ms`;
    });

    await step('worker reconnects (heartbeat counted again)', async () => {
      const back = await system.waitForHealth((body, status) => status === 200 && body.workers >= 1, 20_000);
      expectThat(back, 'no worker heartbeat within 20 s of Redis returning');
      expectThat(system.workerAlive(), 'the worker process died');
      return `workers=${back.value.body?.workers} after ${back.ms} ms`;
    });
  },
};
