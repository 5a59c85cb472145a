import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { createCaseRepository } from '../cases/case.repository';
import { TERM_FIELDS, normaliseTerm } from '../cases/case-fields';
import { CSV_COLUMNS } from '../csv/csv-columns';
import { DIRECTORY_SEED_CSV, seedDirectory } from '../seed/seed-directory';
import { createCaseSearchRepository } from './case-search.repository';
import { createCaseSearchService, prefixTsQuery, type CaseSearchService } from './case-search.service';

const csvRows = parse(readFileSync(DIRECTORY_SEED_CSV), { columns: true }) as Record<string, string>[];
const headerOf = (field: string) => CSV_COLUMNS.find((col) => col.field === field)!.header;
const valuesOf = (row: Record<string, string>, field: string): string[] => {
  const raw = (row[headerOf(field)] ?? '').trim();
  if (!raw) return [];
  return field === 'resourceTypes' || field === 'languages' ? [...new Set(raw.split(',').map((v) => v.trim()).filter(Boolean))] : [raw];
};

/** Facet counts computed from the CSV file alone, keyed by normalised label. */
function csvFacetCounts(rows: Record<string, string>[], field: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) for (const value of valuesOf(row, field)) counts.set(normaliseTerm(value), (counts.get(normaliseTerm(value)) ?? 0) + 1);
  return counts;
}

let db: TestDatabase;
let service: CaseSearchService;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDirectory(db.prisma);
  service = createCaseSearchService({ search: createCaseSearchRepository(db.prisma), cases: createCaseRepository(db.prisma) });
});
afterAll(async () => {
  await db.drop();
});

describe('case search', () => {
  it('builds safe prefix queries', () => {
    expect(prefixTsQuery("Wiki & commons:* | !x'")).toBe('wiki:* & commons:* & x:*');
    expect(prefixTsQuery('  ¿? ')).toBeNull();
  });

  it('without filters: 380 cases and every facet count equals the count computed from the CSV', async () => {
    const result = await service.searchCases({ pageSize: 1 });
    expect(result.total).toBe(380);
    expect(Object.keys(result.facets).sort()).toEqual([...TERM_FIELDS].sort());
    for (const field of TERM_FIELDS) {
      const fromDb = new Map(result.facets[field].map((facet) => [normaliseTerm(facet.value), facet.count]));
      expect(fromDb, field).toEqual(csvFacetCounts(csvRows, field));
    }
  });

  it('two facets narrow the results; each facet still counts its other values', async () => {
    const result = await service.searchCases({ activityType: ['floss communities'], scope: ['International'], pageSize: 100 });
    const expected = csvRows.filter((row) => row['Type of activity'] === 'FLOSS communities' && row.Scope === 'International');
    expect(result.total).toBe(expected.length);
    expect(result.items.every((item) => item.activityType === 'FLOSS communities' && item.scope === 'International')).toBe(true);
    // the activity facet ignores the activity selection but applies the scope one
    const international = csvRows.filter((row) => row.Scope === 'International');
    expect(new Map(result.facets.activityType.map((f) => [normaliseTerm(f.value), f.count]))).toEqual(csvFacetCounts(international, 'activityType'));
    expect(new Map(result.facets.licence.map((f) => [normaliseTerm(f.value), f.count]))).toEqual(csvFacetCounts(expected, 'licence'));
  });

  it('three facets: each facet counts the cases matching the two others', async () => {
    const activity = (row: Record<string, string>) => row['Type of activity'] === 'FLOSS communities' || row['Type of activity'] === 'Community networks';
    const scope = (row: Record<string, string>) => row.Scope === 'International';
    const english = (row: Record<string, string>) => valuesOf(row, 'languages').some((value) => normaliseTerm(value) === 'english');
    const result = await service.searchCases({ activityType: ['FLOSS communities', 'community networks'], scope: ['International'], languages: ['English'], pageSize: 1 });
    expect(result.total).toBe(csvRows.filter((row) => activity(row) && scope(row) && english(row)).length);
    const counts = (field: string) => new Map(result.facets[field as 'scope'].map((f) => [normaliseTerm(f.value), f.count]));
    expect(counts('activityType')).toEqual(csvFacetCounts(csvRows.filter((row) => scope(row) && english(row)), 'activityType'));
    expect(counts('scope')).toEqual(csvFacetCounts(csvRows.filter((row) => activity(row) && english(row)), 'scope'));
    expect(counts('languages')).toEqual(csvFacetCounts(csvRows.filter((row) => activity(row) && scope(row)), 'languages'));
    expect(counts('licence')).toEqual(csvFacetCounts(csvRows.filter((row) => activity(row) && scope(row) && english(row)), 'licence'));
  });

  it("each case's termIds mirror its CaseTerm rows", async () => {
    const [row] = await db.prisma.$queryRaw<{ mismatched: number }[]>`
      SELECT count(*)::int AS mismatched FROM directory_case c
      WHERE c."termIds" IS NULL OR ARRAY(SELECT unnest(c."termIds") ORDER BY 1)
        IS DISTINCT FROM ARRAY(SELECT "termId" FROM directory_case_term ct WHERE ct."caseId" = c.id ORDER BY 1)`;
    expect(row!.mismatched).toBe(0);
  });

  it('several values of one facet are alternatives', async () => {
    const result = await service.searchCases({ scope: ['Local', 'National'], pageSize: 1 });
    expect(result.total).toBe(csvRows.filter((row) => row.Scope === 'Local' || row.Scope === 'National').length);
  });

  it('an unknown facet value matches nothing', async () => {
    expect((await service.searchCases({ licence: ['No such licence'] })).total).toBe(0);
  });

  it('full text finds "wiki" by prefix, "lavapies" without its accent, and "wikipeda" by trigram', async () => {
    const wiki = await service.searchCases({ q: 'wiki', pageSize: 100 });
    expect(wiki.items.map((item) => item.name)).toContain('Wikipedia');
    expect(wiki.items[0]!.name.toLowerCase()).toContain('wiki');
    expect((await service.searchCases({ q: 'lavapies' })).items.map((item) => item.name)).toContain('CSA La Tabacalera de Lavapiés');
    expect((await service.searchCases({ q: 'wikipeda' })).items.map((item) => item.name)).toContain('Wikipedia');
    expect((await service.searchCases({ q: 'autogestionado guifi zzzz' })).total).toBe(0);
  });

  it('filters by foundation year range', async () => {
    const result = await service.searchCases({ yearFrom: 2005, yearTo: 2010, pageSize: 1 });
    expect(result.total).toBe(csvRows.filter((row) => { const y = Number(row['Year of foundation']!.slice(0, 4)); return y >= 2005 && y <= 2010; }).length);
    await expect(service.searchCases({ yearFrom: 2010, yearTo: 2000 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('sorts by name and year and pages without overlap', async () => {
    const first = await service.searchCases({ sort: 'name', pageSize: 50, page: 1 });
    const second = await service.searchCases({ sort: 'name', pageSize: 50, page: 2 });
    const names = [...first.items, ...second.items].map((item) => item.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(100);
    const byYear = await service.searchCases({ sort: 'year', pageSize: 5 });
    expect(byYear.items[0]!.yearFounded).toBe(1954);
    const late = await service.searchCases({ page: 100, pageSize: 20 });
    expect(late).toMatchObject({ total: 380, items: [] });
  });

  it('streams every matching case for the CSV download', async () => {
    let count = 0;
    for await (const item of service.allMatching({ scope: ['International'] }, 50)) {
      expect(item.fields.scope).toBe('International');
      count++;
    }
    expect(count).toBe(csvRows.filter((row) => row.Scope === 'International').length);
  });

  it('related cases share taxonomy terms or keywords, never the case itself', async () => {
    const wikipedia = (await service.searchCases({ q: 'wikipedia' })).items.find((item) => item.name === 'Wikipedia')!;
    const related = await service.relatedCases(wikipedia.id);
    expect(related.length).toBeGreaterThan(0);
    expect(related.map((item) => item.id)).not.toContain(wikipedia.id);
    expect(related.some((item) => item.activityType === 'Collaborative writing')).toBe(true);
  });

  it('statistics count cases per year and term', async () => {
    const stats = await service.directoryStatistics();
    expect(stats.total).toBe(380);
    expect(stats.byYear.reduce((sum, row) => sum + row.count, 0)).toBe(csvRows.filter((row) => row['Year of foundation']!.trim()).length);
  });
});
