import { redisKey } from './redis';

/** Each worker process refreshes its key; the health endpoint counts the live ones. */
export const WORKER_HEARTBEAT_TTL_SECONDS = 15;

export function workerHeartbeatKey(prefix: string, workerId: string): string {
  return redisKey(prefix, 'workers', workerId);
}

export function workerHeartbeatPattern(prefix: string): string {
  return redisKey(prefix, 'workers', '*');
}
