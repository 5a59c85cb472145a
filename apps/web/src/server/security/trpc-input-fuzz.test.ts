// Property-based fuzzing of every tRPC procedure's input (issue 10): hostile and malformed inputs
// must get a typed answer (never a 500) and a refused call must write nothing.
//
// The file has a database of its own, so "wrote nothing" can be checked by counting every table's
// rows around each refused call without other test files' writes getting in the way. The server
// modules read DATABASE_URL when they are imported, so the hoisted block (run before the imports)
// points it at a new name, and beforeAll creates that database before the first query.
const ownDatabase = vi.hoisted(() => {
  const name = `p2pvalue_test_${Math.floor(Date.now() / 1000)}_fuzz${process.pid}`;
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  return { name };
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { appRouter, createCaller } from '../trpc/root';
import { createContextInner } from '../trpc/context';
import { isAllowed, type Persona } from './access-classes';
import { casesOf } from './access-matrix';
import { createSecurityWorld, type SecurityWorld } from './security-fixtures';
import { hostileValue, mutateInput, SQL_INJECTION_STRINGS } from './fuzz-inputs';
import { z } from 'zod';

const procedures = Object.keys(appRouter._def.procedures).sort();
/** Inputs per procedure; CI keeps the default, a deeper local run sets FUZZ_RUNS. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
/** The persona tried first: the one most likely to get past authorisation to the business rules. */
const PERSONA_PREFERENCE: readonly Persona[] = ['admin', 'member', 'staff', 'researcher', 'outsider', 'anonymous'];

let testDb: TestDatabase;
let world: SecurityWorld;
let countRows: () => Promise<Record<string, number>>;
const tally = { procedures: 0, calls: 0, succeeded: 0, refused: 0 };

beforeAll(async () => {
  testDb = await createTestDatabase({ name: ownDatabase.name });
  world = await createSecurityWorld();
  const tables = await testDb.prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_prisma%' ORDER BY tablename`,
  );
  const query = `SELECT ${tables.map((t, i) => `(SELECT count(*)::int FROM ${t.name}) AS c${i}`).join(', ')}`;
  countRows = async () => {
    const [row] = await testDb.prisma.$queryRawUnsafe<Array<Record<string, number>>>(query);
    return Object.fromEntries(tables.map((t, i) => [t.name, row![`c${i}`]!]));
  };
}, 300_000);

afterAll(async () => {
  console.info(`tRPC input fuzz: ${tally.procedures} procedures, ${tally.calls} calls (${tally.succeeded} succeeded, ${tally.refused} refused with a typed error), seed ${SEED}`);
  await testDb?.drop();
}, 60_000);

function call(persona: Persona, path: string, input: unknown): Promise<unknown> {
  const viewer = persona === 'anonymous' ? null : world.users[persona];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the caller is walked by path, as the HTTP adapter does
  const procedure = path.split('.').reduce<any>((node, key) => node[key], createCaller(createContextInner({ viewer })));
  return procedure(input);
}

function describeInput(input: unknown): string {
  return JSON.stringify(input, (_key, value: unknown) => (typeof value === 'string' && value.length > 80 ? `${value.slice(0, 80)}…(${value.length} chars)` : value)) ?? 'undefined';
}

function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((table) => after[table] !== before[table]).map((table) => `${table} ${before[table]} → ${after[table]}`);
}

describe('tRPC input fuzzing', () => {
  for (const path of procedures) {
    it(`${path}: hostile inputs get a typed error, never a 500, and a refused call writes nothing`, async () => {
      const entry = casesOf(path)[0]!;
      const persona = PERSONA_PREFERENCE.find((p) => isAllowed(entry.access, p)) ?? 'outsider';
      tally.procedures += 1;
      const failures: string[] = [];
      await fc.assert(
        fc.asyncProperty(fc.oneof({ arbitrary: hostileValue(), weight: 1 }, { arbitrary: mutateInput(), weight: 3 }), async (make) => {
          // The valid input comes from the access matrix (fresh targets per call where it builds them).
          const input = make(await entry.input(world, persona));
          const before = await countRows();
          const result = await call(persona, path, input).then(
            () => ({ ok: true as const }),
            (error: unknown) => ({ ok: false as const, error: error as { code?: string; message?: string } }),
          );
          tally.calls += 1;
          if (result.ok) {
            tally.succeeded += 1;
            return true;
          }
          tally.refused += 1;
          const code = result.error.code ?? 'no code';
          const problems: string[] = [];
          if (code === 'INTERNAL_SERVER_ERROR' || code === 'no code') problems.push(`${code}: ${String(result.error.message).slice(0, 200)}`);
          const changed = changedTables(before, await countRows());
          if (changed.length > 0) problems.push(`refused with ${code} but wrote: ${changed.join(', ')}`);
          if (problems.length > 0) failures.push(`${describeInput(input)}\n    ${problems.join('\n    ')}`);
          // Every run is tried and every failure listed (below), rather than stopping at the first.
          return true;
        }),
        { numRuns: RUNS, seed: SEED + path.length },
      );
      expect(failures).toEqual([]);
    }, 120_000);
  }
});

describe('inputs found by fuzzing', () => {
  it('text with U+0000 is refused with the field named, before anything runs', async () => {
    await expect(call('member', 'chat.search', { query: 'a\u0000b' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('(field: query)') });
    const before = await countRows();
    await expect(call('member', 'community.create', { slug: `nul-${Date.now()}`, name: 'Nul\u0000' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await countRows()).toEqual(before);
  });

  it('ids beyond PostgreSQL integers are input errors, not database errors', async () => {
    await expect(call('staff', 'directory.getCase', { id: 2 ** 31 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(call('staff', 'directoryCuration.history', { caseId: 2 ** 31 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('a schema that a service checks deeper than the procedure input answers 400, not 500', async () => {
    const document = world.pub.document;
    await expect(call('admin', 'document.addComment', { documentId: document, body: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

/** Query procedures with a free-text search field, read off their input schemas (so a new search is covered by itself). */
function searchFields(): Array<{ path: string; field: string }> {
  const found: Array<{ path: string; field: string }> = [];
  for (const [path, procedure] of Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string; inputs?: unknown[] } }>)) {
    const input = procedure._def.inputs?.[0];
    if (procedure._def.type !== 'query' || !(input instanceof z.ZodObject)) continue;
    for (const [field, schema] of Object.entries(input.shape)) {
      let inner: unknown = schema;
      while ((inner as { _zod?: { def?: { innerType?: unknown } } })._zod?.def?.innerType) inner = (inner as { _zod: { def: { innerType: unknown } } })._zod.def.innerType;
      if (inner instanceof z.ZodString && /^(q|query|search)$/.test(field)) found.push({ path, field });
    }
  }
  return found;
}

describe('SQL injection strings through every search field', () => {
  const fields = searchFields();

  it('finds the search fields', () => {
    expect(fields.map((f) => f.path)).toEqual(expect.arrayContaining(['directory.search', 'chat.search', 'admin.listUsers', 'document.mentionCandidates']));
  });

  for (const { path, field } of fields) {
    it(`${path} (${field})`, async () => {
      const entry = casesOf(path)[0]!;
      const persona = PERSONA_PREFERENCE.find((p) => isAllowed(entry.access, p)) ?? 'outsider';
      const problems: string[] = [];
      for (const text of SQL_INJECTION_STRINGS) {
        const base = (await entry.input(world, persona)) as Record<string, unknown> | undefined;
        const before = await countRows();
        const outcome = await call(persona, path, { ...base, [field]: text }).then(
          () => 'ok',
          (error: { code?: string; message?: string }) => (error.code === 'BAD_REQUEST' ? 'ok' : `${error.code}: ${String(error.message).slice(0, 160)}`),
        );
        if (outcome !== 'ok') problems.push(`${JSON.stringify(text)} → ${outcome}`);
        const changed = changedTables(before, await countRows());
        if (changed.length > 0) problems.push(`${JSON.stringify(text)} wrote: ${changed.join(', ')}`);
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }
});

