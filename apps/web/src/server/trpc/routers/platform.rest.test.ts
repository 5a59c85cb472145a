import { describe, expect, it } from 'vitest';
import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { appRouter } from '../root';
import { createContextFromRequest } from '../context';
import { getOpenApiDocument } from '../../rest/openapi';
import { getAuth } from '../../auth/auth';
import { createCommunityFixture } from '../../testing/platform-fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies checked field by field below
async function rest(path: string, token?: string): Promise<{ status: number; body: Record<string, any> }> {
  const req = new Request(`http://localhost:3999/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const res = await createOpenApiFetchHandler({ endpoint: '/api/v1', router: appRouter, req, createContext: () => createContextFromRequest(req) });
  return { status: res.status, body: await res.json() };
}

describe('platform REST API', () => {
  it('is in the OpenAPI document', () => {
    const paths = Object.keys(getOpenApiDocument().paths ?? {});
    expect(paths).toEqual(expect.arrayContaining(['/communities', '/projects', '/documents', '/documents/{id}', '/realtime/token']));
  });

  it('answers with what the caller may see, and refuses the rest', async () => {
    const f = await createCommunityFixture();
    const { key: memberToken } = await getAuth().api.createApiKey({ body: { name: 't', userId: f.member.id } });
    const { key: outsiderToken } = await getAuth().api.createApiKey({ body: { name: 't', userId: f.outsider.id } });

    const communities = await rest('/communities');
    expect(communities.status).toBe(200);
    expect(communities.body.items.map((c: { slug: string }) => c.slug)).toContain(f.slug);

    const projects = await rest(`/projects?community=${f.slug}`, memberToken);
    expect(projects.body.items.map((p: { slug: string; shareMode: string }) => [p.slug, p.shareMode]).sort()).toEqual([
      ['by-link', 'link'],
      ['open', 'public'],
    ]);
    expect((await rest(`/projects?community=${f.slug}`)).body.items).toHaveLength(1);

    const docs = await rest(`/documents?project=${f.publicProject.id}`, memberToken);
    expect(docs.status).toBe(200);
    const pad = docs.body.items[0];
    expect(pad).toMatchObject({ title: 'Pad', projectId: f.publicProject.id, collabName: `doc:${pad.id}` });
    const one = await rest(`/documents/${pad.id}`, memberToken);
    expect(one.body).toMatchObject({ id: pad.id, markdown: '' });

    const inviteDocs = await rest(`/documents?project=${f.inviteProject.id}`, outsiderToken);
    expect(inviteDocs.status).toBe(404);
    expect((await rest(`/documents?project=${f.inviteProject.id}`, 'p2pv_revoked')).status).toBe(401);

    const token = await rest('/realtime/token', memberToken);
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ token: expect.stringMatching(/^rt1\./), collabUrl: expect.stringMatching(/\/collab$/) });
    expect((await rest('/realtime/token')).status).toBe(401);
  });
});
