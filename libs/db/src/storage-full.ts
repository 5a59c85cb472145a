// Recognises "PostgreSQL has no disk space left" (SQLSTATE 53100 disk_full, or ENOSPC in the
// message) among the errors Prisma, its pg driver adapter and pg throw. Uploads are stored in
// PostgreSQL, so a full volume shows up here: edges answer a clear 503 instead of a generic 500.

const DISK_FULL = '53100';

function matches(error: Record<string, unknown>): boolean {
  if (error.code === DISK_FULL) return true;
  const adapter = (error.meta as { driverAdapterError?: { cause?: { code?: string; originalCode?: string } } } | undefined)?.driverAdapterError?.cause;
  if (adapter?.code === DISK_FULL || adapter?.originalCode === DISK_FULL) return true;
  const cause = error.cause as { code?: string; originalCode?: string } | undefined; // a bare DriverAdapterError
  if (cause?.code === DISK_FULL || cause?.originalCode === DISK_FULL) return true;
  return typeof error.message === 'string' && /No space left on device/.test(error.message);
}

/** True when `error` (or one of its causes) says the database's storage is full. */
export function isDatabaseStorageFullError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    if (matches(current as Record<string, unknown>)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
