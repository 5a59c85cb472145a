import { AppError, redisKey } from '@p2pvalue/shared';
import { env } from '../env';
import { takeRateLimit } from './http/rate-limit';
import { logger } from './logger';
import { getRedis } from './redis';

const WINDOW_SECONDS = 10;

/**
 * The chat send rate limit (issue 10): CHAT_SEND_RATE_LIMIT messages per member per 10 seconds,
 * counted across socket.io, tRPC and REST and across web processes. A refused send is a
 * TOO_MANY_REQUESTS that the browser's outbox retries later, so nothing typed is lost.
 */
export async function checkChatSendRate(userId: string): Promise<void> {
  const result = await takeRateLimit(getRedis(), redisKey(env.REDIS_PREFIX, 'rate', 'chat-send', userId), { limit: env.CHAT_SEND_RATE_LIMIT, windowSeconds: WINDOW_SECONDS }, (error) =>
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'chat send rate limit unavailable; allowing'),
  );
  if (!result.allowed) {
    throw new AppError('TOO_MANY_REQUESTS', `You are sending messages too fast; try again in ${result.retryAfterSeconds} s.`, { details: { retryAfterSeconds: result.retryAfterSeconds } });
  }
}
