import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { env } from '../env';
import { logger } from './logger';
import { checkHealth } from './health';
import { getDb } from './db';
import { getRedis } from './redis';
import { attachRealtime } from './realtime/attach-realtime';
import { setSecurityHeaders } from './http/security-headers';
import { sendJson } from './http/json-response';

// One port for everything: Next pages and API routes, /api/health, socket.io and Hocuspocus.
const dev = env.NODE_ENV !== 'production';
const appDir = fileURLToPath(new URL('../..', import.meta.url));

async function main(): Promise<void> {
  const app = next({ dev, dir: appDir, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handleNext = app.getRequestHandler();
  const handleNextUpgrade = app.getUpgradeHandler();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Unless a trusted proxy sets it, the client address is the socket's (rate limits key on it).
    if (!env.TRUST_PROXY) req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
    const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 100) || randomUUID();
    req.headers['x-request-id'] = requestId;
    res.setHeader('X-Request-Id', requestId);
    setSecurityHeaders(res, { behindTls: env.BEHIND_TLS });

    const url = req.url ?? '/';
    if (url === '/api/health' || url.startsWith('/api/health?')) {
      void checkHealth({ pingDb: () => getDb().$queryRawUnsafe('SELECT 1'), redis: getRedis(), redisPrefix: env.REDIS_PREFIX }).then((report) => sendJson(res, report.status === 'ok' ? 200 : 503, report));
      return;
    }
    const declaredLength = Number(req.headers['content-length'] ?? 0);
    if (declaredLength > env.MAX_JSON_BODY_BYTES && !url.startsWith('/api/uploads')) {
      sendJson(res, 413, { error: { code: 'PAYLOAD_TOO_LARGE', message: `Request bodies are limited to ${env.MAX_JSON_BODY_BYTES} bytes.` } });
      req.resume();
      return;
    }
    void handleNext(req, res);
  });
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
