import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, createDirectoryServices } from '@p2pvalue/directory';
import { createCaller } from '../root';
import { createContextInner } from '../context';
import { getDb } from '../../db';
import { getOpenApiDocument } from '../../rest/openapi';
import { casesCsvResponse } from './directory.csv-response';

// The test database is shared with other test files: this file creates its own cases, with a
// unique token in their names and nids from a random range, and only asserts about those.
const token = `zq${randomBytes(4).toString('hex')}`;
const nidBase = 500_000 + Math.floor(Math.random() * 400_000);

function fixtureCsv(): string {
  const line = (cells: string[]) => `${cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')}\n`;
  const row = (nid: number, name: string, values: Record<string, string>) =>
    line(CSV_COLUMNS.map((col) => (col.header === 'Nid' ? String(nid) : col.header === 'Name' ? name : (values[col.header] ?? ''))));
  return (
    line(CSV_COLUMNS.map((col) => col.header)) +
    row(nidBase + 1, `Wikiàlpha ${token}`, { 'Type of activity': 'Collaborative writing', Scope: 'International', 'Language(s) of the platform': 'English, Catalan', 'Year of foundation': '2001-01-01 00:00:00', 'User generated content license': 'Creative Commons: Attribution-ShareAlike (CC BY-SA)', Keywords: `${token}, wiki`, 'Posted by': 'someone' }) +
    row(nidBase + 2, `Mesh ${token}`, { 'Type of activity': 'Community networks', Scope: 'Local', 'Language(s) of the platform': 'Catalan', 'Year of foundation': '2004-01-01 00:00:00', Description: 'Xarxa oberta, lliure i neutral', Keywords: token }) +
    row(nidBase + 3, `Repair café ${token}`, { 'Type of activity': 'Urban commons', Scope: 'Local', 'Year of foundation': '2010', Keywords: token })
  );
}

const anonymous = () => createCaller(createContextInner({ viewer: null }));

beforeAll(async () => {
  const report = await createDirectoryServices(getDb()).importer.importCsv(fixtureCsv());
  expect(report).toMatchObject({ status: 'imported', created: 3 });
});

describe('directory router', () => {
  it('lists cases with the Drupal-style filters, facets and paging (REST shape)', async () => {
    const result = await anonymous().directory.listCases({ q: token, scope: ['Local'], pageSize: 1 });
    expect(Object.keys(result).sort()).toEqual(['facets', 'items', 'page', 'pageSize', 'total']);
    expect(result).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(result.items).toHaveLength(1);
    expect(Object.keys(result.facets).sort()).toEqual(['activityType', 'collaborationType', 'languages', 'legalEntity', 'licence', 'organisationType', 'resourceTypes', 'scope'].sort());
    // the scope facet ignores its own selection
    expect(result.facets.scope).toEqual([{ value: 'Local', count: 2 }, { value: 'International', count: 1 }]);
    expect(result.facets.activityType.map((f) => f.value).sort()).toEqual(['Community networks', 'Urban commons']);
  });

  it('narrows with two facets and a year range; accent-insensitive text', async () => {
    const caller = anonymous();
    const both = await caller.directory.listCases({ q: token, scope: ['local'], language: ['CATALAN'] });
    expect(both.items.map((item) => item.name)).toEqual([`Mesh ${token}`]);
    const years = await caller.directory.search({ q: token, yearFrom: 2000, yearTo: 2005, sort: 'year' });
    expect(years.items.map((item) => item.yearFounded)).toEqual([2001, 2004]);
    const accent = await caller.directory.search({ q: `wikialpha ${token}` });
    // the full-text match ranks first; names merely similar to the query may follow (fuzzy)
    expect(accent.items[0]!.name).toBe(`Wikiàlpha ${token}`);
  });

  it('gets one case with every field and never the poster', async () => {
    const caller = anonymous();
    const [found] = (await caller.directory.search({ q: `wikiàlpha ${token}` })).items;
    const item = await caller.directory.getCase({ id: found!.id });
    expect(item).toMatchObject({ nid: nidBase + 1, languages: ['English', 'Catalan'], keywords: [token, 'wiki'], yearFounded: 2001, governance: null, status: null });
    expect(JSON.stringify(item)).not.toContain('someone');
    await expect(caller.directory.getCase({ id: 2_000_000_000 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const related = await caller.directory.relatedCases({ id: found!.id });
    expect(related.map((r) => r.name)).toEqual(expect.arrayContaining([`Mesh ${token}`]));
  });

  it('publishes the JSON endpoints in the OpenAPI document', () => {
    const paths = Object.keys(getOpenApiDocument().paths ?? {});
    expect(paths).toEqual(expect.arrayContaining(['/cases', '/cases/{id}', '/cases/{id}/related', '/directory/statistics']));
  });

  it('serves the filtered CSV in the 2016 layout, and it re-imports without a change', async () => {
    const response = await casesCsvResponse(getDb(), new URL(`http://x/api/v1/cases.csv?q=${token}&scope=Local&scope=International`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const text = await response.text();
    // LF line endings, so the export also re-imports under strict (which refuses CRLF)
    expect(text).not.toContain('\r');
    expect(text.split('\n')[0]).toBe(CSV_COLUMNS.map((col) => `"${col.header}"`).join(','));
    expect(text.match(new RegExp(`"Wikiàlpha ${token}"|"Mesh ${token}"|"Repair café ${token}"`, 'g'))).toHaveLength(3);
    expect(text).toContain('"2001-01-01 00:00:00"');
    const { importer } = createDirectoryServices(getDb());
    expect(await importer.importCsv(text)).toMatchObject({ status: 'unchanged', unchanged: 3 });
    // strict: every taxonomy value is a known term and the line endings are LF
    expect(await importer.importCsv(text, { strict: true })).toMatchObject({ status: 'unchanged', unchanged: 3 });
    // the same file with CRLF endings is what strict refuses
    expect((await importer.importCsv(text.replace(/\n/g, '\r\n'), { strict: true })).fatal).toMatch(/CRLF/);

    const bad = await casesCsvResponse(getDb(), new URL('http://x/api/v1/cases.csv?yearFrom=2010&yearTo=2000'));
    expect(bad.status).toBe(400);
  });
});
