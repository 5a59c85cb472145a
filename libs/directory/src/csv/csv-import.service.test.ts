import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { createCaseRepository } from '../cases/case.repository';
import { createDirectoryStore } from '../cases/directory-store';
import { DIRECTORY_SEED_CSV, seedDirectory } from '../seed/seed-directory';
import { createCsvImportService, type CsvImportService } from './csv-import.service';
import { CSV_COLUMNS } from './csv-columns';
import { caseToCsvLine, csvHeader, csvLine } from './csv-write';

const csvText = readFileSync(DIRECTORY_SEED_CSV, 'utf8');
const csvRows = parse(csvText, { columns: true }) as Record<string, string>[];
const header = Object.keys(csvRows[0]!);

let db: TestDatabase;
let importer: CsvImportService;

/** Everything an import could touch, to prove a failed import changed nothing. */
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

const toCsv = (rows: Record<string, string>[], cols: string[] = header) => csvLine(cols) + rows.map((row) => csvLine(cols.map((col) => row[col] ?? ''))).join('');
function garbage(): Buffer {
  const bytes = Buffer.alloc(10 * 1024 * 1024);
  for (let i = 0, x = 12345; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return bytes;
}
const rowNamed = (name: string) => csvRows.find((row) => row.Name!.trim() === name)!;
/** LF line endings (what `strict` needs); the importer reads CRLF inside values as LF anyway. */
const lf = (text: string) => text.replace(/\r\n/g, '\n');
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

beforeAll(async () => {
  db = await createTestDatabase();
  importer = createCsvImportService({ store: createDirectoryStore(db.prisma) });
});
afterAll(async () => {
  await db.drop();
});

describe('importing the 2016 directory', () => {
  it('imports all 380 cases in one transaction and reports them', async () => {
    const report = await seedDirectory(db.prisma);
    expect(report).toMatchObject({ status: 'imported', rows: 380, created: 380, updated: 0, invalid: 0, fatal: null });
    expect(await db.prisma.case.count()).toBe(380);
    expect(report.notes.join(' ')).toContain('CRLF');
    // one revision per case, authored by the importer
    expect(await db.prisma.caseRevision.count({ where: { authorId: null, kind: 'create', status: 'approved' } })).toBe(380);
  });

  it('preserves every non-empty field of every row', async () => {
    const repo = createCaseRepository(db.prisma);
    const stored = new Map((await repo.findByNids(csvRows.map((row) => Number(row.Nid)))).map((item) => [item.nid, item]));
    const clean = (value: string) => value.replace(/\r\n?/g, '\n').trim();
    const list = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);
    let checked = 0;
    for (const row of csvRows) {
      const item = stored.get(Number(row.Nid))!;
      expect(item, row.Name).toBeDefined();
      for (const col of CSV_COLUMNS) {
        const raw = row[col.header] ?? '';
        if (raw.trim() === '' || col.field === 'nid') continue;
        checked++;
        if (col.field === 'postedBy') expect(item.postedBy).toBe(raw.trim());
        else if (col.kind === 'year') expect(item.fields.yearFounded).toBe(Number(raw.slice(0, 4)));
        else if (col.kind === 'list') expect(item.fields[col.field]).toEqual([...new Set(list(raw))]);
        else expect(item.fields[col.field], `${row.Name} ${col.header}`).toBe(clean(raw));
      }
    }
    expect(checked).toBeGreaterThan(5_000);
  });

  it('keeps the 2016 values of Wikipedia, Guifi and CSA La Tabacalera de Lavapiés', async () => {
    const repo = createCaseRepository(db.prisma);
    const [wikipedia, guifi, tabacalera] = await repo.findByNids([Number(rowNamed('Wikipedia').Nid), 111, 403]);
    const byName = new Map([wikipedia, guifi, tabacalera].map((item) => [item!.fields.name, item!]));
    expect(byName.get('Wikipedia')!.fields).toMatchObject({
      homepage: 'http://www.wikipedia.org',
      yearFounded: 2001,
      activityType: 'Collaborative writing',
      collaborationType: 'Collage',
      resourceTypes: ['Resource', 'Service', 'Design', 'Brand'],
      organisationType: 'Grass Roots Organization Or Community Network',
      legalEntity: 'not for profit organization',
    });
    expect(byName.get('Wikipedia')!.fields.languages).toHaveLength(23);
    expect(byName.get('Guifi')!.fields).toMatchObject({
      homepage: 'https://guifi.net',
      yearFounded: 2008,
      activityType: 'Community networks',
      scope: 'National',
      languages: ['English', 'Spanish'],
      licence: 'Creative Commons: Attribution-ShareAlike (CC BY-SA)',
      resourceTypes: ['Resource', 'Service', 'Design', 'Methodology'],
    });
    expect(byName.get('CSA La Tabacalera de Lavapiés')!.fields).toMatchObject({
      homepage: 'http://latabacalera.net/',
      yearFounded: 2010,
      activityType: 'Urban commons',
      collaborationType: 'Space',
      scope: 'Local',
      keywords: ['free culture', 'social centre', 'social center', 'collaborative space', 'lavapiés'],
      address: 'Calle Embajadores 53, 28012, Madrid28012 MadridSpain',
    });
  });

  it('says "unchanged" and writes nothing when the same file is imported again', async () => {
    const before = await fingerprint();
    const report = await importer.importCsv(csvText);
    expect(report).toMatchObject({ status: 'unchanged', created: 0, updated: 0, unchanged: 380 });
    expect(report.summary).toMatch(/Nothing to change/);
    expect(await fingerprint()).toEqual(before);
  });

  it('round-trips: the CSV export re-imported changes nothing', async () => {
    const repo = createCaseRepository(db.prisma);
    const all = await repo.findByNids(csvRows.map((row) => Number(row.Nid)));
    const exported = csvHeader() + all.map((item) => caseToCsvLine(item)).join('');
    const before = await fingerprint();
    const report = await importer.importCsv(exported);
    expect(report).toMatchObject({ status: 'unchanged', unchanged: 380, invalid: 0, notes: [] });
    expect(exported).not.toContain('\r');
    // strict: every taxonomy value of the export is an existing term, and the export has LF endings
    const strict = await importer.importCsv(exported, { strict: true });
    expect(strict).toMatchObject({ status: 'unchanged', unchanged: 380, invalid: 0, notes: [] });
    expect(await fingerprint()).toEqual(before);
  });

  it('accepts a BOM and LF line endings as the same data', async () => {
    const before = await fingerprint();
    const report = await importer.importCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText.replace(/\r\n/g, '\n'))]));
    expect(report).toMatchObject({ status: 'unchanged', unchanged: 380 });
    expect(report.notes).toEqual(['UTF-8 byte-order mark removed (strict mode refuses it).']);
    expect(await fingerprint()).toEqual(before);
  });

  it('notes a BOM and CRLF together when both are there (the default accepts them)', async () => {
    const report = await importer.importCsv(Buffer.concat([UTF8_BOM, Buffer.from(csvText)]), { dryRun: true });
    expect(report).toMatchObject({ status: 'dry-run', unchanged: 380, fatal: null });
    expect(report.notes).toEqual(['UTF-8 byte-order mark removed (strict mode refuses it).', 'Windows (CRLF) line endings read as plain line breaks (strict mode refuses them).']);
  });

  it('strict finds a CRLF split between two chunks of a stream', async () => {
    const text = lf(toCsv([csvRows[0]!]));
    const chunks = [Buffer.from(`${text.slice(0, -1)}\r`), Buffer.from('\n')];
    const report = await importer.importCsv(chunks, { strict: true, dryRun: true });
    expect(report.fatal).toMatch(/^The file has Windows \(CRLF\) line endings/);
  });

  it('reads the 2016 export the same when the first chunk of the stream ends on a \\r', async () => {
    const bytes = Buffer.from(csvText);
    const afterCr = bytes.indexOf('\r\n') + 1;
    const report = await importer.importCsv([bytes.subarray(0, afterCr), bytes.subarray(afterCr)], { dryRun: true });
    expect(report).toMatchObject({ status: 'dry-run', fatal: null, rows: 380, invalid: 0, unchanged: 380 });
    expect(report.notes).toEqual(['Windows (CRLF) line endings read as plain line breaks (strict mode refuses them).']);
  });

  it('strict finds a BOM cut by the first chunk of a stream', async () => {
    const text = Buffer.from(lf(toCsv([csvRows[0]!])));
    const report = await importer.importCsv([UTF8_BOM.subarray(0, 1), Buffer.concat([UTF8_BOM.subarray(1), text])], { strict: true, dryRun: true });
    expect(report.fatal).toMatch(/^The file starts with a UTF-8 byte-order mark/);
  });
});

describe('malformed files leave the database unchanged', () => {
  const cases: [string, () => string | Buffer, RegExp][] = [
    ['a missing required column', () => toCsv(csvRows.slice(0, 3), header.filter((col) => col !== 'Year of foundation')), /lacks the required column\(s\) "Year of foundation"/],
    ['a wrong header', () => toCsv(csvRows.slice(0, 3), header.map((col) => (col === 'Nid' ? 'Node' : col))), /"Nid"/],
    ['semicolon-separated', () => csvText.split('\r\n').slice(0, 3).map((line) => line.replace(/","/g, '";"')).join('\r\n'), /semicolons/],
    ['10 MB of garbage', garbage, /not a CSV text file/],
    ['Latin-1 text', () => Buffer.from(csvText.slice(0, 3000), 'latin1'), /not valid UTF-8/],
    ['an unterminated quote', () => `${csvLine(header)}"Broken,"x\r\n`, /not valid CSV near line/],
    ['an empty file', () => '', /empty/],
    ['UTF-16 little-endian (with its BOM)', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lf(csvText.slice(0, 3000)), 'utf16le')]), /^The file is UTF-16 text .*Save it as CSV UTF-8/],
    ['UTF-16 big-endian (with its BOM)', () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(lf(csvText.slice(0, 3000)), 'utf16le').swap16()]), /^The file is UTF-16 text .*Save it as CSV UTF-8/],
  ];
  // With strict, a UTF-8 BOM and CRLF line endings (accepted by default, see above) are refused.
  const strictCases: [string, () => string | Buffer, RegExp][] = [
    ['strict: a UTF-8 byte-order mark', () => Buffer.concat([UTF8_BOM, Buffer.from(lf(csvText))]), /^The file starts with a UTF-8 byte-order mark, which strict mode refuses/],
    ['strict: CRLF line endings (the 2016 export itself)', () => csvText, /^The file has Windows \(CRLF\) line endings, which strict mode refuses/],
    ['strict: a BOM and CRLF (the BOM is reported)', () => Buffer.concat([UTF8_BOM, Buffer.from(csvText)]), /^The file starts with a UTF-8 byte-order mark/],
    ['strict: UTF-16 (with its BOM)', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lf(csvText.slice(0, 3000)), 'utf16le')]), /^The file is UTF-16 text/],
  ];
  for (const [what, make, message] of [...cases, ...strictCases]) {
    it(`${what}: one clear error`, async () => {
      const before = await fingerprint();
      const report = await importer.importCsv(make(), { strict: what.startsWith('strict:') });
      expect(report.status).toBe('failed');
      expect(report.fatal).toMatch(message);
      expect(report.summary).toMatch(/^Nothing imported/);
      expect(report).toMatchObject({ created: 0, updated: 0, errors: [] });
      expect(await fingerprint()).toEqual(before);
    });
  }

  it('a file over the size limit', async () => {
    const before = await fingerprint();
    const report = await importer.importCsv(csvText, { maxBytes: 100_000 });
    expect(report.fatal).toMatch(/larger than/);
    expect(await fingerprint()).toEqual(before);
  });

  it('a bad year: the row number and reason, nothing imported', async () => {
    const rows = [{ ...rowNamed('Guifi'), Name: 'Guifi renamed' }, { ...csvRows[5]!, 'Year of foundation': '20133' }, { ...csvRows[6]!, Nid: '999001', 'Year of foundation': '2013-13-01 00:00:00' }];
    const before = await fingerprint();
    const report = await importer.importCsv(toCsv(rows));
    expect(report).toMatchObject({ status: 'failed', invalid: 2, created: 0, updated: 0 });
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 3, nid: Number(csvRows[5]!.Nid), column: 'Year of foundation', message: expect.stringMatching(/"20133" is not a year/) }),
      expect.objectContaining({ row: 4, nid: 999001, column: 'Year of foundation', message: expect.stringMatching(/not a valid date/) }),
    ]);
    expect(await fingerprint()).toEqual(before);
  });

  it('an unknown licence with strict: rejected; without strict: a new term', async () => {
    const rows = [{ ...csvRows[0]!, Nid: '999002', Name: 'New commons', 'User generated content license': 'WTFPL' }];
    const before = await fingerprint();
    const strict = await importer.importCsv(lf(toCsv(rows)), { strict: true });
    expect(strict.status).toBe('failed');
    expect(strict.errors[0]).toMatchObject({ row: 2, column: 'User generated content license', message: expect.stringMatching(/unknown licence "WTFPL"/) });
    expect(await fingerprint()).toEqual(before);

    const dry = await importer.importCsv(toCsv(rows), { dryRun: true });
    expect(dry).toMatchObject({ status: 'dry-run', created: 1, termsCreated: [{ vocabulary: 'licence', label: 'WTFPL' }] });
    expect(await fingerprint()).toEqual(before);
  });

  it('rows with the wrong number of fields or a repeated nid are reported with their rows', async () => {
    const text = `${toCsv([csvRows[0]!, csvRows[1]!, csvRows[0]!])}"only","three","fields"\r\n`;
    const report = await importer.importCsv(text);
    expect(report.errors.map((error) => [error.row, error.message])).toEqual([
      [4, expect.stringMatching(/already appears in row 2/)],
      [5, 'has 3 fields but the header has 21'],
    ]);
  });
});

describe('updates, term matching and skip-invalid', () => {
  it('updates a changed case with an import revision and matches terms case-insensitively', async () => {
    const guifi = rowNamed('Guifi');
    const changed = { ...guifi, Description: 'Guifi.net: a free, open and neutral network.', 'Language(s) of the platform': ' english ,  SPANISH, Catalan' };
    const report = await importer.importCsv(toCsv([changed]));
    expect(report).toMatchObject({ status: 'imported', updated: 1, created: 0 });
    expect(report.changes).toEqual([{ nid: 111, name: 'Guifi', action: 'updated', fields: ['description', 'languages'] }]);
    expect(report.termsCreated).toEqual([]);
    const [item] = await createCaseRepository(db.prisma).findByNids([111]);
    expect(item!.fields.languages).toEqual(['English', 'Spanish', 'Catalan']);
    const revision = await db.prisma.caseRevision.findFirst({ where: { caseId: item!.id, kind: 'update' }, select: { authorId: true, diff: true } });
    expect(revision).toMatchObject({ authorId: null, diff: { description: { to: 'Guifi.net: a free, open and neutral network.' } } });
    // and back to the 2016 values
    expect(await importer.importCsv(toCsv([guifi]))).toMatchObject({ updated: 1 });
  });

  it('skip-invalid imports the valid rows and reports the others', async () => {
    const rows = [
      { ...csvRows[0]!, Nid: '999010', Name: 'Valid new case', 'Type of activity': '  Urban   COMMONS ' },
      { ...csvRows[0]!, Nid: '999011', Name: '' },
    ];
    const report = await importer.importCsv(toCsv(rows), { skipInvalid: true });
    expect(report).toMatchObject({ status: 'imported', created: 1, invalid: 1 });
    expect(report.errors[0]).toMatchObject({ row: 3, nid: 999011, column: 'Name' });
    const [item] = await createCaseRepository(db.prisma).findByNids([999010]);
    expect(item!.fields.activityType).toBe('Urban commons');
  });

  it('the seed keeps cases that exist, so curators’ edits survive', async () => {
    await db.prisma.case.update({ where: { nid: 111 }, data: { phone: '+34 000' } });
    const report = await seedDirectory(db.prisma);
    expect(report).toMatchObject({ status: 'unchanged', kept: 1, unchanged: 379 });
    expect((await db.prisma.case.findUnique({ where: { nid: 111 }, select: { phone: true } }))!.phone).toBe('+34 000');
  });
});
