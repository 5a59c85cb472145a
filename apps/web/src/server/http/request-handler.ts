import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { HealthReport } from '../health';
import { setSecurityHeaders } from './security-headers';
import { sendJson } from './json-response';

export interface RequestHandlerDeps {
  /** Everything that is not handled here (pages, tRPC, REST, auth). */
  next: (req: IncomingMessage, res: ServerResponse) => unknown;
  health: () => Promise<HealthReport>;
  maxJsonBodyBytes: number;
  trustProxy: boolean;
  behindTls: boolean;
  /** next dev: the CSP allows what React's dev tools need */
  dev?: boolean;
}

/** Lengths above the limit are refused before any handler reads the body. */
function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > limit;
}

/** The custom server's HTTP front: request ids, security headers, health, body limits. */
export function createRequestHandler(deps: RequestHandlerDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    // Unless a trusted proxy sets it, the client address is the socket's (rate limits key on it).
    if (!deps.trustProxy) req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
    const incomingId = req.headers['x-request-id'];
    const requestId = typeof incomingId === 'string' && /^[\w-]{1,100}$/.test(incomingId) ? incomingId : randomUUID();
    req.headers['x-request-id'] = requestId;
    res.setHeader('X-Request-Id', requestId);
    setSecurityHeaders(req, res, { behindTls: deps.behindTls, dev: deps.dev ?? false });

    const path = (req.url ?? '/').split('?')[0];
    if (path === '/api/health') {
      void deps.health().then((report) => sendJson(res, report.status === 'ok' ? 200 : 503, report));
      return;
    }
    if (declaredTooLarge(req, deps.maxJsonBodyBytes) && !path?.startsWith('/api/uploads')) {
      sendJson(res, 413, { error: { code: 'PAYLOAD_TOO_LARGE', message: `Request bodies are limited to ${deps.maxJsonBodyBytes} bytes.` } });
      req.resume();
      return;
    }
    // A body without a declared length could be of any size: ask for the length instead.
    if (req.headers['transfer-encoding'] && req.headers['content-length'] === undefined && !path?.startsWith('/api/uploads')) {
      sendJson(res, 411, { error: { code: 'BAD_REQUEST', message: 'Send request bodies with a Content-Length.' } });
      req.resume();
      return;
    }
    void deps.next(req, res);
  };
}
