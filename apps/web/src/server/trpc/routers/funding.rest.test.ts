import { describe, expect, it } from 'vitest';
import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { appRouter } from '../root';
import { createContextFromRequest } from '../context';
import { getOpenApiDocument } from '../../rest/openapi';
import { getAuth } from '../../auth/auth';
import { callerFor, createCommunityFixture } from '../../testing/platform-fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies checked field by field below
async function rest(method: 'GET' | 'POST', path: string, opts: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: Record<string, any> }> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const req = new Request(`http://localhost:3999/api/v1${path}`, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  const res = await createOpenApiFetchHandler({ endpoint: '/api/v1', router: appRouter, req, createContext: () => createContextFromRequest(req) });
  return { status: res.status, body: await res.json() };
}

describe('funding REST API', () => {
  it('is in the OpenAPI document', () => {
    const paths = getOpenApiDocument().paths ?? {};
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/projects/{id}/needs', '/needs/{id}', '/rounds/{id}', '/rounds/{id}/pledges']));
    expect(Object.keys(paths['/rounds/{id}/pledges'] ?? {})).toEqual(['post']);
  });

  it('lists and reads needs, pledges with an API token and shows the round with its totals', async () => {
    const f = await createCommunityFixture();
    const admin = callerFor(f.admin);
    const need = await admin.need.create({ projectId: f.publicProject.id, title: 'Mend the fence', goal: 8, effortHours: 3 });
    await admin.need.act({ needId: need.id, action: 'open' });
    const round = await admin.funding.openRound({ community: f.slug, title: 'Autumn', closesAt: new Date(Date.now() + 86_400_000), budgetPerMember: 10 });
    const { key: memberToken } = await getAuth().api.createApiKey({ body: { name: 't', userId: f.member.id } });
    const { key: outsiderToken } = await getAuth().api.createApiKey({ body: { name: 't', userId: f.outsider.id } });

    const list = await rest('GET', `/projects/${f.publicProject.id}/needs`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((n: { title: string; section: string; band: string }) => [n.title, n.section, n.band])).toEqual([['Mend the fence', 'funding', 'low']]);
    // Invite-only projects are not there for outsiders (not found, as for any other reader).
    expect((await rest('GET', `/projects/${f.inviteProject.id}/needs`, { token: outsiderToken })).status).toBe(404);

    const one = await rest('GET', `/needs/${need.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: need.id, title: 'Mend the fence', status: 'open', goal: 8, pledged: 0 });
    expect((await rest('GET', '/needs/00000000-0000-4000-8000-000000000000')).status).toBe(404);

    // Pledging needs a caller; a revoked token is refused, not treated as anonymous.
    expect((await rest('POST', `/rounds/${round.id}/pledges`, { body: { needId: need.id, amount: 3 } })).status).toBe(401);
    expect((await rest('POST', `/rounds/${round.id}/pledges`, { token: 'p2pv_revoked', body: { needId: need.id, amount: 3 } })).status).toBe(401);
    expect((await rest('POST', `/rounds/${round.id}/pledges`, { token: outsiderToken, body: { needId: need.id, amount: 3 } })).status).toBe(403);
    const refused = await rest('POST', `/rounds/${round.id}/pledges`, { token: memberToken, body: { needId: need.id, amount: 2.5 } });
    expect(refused.status).toBe(400);
    const tooMuch = await rest('POST', `/rounds/${round.id}/pledges`, { token: memberToken, body: { needId: need.id, amount: 11 } });
    expect(tooMuch.status).toBe(409);
    expect(JSON.stringify(tooMuch.body)).toContain('INSUFFICIENT_BALANCE');
    const pledged = await rest('POST', `/rounds/${round.id}/pledges`, { token: memberToken, body: { needId: need.id, amount: 3 } });
    expect(pledged.status).toBe(200);
    expect(pledged.body).toEqual({ needId: need.id, amount: 3, needPledged: 3, needStatus: 'open', balance: 7 });

    const view = await rest('GET', `/rounds/${round.id}`, { token: memberToken });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ id: round.id, status: 'open', accepting: true, totals: { pledged: 3, pledgers: 1, needsPledged: 1, funded: 0 }, me: { balance: 7, granted: 10 } });
    expect(view.body.needs.map((n: { id: string; pledged: number }) => [n.id, n.pledged])).toEqual([[need.id, 3]]);
    // Anonymous readers of a public community see the round, without a balance.
    expect((await rest('GET', `/rounds/${round.id}`)).body).toMatchObject({ me: null, totals: { pledged: 3 } });
    // Accounts, invitations and API tokens hash secrets: slow on the shared 2-core machine.
  }, 120_000);
});
