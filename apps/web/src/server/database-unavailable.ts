import { isDatabaseStorageFullError, isDatabaseUnavailableError } from '@p2pvalue/db';
import { AppError } from '@p2pvalue/shared';

/** What users see while PostgreSQL is unreachable (answered as 503, the client may retry). */
export function databaseUnavailableError(cause: unknown): AppError {
  return new AppError('UNAVAILABLE', 'The database is not reachable right now. Try again in a moment.', { cause });
}

/** What users see when the database's storage is full (uploads live in PostgreSQL): 503, nothing was saved. */
export function storageFullError(cause: unknown): AppError {
  return new AppError('UNAVAILABLE', 'There is no storage space left right now, so nothing was saved. Try again later.', { cause });
}

/** The AppError for a database failure users should hear about (unreachable, storage full), else null. */
export function databaseFailureError(error: unknown): AppError | null {
  if (isDatabaseStorageFullError(error)) return storageFullError(error);
  if (isDatabaseUnavailableError(error)) return databaseUnavailableError(error);
  return null;
}
