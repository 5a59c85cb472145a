import { describe, expect, it } from 'vitest';
import { createCaller } from '../root';
import { createContextInner } from '../context';
import { createTestUser } from '../../testing/users';
import { getDb } from '../../db';
import { getOpenApiDocument } from '../../rest/openapi';
import { downloadCitation, downloadDataPackage, downloadDatasetFile, uploadDatasetFile } from './archive.http';

const callerFor = (viewer: Awaited<ReturnType<typeof createTestUser>> | null) => createCaller(createContextInner({ viewer }));
const metadata = { title: 'Directory snapshot', creators: [{ name: 'Ada Researcher' }], licence: 'CC-BY-4.0' };
const put = (body: string) => new Request('http://x/upload', { method: 'PUT', body, headers: { 'content-length': String(Buffer.byteLength(body)) } });

describe('archive router and downloads', () => {
  it('researchers deposit, publish v1 and v2; everyone downloads both and the citation', async () => {
    const researcher = await createTestUser('researcher', 'Ada Researcher');
    const member = await createTestUser('member');
    await expect(callerFor(member).archive.create({ metadata })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const draft = await callerFor(researcher).archive.create({ metadata });
    const ref = { id: draft.datasetId, n: '1' };
    expect((await uploadDatasetFile(getDb(), member, { ...ref, name: 'a.csv' }, put('a\n1\n'))).status).toBe(403);
    const uploaded = await uploadDatasetFile(getDb(), researcher, { ...ref, name: 'cases.csv' }, put('nid,name\n111,Guifi\n'));
    expect(uploaded.status).toBe(201);
    expect(await uploaded.json()).toMatchObject({ name: 'cases.csv', tableSchema: { fields: [{ name: 'nid', type: 'integer' }, { name: 'name', type: 'string' }] } });

    // a draft is invisible to the public
    await expect(callerFor(null).archive.get({ id: draft.datasetId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await downloadDatasetFile(getDb(), null, { ...ref, name: 'cases.csv' })).status).toBe(404);

    await callerFor(researcher).archive.publish({ id: draft.datasetId, n: 1 });
    const v2 = await callerFor(researcher).archive.createVersion({ id: draft.datasetId });
    expect(v2).toMatchObject({ n: 2, status: 'draft', versionId: `${draft.conceptId}.v2` });
    await uploadDatasetFile(getDb(), researcher, { id: draft.datasetId, n: '2', name: 'cases.csv' }, put('nid,name\n111,Guifi\n403,Tabacalera\n'));
    await callerFor(researcher).archive.publish({ id: draft.datasetId, n: 2 });

    const publicView = await callerFor(null).archive.get({ id: draft.datasetId });
    expect(publicView.versions.map((version) => version.n)).toEqual([2, 1]);
    expect(JSON.stringify(publicView)).not.toContain(researcher.id);
    const one = await downloadDatasetFile(getDb(), null, { ...ref, name: 'cases.csv' });
    const two = await downloadDatasetFile(getDb(), null, { id: draft.datasetId, n: '2', name: 'cases.csv' });
    expect(await one.text()).toBe('nid,name\n111,Guifi\n');
    expect(await two.text()).toContain('Tabacalera');
    const zip = await downloadDataPackage(getDb(), null, ref, 'http://x');
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(Buffer.from(await zip.arrayBuffer()).subarray(0, 4).toString('hex')).toBe('504b0304');
    const bib = await downloadCitation(getDb(), null, ref, new URL('http://x/c?format=bibtex'));
    expect(await bib.text()).toContain(`${draft.conceptId}.v1`);
    expect((await downloadCitation(getDb(), null, ref, new URL('http://x/c?format=ris'))).status).toBe(400);

    const listed = await callerFor(null).archive.list({ pageSize: 100 });
    expect(listed.items.find((item) => item.datasetId === draft.datasetId)).toMatchObject({ n: 2 });
  });

  it('publishes the archive JSON endpoints in the OpenAPI document', () => {
    const paths = Object.keys(getOpenApiDocument().paths ?? {});
    expect(paths).toEqual(expect.arrayContaining(['/datasets', '/datasets/{id}', '/datasets/{id}/versions/{n}']));
  });
});
