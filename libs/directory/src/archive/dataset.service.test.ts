import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { createDatasetService, type DatasetService } from './dataset.service';
import { inferTableSchema } from './table-schema';

let db: TestDatabase;
let archive: DatasetService;
const researcher = { id: 'researcher-1', isStaff: false };
const other = { id: 'someone-else', isStaff: false };
const staff = { id: 'staff-1', isStaff: true };
const csv = (text: string) => new TextEncoder().encode(text);
const metadata = { title: 'Survey of CBPP governance', description: 'Responses from 2016.', creators: [{ name: 'Mayo Fuster Morell', affiliation: 'UOC' }], keywords: ['governance'], licence: 'CC-BY-4.0' };

/** Reads the names and bodies of a stored (uncompressed) ZIP. */
function unzip(zip: Uint8Array): Map<string, string> {
  const buffer = Buffer.from(zip);
  const files = new Map<string, string>();
  let at = 0;
  while (buffer.readUInt32LE(at) === 0x04034b50) {
    const size = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26);
    const name = buffer.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const body = buffer.subarray(at + 30 + nameLength, at + 30 + nameLength + size);
    files.set(name, (buffer.readUInt16LE(at + 8) === 8 ? inflateRawSync(body) : body).toString('utf8'));
    at += 30 + nameLength + size;
  }
  return files;
}

beforeAll(async () => {
  db = await createTestDatabase();
  archive = createDatasetService({ db: db.prisma, maxFileBytes: 1024 * 1024, now: () => new Date('2026-03-04T05:06:07Z') });
});
afterAll(async () => {
  await db.drop();
});

describe('table schema inference', () => {
  it('infers integer, number, boolean, date and string columns with a preview', () => {
    const inferred = inferTableSchema(csv('id,share,active,founded,name\n1,0.5,true,2013-01-01,Guifi\n2,,false,2001-01-15,"Wiki, pedia"\n'))!;
    expect(inferred.schema.fields).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'share', type: 'number' },
      { name: 'active', type: 'boolean' },
      { name: 'founded', type: 'date' },
      { name: 'name', type: 'string' },
    ]);
    expect(inferred.rows[1]).toEqual(['2', '', 'false', '2001-01-15', 'Wiki, pedia']);
    expect(inferTableSchema(new Uint8Array([0xff, 0xfe, 0x00]))).toBeNull();
  });
});

describe('data-set archive', () => {
  it('deposit → publish v1 → v2 draft copied from v1 → publish v2; v1 stays frozen', async () => {
    const v1 = await archive.createDataset({ actor: researcher, metadata });
    expect(v1).toMatchObject({ n: 1, status: 'draft', conceptId: expect.stringMatching(/^p2pv-ds-[0-9a-f]{10}$/) });
    // drafts are private to the depositor and staff
    await expect(archive.getVersion(v1.datasetId, 1, null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(archive.getVersion(v1.datasetId, 1, other)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(archive.publish({ actor: researcher, datasetId: v1.datasetId, n: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const file = await archive.addFile({ actor: researcher, datasetId: v1.datasetId, n: 1, name: 'responses.csv', content: csv('case,members\nGuifi,35000\nWikipedia,300000\n') });
    expect(file).toMatchObject({ size: 42, mediaType: 'text/csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), tableSchema: { fields: [{ name: 'case', type: 'string' }, { name: 'members', type: 'integer' }] } });
    const published = await archive.publish({ actor: researcher, datasetId: v1.datasetId, n: 1 });
    expect(published).toMatchObject({ status: 'published', publishedAt: new Date('2026-03-04T05:06:07Z') });
    expect((await archive.getVersion(v1.datasetId, 1, null)).files).toHaveLength(1);

    await expect(archive.addFile({ actor: researcher, datasetId: v1.datasetId, n: 1, name: 'more.csv', content: csv('a\n1\n') })).rejects.toMatchObject({ code: 'CONFLICT' });
    // the database itself refuses to change a published version
    await expect(db.prisma.datasetVersion.update({ where: { id: v1.id }, data: { title: 'changed' } })).rejects.toThrow(/published and cannot change/);

    await expect(archive.createVersion({ actor: other, datasetId: v1.datasetId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const v2 = await archive.createVersion({ actor: researcher, datasetId: v1.datasetId });
    expect(v2).toMatchObject({ n: 2, status: 'draft', title: metadata.title, files: [expect.objectContaining({ name: 'responses.csv', sha256: file.sha256 })] });
    await expect(archive.createVersion({ actor: researcher, datasetId: v1.datasetId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await archive.addFile({ actor: researcher, datasetId: v1.datasetId, n: 2, name: 'responses.csv', content: csv('case,members\nGuifi,36000\nWikipedia,300000\n') });
    await archive.updateDraft({ actor: staff, datasetId: v1.datasetId, n: 2, metadata: { ...metadata, title: 'Survey of CBPP governance (corrected)' }, caseIds: [] });
    await archive.publish({ actor: researcher, datasetId: v1.datasetId, n: 2 });

    const one = await archive.getFile({ viewer: null, datasetId: v1.datasetId, n: 1, name: 'responses.csv' });
    const two = await archive.getFile({ viewer: null, datasetId: v1.datasetId, n: 2, name: 'responses.csv' });
    expect(new TextDecoder().decode(one.content)).toContain('35000');
    expect(new TextDecoder().decode(two.content)).toContain('36000');
    const listing = await archive.getDataset(v1.datasetId, null);
    expect(listing.versions.map((version) => [version.n, version.title])).toEqual([[2, 'Survey of CBPP governance (corrected)'], [1, 'Survey of CBPP governance']]);
  });

  it('downloads a version as a Frictionless Data Package and cites it', async () => {
    const v1 = await archive.createDataset({ actor: researcher, metadata: { ...metadata, title: 'Packaged {data} & more' } });
    await archive.addFile({ actor: researcher, datasetId: v1.datasetId, n: 1, name: 'cases.csv', content: csv('nid,year\n111,2008\n') });
    await archive.addFile({ actor: researcher, datasetId: v1.datasetId, n: 1, name: 'notes.md', content: csv('# Notes\n') });
    await archive.publish({ actor: researcher, datasetId: v1.datasetId, n: 1 });
    const { zip, fileName } = await archive.dataPackage({ viewer: null, datasetId: v1.datasetId, n: 1, baseUrl: 'https://p2pvalue.example' });
    expect(fileName).toBe(`${v1.conceptId}-v1.zip`);
    const files = unzip(zip);
    expect([...files.keys()]).toEqual(['datapackage.json', 'data/cases.csv', 'data/notes.md']);
    const descriptor = JSON.parse(files.get('datapackage.json')!);
    expect(descriptor).toMatchObject({ id: `${v1.conceptId}.v1`, licenses: [{ name: 'CC-BY-4.0' }], resources: [{ path: 'data/cases.csv', profile: 'tabular-data-resource', schema: { fields: [{ name: 'nid', type: 'integer' }, { name: 'year', type: 'integer' }] } }, { path: 'data/notes.md' }] });
    expect(files.get('data/cases.csv')).toBe('nid,year\n111,2008\n');

    const bib = await archive.citation({ viewer: null, datasetId: v1.datasetId, n: 1, format: 'bibtex', baseUrl: 'https://p2pvalue.example' });
    expect(bib.text).toContain('author = {Morell, Mayo Fuster}');
    expect(bib.text).toContain('title = {{Packaged \\{data\\} \\& more}}');
    expect(bib.text).toContain('year = {2026}');
    const csl = JSON.parse((await archive.citation({ viewer: null, datasetId: v1.datasetId, n: 1, format: 'csl-json', baseUrl: 'https://x' })).text);
    expect(csl[0]).toMatchObject({ type: 'dataset', version: '1', issued: { 'date-parts': [[2026, 3, 4]] }, author: [{ family: 'Morell', given: 'Mayo Fuster' }] });
    const cff = (await archive.citation({ viewer: null, datasetId: v1.datasetId, n: 1, format: 'cff', baseUrl: 'https://x' })).text;
    expect(cff).toContain('cff-version: 1.2.0');
    expect(cff).toContain('date-released: "2026-03-04"');
    expect(cff).toContain('license: "CC-BY-4.0"');
  });

  it('validates licences, file names and the size limit', async () => {
    await expect(archive.createDataset({ actor: researcher, metadata: { ...metadata, licence: 'WTFPL-9' } })).rejects.toThrow(/SPDX/);
    const v1 = await archive.createDataset({ actor: researcher, metadata });
    await expect(archive.addFile({ actor: researcher, datasetId: v1.datasetId, n: 1, name: '../etc/passwd', content: csv('x') })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(archive.addFile({ actor: researcher, datasetId: v1.datasetId, n: 1, name: 'big.bin', content: new Uint8Array(1024 * 1024 + 1) })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    await expect(archive.addFile({ actor: other, datasetId: v1.datasetId, n: 1, name: 'a.csv', content: csv('a\n') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
