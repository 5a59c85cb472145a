import { workerHeartbeatPattern, type Redis } from '@p2pvalue/shared';

export interface HealthReport {
  status: 'ok' | 'degraded';
  db: 'ok' | 'down';
  redis: 'ok' | 'down';
  workers: number;
}

export interface HealthDeps {
  pingDb: () => Promise<unknown>;
  redis: Redis;
  redisPrefix: string;
  timeoutMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (error: unknown) => { clearTimeout(timer); reject(error instanceof Error ? error : new Error(String(error))); },
    );
  });
}

async function succeeds(fn: () => Promise<unknown>, ms: number): Promise<boolean> {
  try {
    await withTimeout(fn(), ms);
    return true;
  } catch {
    return false;
  }
}

/** A fail-fast client refuses commands until connected; give a (re)connecting one a moment. */
function untilReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onReady = () => { redis.off('error', onError); resolve(); };
    const onError = (error: Error) => { redis.off('ready', onReady); reject(error); };
    redis.once('ready', onReady);
    redis.once('error', onError);
  });
}

async function countWorkers(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let count = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', workerHeartbeatPattern(prefix), 'COUNT', 200);
    cursor = next;
    count += keys.length;
  } while (cursor !== '0');
  return count;
}

/** Checks every dependency with a short timeout; never throws. */
export async function checkHealth(deps: HealthDeps): Promise<HealthReport> {
  const ms = deps.timeoutMs ?? 1_500;
  const [dbOk, redisOk] = await Promise.all([
    succeeds(deps.pingDb, ms),
    succeeds(async () => { await untilReady(deps.redis); return deps.redis.ping(); }, ms),
  ]);
  let workers = 0;
  if (redisOk) {
    try {
      workers = await withTimeout(countWorkers(deps.redis, deps.redisPrefix), ms);
    } catch {
      workers = 0;
    }
  }
  return { status: dbOk && redisOk ? 'ok' : 'degraded', db: dbOk ? 'ok' : 'down', redis: redisOk ? 'ok' : 'down', workers };
}
