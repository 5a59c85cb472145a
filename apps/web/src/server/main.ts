import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { env } from '../env';
import { logger } from './logger';
import { checkHealth } from './health';
import { getDb } from './db';
import { getRedis } from './redis';
import { attachRealtime } from './realtime/attach-realtime';
import { createRequestHandler } from './http/request-handler';

// One port for everything: Next pages and API routes, /api/health, socket.io and Hocuspocus.
const dev = env.NODE_ENV !== 'production';
const appDir = fileURLToPath(new URL('../..', import.meta.url));

async function main(): Promise<void> {
  const app = next({ dev, dir: appDir, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handleNext = app.getRequestHandler();
  const handleNextUpgrade = app.getUpgradeHandler();

  const server = createServer(
    createRequestHandler({
      next: handleNext,
      health: () => checkHealth({ pingDb: () => getDb().$queryRawUnsafe('SELECT 1'), redis: getRedis(), redisPrefix: env.REDIS_PREFIX }),
      maxJsonBodyBytes: env.MAX_JSON_BODY_BYTES,
      trustProxy: env.TRUST_PROXY,
      behindTls: env.BEHIND_TLS,
      dev,
    }),
  );
  server.keepAliveTimeout = 65_000;

  const realtime = attachRealtime(server, { fallback: handleNextUpgrade });

  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  logger.info({ url: env.PUBLIC_URL, port: env.PORT, dev }, `P2Pvalue web is listening on ${env.PUBLIC_URL}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await realtime.close(); // flushes documents; socket.io also stops the HTTP server accepting
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close?.();
      await getDb().$disconnect();
      getRedis().disconnect();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'web failed to start');
  process.exit(1);
});
