// Recognises "the database cannot be reached right now" among the errors Prisma, its pg driver
// adapter and pg throw, so edges answer 503 (try again) instead of a generic 500.

/** Prisma: can't reach server, timed out, server closed the connection, pool timeout. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** Driver adapter error kinds that mean the server is away or refusing connections. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseAccessDenied']);
/** PostgreSQL SQLSTATEs: connection exceptions (08…), shutting down / starting up (57P0…), too many connections. */
const SQLSTATES = /^(08\d{3}|57P0[1-3]|53300)$/;
/** Node socket errors from pg when the server is gone. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

function matches(error: Record<string, unknown>): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATES.test(code)) return true;
  const adapter = (error.meta as { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } } | undefined)?.driverAdapterError?.cause;
  if (adapter?.kind && ADAPTER_KINDS.has(adapter.kind)) return true;
  if (adapter?.originalCode && SQLSTATES.test(adapter.originalCode)) return true;
  const kind = (error.cause as { kind?: string } | undefined)?.kind; // a bare DriverAdapterError
  if (kind && ADAPTER_KINDS.has(kind)) return true;
  return typeof error.message === 'string' && /Connection terminated unexpectedly|Can't reach database server/.test(error.message);
}

/** True when `error` (or one of its causes) says PostgreSQL is unreachable, not that the query was wrong. */
export function isDatabaseUnavailableError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    if (matches(current as Record<string, unknown>)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
