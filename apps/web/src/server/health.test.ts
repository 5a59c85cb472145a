import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@p2pvalue/db';
import { createRedis, workerHeartbeatKey, type Redis } from '@p2pvalue/shared';
import { createTcpProxy, type TcpProxy } from '@p2pvalue/shared/testing';
import { checkHealth, type HealthReport } from './health';

// Real PostgreSQL and Redis behind proxies that the test takes down and brings back.
const prefix = `${process.env.REDIS_PREFIX}-health`;
let pgProxy: TcpProxy;
let redisProxy: TcpProxy;
let db: PrismaClient;
let redis: Redis;

async function eventually(predicate: (r: HealthReport) => boolean, withinMs: number): Promise<{ report: HealthReport; ms: number }> {
  const started = performance.now();
  let report = await check();
  while (!predicate(report)) {
    if (performance.now() - started > withinMs) throw new Error(`not reached within ${withinMs} ms: ${JSON.stringify(report)}`);
    await new Promise((r) => setTimeout(r, 200));
    report = await check();
  }
  return { report, ms: performance.now() - started };
}

function check(): Promise<HealthReport> {
  return checkHealth({ pingDb: () => db.$queryRawUnsafe('SELECT 1'), redis, redisPrefix: prefix, timeoutMs: 1_000 });
}

describe('health check', () => {
  beforeAll(async () => {
    pgProxy = await createTcpProxy({ host: '127.0.0.1', port: 5432 });
    redisProxy = await createTcpProxy({ host: '127.0.0.1', port: 6379 });
    const url = new URL(process.env.DATABASE_URL!);
    url.port = String(pgProxy.port);
    db = createPrismaClient({ url: url.toString() });
    redis = createRedis(`redis://127.0.0.1:${redisProxy.port}/0`, 'producer');
    redis.on('error', () => {});
  });

  afterAll(async () => {
    redis.disconnect();
    await db.$disconnect();
    await pgProxy.close();
    await redisProxy.close();
  });

  it('reports ok and counts live workers by their heartbeat', async () => {
    await eventually((r) => r.status === 'ok', 5_000);
    await redis.set(workerHeartbeatKey(prefix, 'w1'), '1', 'EX', 10);
    await redis.set(workerHeartbeatKey(prefix, 'w2'), '1', 'EX', 10);
    const report = await check();
    expect(report).toEqual({ status: 'ok', db: 'ok', redis: 'ok', workers: 2 });
  });

  it('reports redis down within 5 s of Redis stopping, and recovers by itself', async () => {
    await redisProxy.stop();
    const down = await eventually((r) => r.redis === 'down', 5_000);
    expect(down.report).toMatchObject({ status: 'degraded', db: 'ok', redis: 'down' });
    await redisProxy.start();
    const up = await eventually((r) => r.status === 'ok', 10_000);
    expect(up.report.redis).toBe('ok');
  });

  it('reports the database down within 5 s of PostgreSQL stopping, and recovers by itself', async () => {
    await pgProxy.stop();
    const down = await eventually((r) => r.db === 'down', 5_000);
    expect(down.report).toMatchObject({ status: 'degraded', db: 'down', redis: 'ok' });
    await pgProxy.start();
    const up = await eventually((r) => r.status === 'ok', 10_000);
    expect(up.report.db).toBe('ok');
  });
});
