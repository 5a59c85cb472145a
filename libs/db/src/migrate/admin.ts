// Server-level operations (create/drop databases) through the `postgres` maintenance database,
// and the one-line error for an unreachable server.
import pg from 'pg';
import { databaseName, quoteIdent, serverAddress, withDatabase } from './database-url';

export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(
      `PostgreSQL is not reachable at ${serverAddress(url)}: start it with ` +
        '`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` (or check DATABASE_URL)',
      { cause },
    );
    this.name = 'DatabaseUnreachableError';
  }
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNRESET']);

export function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  // pg wraps several refusals (IPv4 + IPv6) into an AggregateError.
  return error instanceof AggregateError && error.errors.some(isUnreachable);
}

/** Runs `fn` with a client on the server's `postgres` database, then closes it. */
export async function withAdminClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  try {
    await client.connect();
  } catch (error) {
    throw isUnreachable(error) ? new DatabaseUnreachableError(url, error) : error;
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(client: pg.Client, name: string): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return (rowCount ?? 0) > 0;
}

/** Creates the URL's database unless it exists; returns true when it was created. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  if (!name) throw new Error(`DATABASE_URL has no database name: ${serverAddress(url)}`);
  return withAdminClient(url, async (client) => {
    if (await databaseExists(client, name)) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } catch (error) {
      // Lost a race with another process creating it (duplicate_database, or the catalog's
      // unique index when both got past the existence check at once): that is fine.
      const code = (error as { code?: string }).code;
      if (code !== '42P04' && code !== '23505') throw error;
      return false;
    }
    return true;
  });
}

/** Drops a database, terminating its connections first (PostgreSQL 13+). */
export async function dropDatabase(url: string, name: string): Promise<void> {
  await withAdminClient(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}
