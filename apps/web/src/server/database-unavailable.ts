import { AppError } from '@p2pvalue/shared';

/** What users see while PostgreSQL is unreachable (answered as 503, the client may retry). */
export function databaseUnavailableError(cause: unknown): AppError {
  return new AppError('UNAVAILABLE', 'The database is not reachable right now. Try again in a moment.', { cause });
}
