import { workerHeartbeatPattern } from '@p2pvalue/shared';
import { env } from '../env';
import { getDb } from './db';
import { getRedis } from './redis';

export interface HealthReport {
  status: 'ok' | 'degraded';
  db: 'ok' | 'down';
  redis: 'ok' | 'down';
  workers: number;
}

const PROBE_TIMEOUT_MS = 1_500;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (error: unknown) => { clearTimeout(timer); reject(error instanceof Error ? error : new Error(String(error))); },
    );
  });
}

async function probe(fn: () => Promise<unknown>): Promise<boolean> {
  try {
    await withTimeout(fn(), PROBE_TIMEOUT_MS);
    return true;
  } catch {
    return false;
  }
}

async function countWorkers(): Promise<number> {
  const redis = getRedis();
  let cursor = '0';
  let count = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', workerHeartbeatPattern(env.REDIS_PREFIX), 'COUNT', 200);
    cursor = next;
    count += keys.length;
  } while (cursor !== '0');
  return count;
}

/** Checks every dependency with a short timeout; never throws. */
export async function checkHealth(): Promise<HealthReport> {
  const [dbOk, redisOk] = await Promise.all([
    probe(() => getDb().$queryRawUnsafe('SELECT 1')),
    probe(() => getRedis().ping()),
  ]);
  let workers = 0;
  if (redisOk) {
    try {
      workers = await withTimeout(countWorkers(), PROBE_TIMEOUT_MS);
    } catch {
      workers = 0;
    }
  }
  return { status: dbOk && redisOk ? 'ok' : 'degraded', db: dbOk ? 'ok' : 'down', redis: redisOk ? 'ok' : 'down', workers };
}
