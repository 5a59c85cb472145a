// The migration commands, as functions: deploy, createMigration, diffFromEmpty, status.
// Used by scripts/migrate.ts (CLI), the test-database helper and the tests.
import type { HistoryDiagnostic, SchemaFilter } from '@prisma/schema-engine-wasm';
import { ensureDatabase, withAdminClient, databaseExists } from './admin';
import { databaseName, withDatabase } from './database-url';
import { readMigrations, readSchemaFiles, writeMigration } from './migration-files';
import { MIGRATIONS_DIR, SCHEMA_DIR } from './paths';
import { engineError, openSchemaEngine, type EngineSession } from './schema-engine';

export interface MigrateOptions {
  url: string;
  schemaDir?: string;
  migrationsDir?: string;
  /** Receives the engine's log lines (JSON), e.g. for --verbose. */
  log?: (line: string) => void;
}

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

async function withEngine<T>(options: MigrateOptions, fn: (session: EngineSession) => Promise<T>): Promise<T> {
  const schema = await readSchemaFiles(options.schemaDir ?? SCHEMA_DIR);
  const session = await openSchemaEngine(options.url, schema, options.log);
  try {
    return await fn(session);
  } catch (error) {
    throw engineError(error);
  } finally {
    await session.close();
  }
}

export interface DeployResult {
  createdDatabase: boolean;
  applied: string[];
}

/** Creates the database if needed and applies every pending migration (`prisma migrate deploy`). */
export async function deploy(options: MigrateOptions): Promise<DeployResult> {
  const createdDatabase = await ensureDatabase(options.url);
  const migrationsList = await readMigrations(options.migrationsDir ?? MIGRATIONS_DIR);
  const { appliedMigrationNames } = await withEngine(options, ({ engine }) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTER }),
  );
  return { createdDatabase, applied: appliedMigrationNames };
}

export type CreateResult =
  | { kind: 'unchanged'; appliedFirst: string[] }
  | { kind: 'created'; name: string; folder: string; applied: boolean; warnings: string[]; appliedFirst: string[] };

export interface CreateOptions extends MigrateOptions {
  name: string;
  /** Only write the migration; do not apply it to the development database. */
  createOnly?: boolean;
  /** Apply even when the engine warns about data loss. */
  acceptDataLoss?: boolean;
}

/**
 * `prisma migrate dev` without the prompts: refuses (never resets) when the development database
 * drifted from the history; applies pending migrations; writes a migration for the schema diff
 * (nothing when unchanged); applies it unless `createOnly` or it would lose data.
 */
export async function createMigration(options: CreateOptions): Promise<CreateResult> {
  const name = options.name.trim().replace(/[^A-Za-z0-9_]+/g, '_');
  if (!name) throw new Error('A migration name is required (letters, digits, underscores).');
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  await ensureDatabase(options.url);
  const schema = await readSchemaFiles(options.schemaDir ?? SCHEMA_DIR);
  return withEngine(options, async ({ engine }) => {
    let migrationsList = await readMigrations(migrationsDir);
    const { action } = await engine.devDiagnostic({ migrationsList, filters: NO_FILTER });
    if (action.tag === 'reset') {
      throw new Error(
        `The development database ${databaseName(options.url)} needs a reset, which this tool never does silently:\n${action.reason}\n` +
          'Drop it yourself (e.g. `dropdb -h 127.0.0.1 -U postgres <name>`) and run the command again.',
      );
    }
    const { appliedMigrationNames: appliedFirst } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    // Trap 3: createMigration reads the shadow database state cached by this call.
    await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: true, filters: NO_FILTER });
    const created = await engine.createMigration({ draft: false, migrationName: name, migrationsList, schema, filters: NO_FILTER });
    if (created.migrationScript === null) return { kind: 'unchanged', appliedFirst };

    const evaluation = await engine.evaluateDataLoss({ migrationsList, schema, filters: NO_FILTER });
    const warnings = [...evaluation.warnings, ...evaluation.unexecutableSteps].map((feedback) => feedback.message);
    const folder = await writeMigration(migrationsDir, created.generatedMigrationName, created.migrationScript);
    const result = { kind: 'created' as const, name: created.generatedMigrationName, folder, warnings, appliedFirst };
    if (options.createOnly || (warnings.length > 0 && !options.acceptDataLoss)) return { ...result, applied: false };
    migrationsList = await readMigrations(migrationsDir);
    await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return { ...result, applied: true };
  });
}

/** The SQL that creates the current schema from an empty database (reads no database). */
export async function diffFromEmpty(options: MigrateOptions): Promise<string> {
  const schema = await readSchemaFiles(options.schemaDir ?? SCHEMA_DIR);
  // The engine connects on start-up; the maintenance database is always there and is not touched.
  const maintenance = { ...options, url: withDatabase(options.url, 'postgres') };
  const { stdout } = await withEngine(maintenance, ({ engine }) =>
    engine.diff({ from: { tag: 'empty' }, to: { tag: 'schemaDatamodel', ...schema }, script: true, exitCode: null, filters: NO_FILTER }),
  );
  return stdout ?? '';
}

export interface StatusResult {
  databaseExists: boolean;
  migrations: { name: string; state: 'applied' | 'pending' }[];
  /** Applied to the database but absent from the folder. */
  unknownInDatabase: string[];
  failed: string[];
  edited: string[];
}

/** Which migrations are applied, pending, failed or edited after being applied. */
export async function status(options: MigrateOptions): Promise<StatusResult> {
  const migrationsList = await readMigrations(options.migrationsDir ?? MIGRATIONS_DIR);
  const names = migrationsList.migrationDirectories.map((directory) => directory.path);
  const exists = await withAdminClient(options.url, (client) => databaseExists(client, databaseName(options.url)));
  if (!exists) {
    return { databaseExists: false, migrations: names.map((name) => ({ name, state: 'pending' })), unknownInDatabase: [], failed: [], edited: [] };
  }
  const diagnosis = await withEngine(options, ({ engine }) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTER }),
  );
  const pending = new Set(unapplied(diagnosis.history));
  return {
    databaseExists: true,
    migrations: names.map((name) => ({ name, state: pending.has(name) ? 'pending' : 'applied' })),
    unknownInDatabase: diagnosis.history && 'unpersistedMigrationNames' in diagnosis.history ? diagnosis.history.unpersistedMigrationNames : [],
    failed: diagnosis.failedMigrationNames,
    edited: diagnosis.editedMigrationNames,
  };
}

function unapplied(history: HistoryDiagnostic | null): string[] {
  if (!history || history.diagnostic === 'migrationsDirectoryIsBehind') return [];
  return history.unappliedMigrationNames;
}
