// Property-based fuzzing of the directory CSV importer (issue 10): whatever the file, the import
// either succeeds or reports why (a row error or a fatal file problem) — it never throws an
// unexplained error — and a failed import leaves the database exactly as it was.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { createDirectoryStore } from '../cases/directory-store';
import { DIRECTORY_SEED_CSV } from '../seed/seed-directory';
import { createCsvImportService, type CsvImportService } from './csv-import.service';
import { csvLine } from './csv-write';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);

const seedRows = (parse(readFileSync(DIRECTORY_SEED_CSV, 'utf8'), { columns: true }) as Record<string, string>[]).slice(0, 6);
const header = Object.keys(seedRows[0]!);

const HOSTILE_CELLS = [
  '',
  '"',
  '""',
  '\u0000',
  'a\u0000b',
  '\uFEFF',
  '\uD800',
  '\r',
  '\n\n',
  'x'.repeat(70_000),
  '<script>alert(1)</script>',
  "'; DROP TABLE \"case\"; --",
  '=cmd|\' /C calc\'!A0',
  '-1',
  '99999999999999999999',
  '2016-99-99 00:00:00',
  'a, b, , c, a',
];

let db: TestDatabase;
let importer: CsvImportService;

async function fingerprint() {
  const [cases, terms, links, revisions, latest] = await Promise.all([
    db.prisma.case.count(),
    db.prisma.term.count(),
    db.prisma.caseTerm.count(),
    db.prisma.caseRevision.count(),
    db.prisma.case.aggregate({ _max: { updatedAt: true } }),
  ]);
  return { cases, terms, links, revisions, latest: latest._max.updatedAt?.toISOString() ?? null };
}

/** A structural change in about one file of five: most files keep their shape and test the cells. */
const rarely = <T,>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary, weight: 1 });

/** A CSV of a few real rows with some cells, columns or bytes changed. */
const mutatedCsv = fc
  .record({
    cells: fc.array(fc.record({ row: fc.nat(), col: fc.nat(), value: fc.oneof(fc.constantFrom(...HOSTILE_CELLS), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 })) }), { maxLength: 3 }),
    dropColumn: rarely(fc.nat()),
    duplicateColumn: rarely(fc.nat()),
    truncateAt: rarely(fc.double({ min: 0, max: 1, noNaN: true })),
    flipByte: rarely(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), value: fc.integer({ min: 0, max: 255 }) })),
    nidBase: fc.integer({ min: 900_000, max: 2_000_000 }),
  })
  .map(({ cells, dropColumn, duplicateColumn, truncateAt, flipByte, nidBase }) => {
    // Fresh nids, so a successful import creates cases rather than updating the previous run's.
    const rows: Record<string, string>[] = seedRows.map((row, i) => ({ ...row, Nid: String(nidBase + i) }));
    for (const { row, col, value } of cells) rows[row % rows.length]![header[col % header.length]!] = value;
    let cols = [...header];
    if (dropColumn !== null) cols.splice(dropColumn % cols.length, 1);
    if (duplicateColumn !== null) cols = [...cols, cols[duplicateColumn % cols.length]!];
    let bytes = Buffer.from(csvLine(cols) + rows.map((row) => csvLine(cols.map((col) => row[col] ?? ''))).join(''));
    if (truncateAt !== null) bytes = bytes.subarray(0, Math.floor(bytes.length * truncateAt));
    if (flipByte !== null && bytes.length > 0) bytes[Math.min(bytes.length - 1, Math.floor(bytes.length * flipByte.at))] = flipByte.value;
    return bytes;
  });

beforeAll(async () => {
  db = await createTestDatabase();
  importer = createCsvImportService({ store: createDirectoryStore(db.prisma) });
});
afterAll(async () => {
  await db.drop();
});

describe('directory CSV import fuzzing', () => {
  it('answers every mutated file with a report, and a failed import writes nothing', async () => {
    const outcomes: Record<string, number> = {};
    const problems: string[] = [];
    await fc.assert(
      fc.asyncProperty(mutatedCsv, fc.boolean(), fc.boolean(), async (bytes, strict, skipInvalid) => {
        const before = await fingerprint();
        const report = await importer.importCsv(bytes, { strict, skipInvalid }).catch((error: unknown) => {
          problems.push(`threw ${error instanceof Error ? error.message.slice(0, 300) : String(error)} for ${bytes.subarray(0, 200).toString('utf8')}…`);
          return null;
        });
        if (!report) return true;
        outcomes[report.status] = (outcomes[report.status] ?? 0) + 1;
        const after = await fingerprint();
        if (report.status === 'failed') {
          if (!report.fatal && report.errors.length === 0) problems.push(`failed without a reason: ${report.summary}`);
          if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`failed import wrote: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
        }
        if (report.status === 'imported' && after.cases !== before.cases + report.created) problems.push(`reported ${report.created} created, the table grew by ${after.cases - before.cases}`);
        return true;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.info(`directory import fuzz: ${RUNS} files, outcomes ${JSON.stringify(outcomes)}, seed ${SEED}`);
    expect(problems).toEqual([]);
    // The generator must reach both sides, or the property says little.
    expect(outcomes.failed ?? 0).toBeGreaterThan(0);
    expect((outcomes.imported ?? 0) + (outcomes.unchanged ?? 0)).toBeGreaterThan(0);
  }, 300_000);
});
