import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dbEnv } from '../env';
import { dropDatabase, withAdminClient } from './admin';
import { createMigration, deploy, diffFromEmpty, status } from './commands';
import { withDatabase } from './database-url';
import { MIGRATIONS_DIR } from './paths';
import { testDatabaseName } from '../testing/test-database';

const serverUrl = dbEnv().DATABASE_URL;
const created: string[] = [];
const tempDirs: string[] = [];

function freshUrl(): string {
  const name = testDatabaseName();
  created.push(name);
  return withDatabase(serverUrl, name);
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'p2pvalue-migrations-'));
  tempDirs.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function shadowDatabases(): Promise<string[]> {
  return withAdminClient(serverUrl, async (client) =>
    (await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'prisma\\_shadow\\_%'`)).rows.map((row) => row.datname),
  );
}

afterAll(async () => {
  for (const name of created) await dropDatabase(serverUrl, name);
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe('deploy', () => {
  it('creates the database, applies every migration, and is idempotent', async () => {
    const url = freshUrl();
    const started = performance.now();
    const first = await deploy({ url });
    console.info(`deploy on a fresh database: ${Math.round(performance.now() - started)} ms`);
    const folders = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    expect(first.createdDatabase).toBe(true);
    expect(first.applied).toEqual(folders);

    const tables = (await query<{ tablename: string }>(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).map((row) => row.tablename);
    expect(tables).toEqual(expect.arrayContaining(['_prisma_migrations', 'user', 'session', 'account', 'verification', 'apikey', 'rate_limit']));

    const second = await deploy({ url });
    expect(second).toEqual({ createdDatabase: false, applied: [] });
    expect((await status({ url })).migrations.every((migration) => migration.state === 'applied')).toBe(true);
  });

  it('applies a script with ";" inside string literals and function bodies as written', async () => {
    const migrationsDir = await copyOfMigrations();
    await mkdir(path.join(migrationsDir, '99990101000000_semicolons'));
    await writeFile(
      path.join(migrationsDir, '99990101000000_semicolons', 'migration.sql'),
      [
        `CREATE TABLE "note" ("id" SERIAL PRIMARY KEY, "body" TEXT NOT NULL);`,
        `INSERT INTO "note" ("body") VALUES ('one; two; three');`,
        `CREATE FUNCTION "note_count"() RETURNS integer LANGUAGE plpgsql AS $$`,
        `DECLARE n integer;`,
        `BEGIN SELECT count(*) INTO n FROM "note"; RETURN n; END;`,
        `$$;`,
      ].join('\n'),
    );
    const url = freshUrl();
    const result = await deploy({ url, migrationsDir });
    expect(result.applied.at(-1)).toBe('99990101000000_semicolons');
    expect(await query(url, `SELECT "body", "note_count"() AS n FROM "note"`)).toEqual([{ body: 'one; two; three', n: 1 }]);
  });

  it('reports an unreachable server in one line', async () => {
    await expect(deploy({ url: 'postgresql://postgres@127.0.0.1:1/nowhere' })).rejects.toThrow(/^PostgreSQL is not reachable at 127\.0\.0\.1:1: start it with/);
  });
});

describe('create', () => {
  it('creates nothing when the schema matches the migrations (and leaves no shadow database)', async () => {
    const migrationsDir = await copyOfMigrations();
    const before = await readdir(migrationsDir);
    const shadowsBefore = await shadowDatabases();
    const result = await createMigration({ url: freshUrl(), name: 'nothing', migrationsDir });
    expect(result.kind).toBe('unchanged');
    expect(await readdir(migrationsDir)).toEqual(before);
    expect(await shadowDatabases()).toEqual(shadowsBefore);
  });

  it('writes a standard migration folder from the schema when the history is empty', async () => {
    const migrationsDir = await mkdtemp(path.join(os.tmpdir(), 'p2pvalue-migrations-'));
    tempDirs.push(migrationsDir);
    const url = freshUrl();
    // The directory's trigram/unaccent indexes need extensions that its migration creates in
    // hand-written SQL; a history generated from scratch has no such SQL, so provide them here.
    const name = new URL(url).pathname.slice(1);
    await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
    await query(url, 'CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent');
    const result = await createMigration({ url, name: 'first one', migrationsDir });
    if (result.kind !== 'created') throw new Error('expected a migration');
    expect(result.name).toMatch(/^\d{14}_first_one$/);
    expect(result.applied).toBe(true);
    expect((await readdir(migrationsDir)).sort()).toEqual([result.name, 'migration_lock.toml']);
    expect((await status({ url, migrationsDir })).migrations).toEqual([{ name: result.name, state: 'applied' }]);
  });
});

describe('diff', () => {
  it('prints the SQL from an empty database to the schema', async () => {
    const sql = await diffFromEmpty({ url: serverUrl });
    expect(sql).toContain('CREATE TABLE "user"');
    expect(sql).toContain('CREATE TABLE "apikey"');
  });
});
