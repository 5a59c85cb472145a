import { hostname } from 'node:os';
import type { Redis } from '@p2pvalue/shared';
import { WORKER_HEARTBEAT_TTL_SECONDS, workerHeartbeatKey } from '@p2pvalue/shared';

/** Refreshes this process's heartbeat key so /api/health can count live workers (and the staff queue dashboard list them). */
export function startHeartbeat(redis: Redis, prefix: string, workerId: string, onError: (error: unknown) => void) {
  const key = workerHeartbeatKey(prefix, workerId);
  const beat = () =>
    redis
      .set(key, JSON.stringify({ host: hostname(), pid: process.pid, at: new Date().toISOString() }), 'EX', WORKER_HEARTBEAT_TTL_SECONDS)
      .catch(onError);
  void beat();
  const timer = setInterval(beat, (WORKER_HEARTBEAT_TTL_SECONDS * 1000) / 3);
  return {
    async stop() {
      clearInterval(timer);
      await redis.del(key).catch(onError);
    },
  };
}
