// The driver adapter the WASM schema engine talks to: @prisma/adapter-pg 7.10.1 with three fixes
// (see /work/shared/ENVIRONMENT.md, "Prisma 7 offline"):
//   1. OID 18 ("char", used by pg_catalog columns the engine reads) is reported as Character
//      instead of failing with "Unsupported column type char".
//   2. Shadow databases are real, separate databases: CREATE DATABASE on connect; on dispose the
//      pool is closed first, then DROP DATABASE … WITH (FORCE). (adapter-pg reuses the main database
//      when built from a connection string, and drops the shadow before closing its pool.)
//   4. executeScript sends the whole script as one simple-protocol query instead of splitting on
//      ";" (which breaks string literals and function bodies).
// (Trap 3 — createMigration needs a preceding diagnoseMigrationHistory — lives in commands.ts.)
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';
import type pg from 'pg';
import { dropDatabase, withAdminClient } from './admin';
import { quoteIdent, withDatabase } from './database-url';

const CHAR_OID = 18;
const TEXT_OID = 25;

/** What adapter-pg's queryables have at runtime beyond the public interface (pinned 7.10.1). */
interface PgQueryableInternals {
  performIO(query: SqlQuery): Promise<pg.QueryArrayResult>;
  onError(error: unknown): never;
  underlyingDriver?(): pg.Pool;
}

/** Trap 1: make `"char"` columns readable; also patches every transaction the adapter opens. */
function reportCharColumnsAsCharacter<Q extends SqlQueryable>(queryable: Q): Q {
  const internals = queryable as unknown as PgQueryableInternals;
  const charColumnsByRows = new WeakMap<unknown[], number[]>();
  const performIO = internals.performIO.bind(queryable);
  internals.performIO = async (query) => {
    const result = await performIO(query);
    const charColumns: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID; // lets adapter-pg map it; corrected to Character below
        charColumns.push(index);
      }
    });
    if (charColumns.length > 0) charColumnsByRows.set(result.rows, charColumns);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query: SqlQuery): Promise<SqlResultSet> => {
    const resultSet = await queryRaw(query);
    for (const index of charColumnsByRows.get(resultSet.rows) ?? []) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return queryable;
}

/** Traps 1 and 4 on a connected adapter. */
function fixAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  reportCharColumnsAsCharacter(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) =>
    reportCharColumnsAsCharacter<Transaction>(await startTransaction(isolationLevel));
  const internals = adapter as unknown as PgQueryableInternals;
  adapter.executeScript = async (script: string) => {
    try {
      // No parameters → pg uses the simple query protocol, which accepts many statements at once.
      await internals.underlyingDriver!().query(script);
    } catch (error) {
      internals.onError(error); // converts to a DriverAdapterError the engine understands
    }
  };
  return adapter;
}

export interface MigrationAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Disposes every connection still open (main and shadow), dropping leftover shadow databases. */
  close(): Promise<void>;
}

/** A migration-aware adapter factory for `url`, with the fixes above. */
export function createMigrationAdapterFactory(url: string): MigrationAdapterFactory {
  const open = new Set<SqlDriverAdapter>();

  const track = (adapter: SqlDriverAdapter, afterDispose?: () => Promise<void>): SqlDriverAdapter => {
    const dispose = adapter.dispose.bind(adapter);
    let disposed = false;
    adapter.dispose = async () => {
      if (disposed) return;
      disposed = true;
      open.delete(adapter);
      await dispose();
      await afterDispose?.();
    };
    open.add(adapter);
    return adapter;
  };

  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg (p2pvalue migrate)',
    async connect() {
      return track(fixAdapter(await new PrismaPg({ connectionString: url }).connect()));
    },
    async connectToShadowDb() {
      const name = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
      await withAdminClient(url, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
      const adapter = await new PrismaPg({ connectionString: withDatabase(url, name) }).connect();
      return track(fixAdapter(adapter), () => dropDatabase(url, name));
    },
    async close() {
      await Promise.all([...open].map((adapter) => adapter.dispose()));
    },
  };
}
