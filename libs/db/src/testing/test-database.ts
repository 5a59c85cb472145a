// Throw-away PostgreSQL databases for tests: `p2pvalue_test_<epochSeconds>_<random>`, each a copy of
// a template database that the real migrations (through the schema engine's deploy, so with the
// same SQL and a `_prisma_migrations` table) were applied to once. The template is named after a
// hash of the migration files, so it is rebuilt exactly when the migrations change, and is shared
// by every test process (CREATE DATABASE … TEMPLATE takes ~50 ms; deploying from scratch grows
// with the history).
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { createPrismaClient } from '../client';
import { dbEnv } from '../env';
import type { PrismaClient } from '../generated/prisma/client';
import { databaseExists, dropDatabase, withAdminClient } from '../migrate/admin';
import { deploy } from '../migrate/commands';
import { quoteIdent, withDatabase } from '../migrate/database-url';
import { readMigrationScripts } from '../migrate/migration-files';
import { MIGRATIONS_DIR } from '../migrate/paths';

export const TEST_DATABASE_PREFIX = 'p2pvalue_test_';
export const TEMPLATE_PREFIX = 'p2pvalue_tpl_';
const STALE_AFTER_MS = 60 * 60 * 1000;
const TEMPLATE_LOCK_KEY = 727_073_690; // advisory lock serialising template builds

export interface TestDatabase {
  name: string;
  url: string;
  /** A client for this database, created on first access and closed by drop(). */
  readonly prisma: PrismaClient;
  /** Disconnects the client, terminates other connections and drops the database. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Any URL on the server to use (its database name is ignored). Default: DATABASE_URL. */
  serverUrl?: string;
  migrationsDir?: string;
  /**
   * The database's name (default: a fresh testDatabaseName()). A test file whose modules read
   * DATABASE_URL at import time picks the name first, points DATABASE_URL at it, and creates it
   * in beforeAll (see apps/web/src/server/security/trpc-input-fuzz.test.ts).
   */
  name?: string;
}

async function migrationsHash(migrationsDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const { name, sql } of await readMigrationScripts(migrationsDir)) hash.update(name).update('\0').update(sql).update('\0');
  return hash.digest('hex').slice(0, 16);
}

async function renameWhenIdle(client: pg.Client, from: string, to: string): Promise<void> {
  // The deploy's pools are closed, but their backends may take a moment to exit.
  for (let attempt = 0; ; attempt++) {
    try {
      await client.query(`ALTER DATABASE ${quoteIdent(from)} RENAME TO ${quoteIdent(to)}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error; // object_in_use
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

const templatesReady = new Map<string, Promise<string>>(); // per process: checked once

/** The template database for the current migrations, built (once, under a lock) when missing. */
export function ensureTemplateDatabase(options: TestDatabaseOptions = {}): Promise<string> {
  const serverUrl = options.serverUrl ?? dbEnv().DATABASE_URL;
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const key = `${withDatabase(serverUrl, 'postgres')} ${migrationsDir}`;
  let ready = templatesReady.get(key);
  if (!ready) {
    ready = buildTemplateIfMissing(serverUrl, migrationsDir);
    ready.catch(() => templatesReady.delete(key));
    templatesReady.set(key, ready);
  }
  return ready;
}

async function buildTemplateIfMissing(serverUrl: string, migrationsDir: string): Promise<string> {
  const template = `${TEMPLATE_PREFIX}${await migrationsHash(migrationsDir)}`;
  await withAdminClient(serverUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      if (await databaseExists(client, template)) return;
      const building = `${template}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`); // a crashed build
      await deploy({ url: withDatabase(serverUrl, building), migrationsDir });
      await renameWhenIdle(client, building, template);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
  return template;
}

/** A unique name for a throw-away database; cleanupStaleTestDatabases() can age it. */
export function testDatabaseName(): string {
  return `${TEST_DATABASE_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
}

/** A fresh, fully migrated database; call drop() when done. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = options.serverUrl ?? dbEnv().DATABASE_URL;
  const name = options.name ?? testDatabaseName();
  if (!name.startsWith(TEST_DATABASE_PREFIX)) throw new Error(`Test database names start with ${TEST_DATABASE_PREFIX} (so stale ones are cleaned up): ${name}`);
  const copyTemplate = async () => {
    const template = await ensureTemplateDatabase({ ...options, serverUrl });
    await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`));
  };
  try {
    await copyTemplate();
  } catch (error) {
    // The template was dropped after this process checked it (another run's cleanup): rebuild once.
    if ((error as { code?: string }).code !== '3D000') throw error;
    templatesReady.clear();
    await copyTemplate();
  }
  const url = withDatabase(serverUrl, name);
  let prisma: PrismaClient | undefined;
  let dropped = false;
  return {
    name,
    url,
    get prisma() {
      if (dropped) throw new Error(`Test database ${name} was dropped`);
      return (prisma ??= createPrismaClient({ url }));
    },
    async drop() {
      if (dropped) return;
      dropped = true;
      await prisma?.$disconnect();
      await dropDatabase(serverUrl, name);
    },
  };
}

/**
 * Drops test databases older than an hour (their names carry the creation time) and templates
 * built for other versions of the migrations. Returns the dropped names.
 */
export async function cleanupStaleTestDatabases(options: TestDatabaseOptions & { now?: number } = {}): Promise<string[]> {
  const serverUrl = options.serverUrl ?? dbEnv().DATABASE_URL;
  const now = options.now ?? Date.now();
  const currentTemplate = `${TEMPLATE_PREFIX}${await migrationsHash(options.migrationsDir ?? MIGRATIONS_DIR)}`;
  const stale = await withAdminClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'p2pvalue\\_test\\_%' OR datname LIKE 'p2pvalue\\_tpl\\_%'`,
    );
    return rows
      .map((row) => row.datname)
      .filter((name) => {
        if (name.startsWith(TEMPLATE_PREFIX)) return name !== currentTemplate && !name.endsWith('_building');
        const created = Number(/^p2pvalue_test_(\d+)_/.exec(name)?.[1]);
        return Number.isFinite(created) && now - created * 1000 > STALE_AFTER_MS;
      });
  });
  for (const name of stale) await dropDatabase(serverUrl, name);
  return stale;
}

/**
 * For a vitest `globalSetup` file: cleans stale databases, creates one test database for the run,
 * exposes its URL (process.env.DATABASE_URL for the workers, and `inject('DATABASE_URL')` when
 * vitest's `provide` is passed) and returns the teardown that drops it.
 *
 *   // vitest.global-setup.ts
 *   import { testDatabaseGlobalSetup } from '@p2pvalue/db/testing';
 *   export default testDatabaseGlobalSetup;
 */
export async function testDatabaseGlobalSetup(context?: { provide?: (key: 'DATABASE_URL', value: string) => void }): Promise<() => Promise<void>> {
  await cleanupStaleTestDatabases();
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  context?.provide?.('DATABASE_URL', database.url);
  return () => database.drop();
}
