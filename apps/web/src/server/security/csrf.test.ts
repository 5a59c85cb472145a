import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { getAuth } from '../auth/auth';
import { getDb } from '../db';
import { createContextFromRequest } from '../trpc/context';
import { appRouter } from '../trpc/root';
import { TINY_DESIGN } from './security-fixtures';

// Cookie-authenticated mutations, sent as a page on another origin could make a browser send
// them: through the same handlers as /api/trpc and /api/v1, with a real better-auth session.
const ORIGIN = 'http://localhost:3999';
const FOREIGN = 'https://evil.example';

let cookie: string;
let userId: string;

async function signUp(): Promise<{ cookie: string; userId: string }> {
  const res = await getAuth().handler(
    new Request(`${ORIGIN}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}` },
      body: JSON.stringify({ email: `csrf-${randomBytes(6).toString('hex')}@example.org`, password: 'correct horse battery', name: 'Cora Cookie' }),
    }),
  );
  expect(res.status).toBe(200);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const session = /p2pv\.session_token=[^;]+/.exec(setCookie)?.[0];
  if (!session) throw new Error(`no session cookie in ${setCookie}`);
  return { cookie: session, userId: ((await res.json()) as { user: { id: string } }).user.id };
}

beforeAll(async () => {
  // better-auth skips its Origin check when NODE_ENV is test; check what production does.
  (await getAuth().$context).skipOriginCheck = false;
  ({ cookie, userId } = await signUp());
  // REST's experiment submission needs a researcher.
  await getDb().user.update({ where: { id: userId }, data: { role: 'researcher' } });
});

/** POST /api/trpc/community.create as the signed-in user; returns the status and whether the community now exists. */
async function trpcCreateCommunity(headers: Record<string, string>, body?: BodyInit): Promise<{ status: number; created: boolean }> {
  const slug = `csrf-${randomBytes(4).toString('hex')}`;
  const req = new Request(`${ORIGIN}/api/trpc/community.create`, {
    method: 'POST',
    headers: { cookie, ...headers },
    body: body ?? JSON.stringify({ json: { slug, name: 'Forged community' } }),
  });
  const res = await fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: () => createContextFromRequest(req) });
  const created = (await getDb().community.count({ where: { slug } })) > 0;
  return { status: res.status, created };
}

/** POST /api/v1/experiments as the signed-in researcher; returns the status and whether an experiment was queued. */
async function restSubmitExperiment(headers: Record<string, string>, body?: BodyInit): Promise<{ status: number; created: boolean }> {
  const before = await getDb().experiment.count({ where: { ownerId: userId } });
  const req = new Request(`${ORIGIN}/api/v1/experiments`, {
    method: 'POST',
    headers: { cookie, ...headers },
    body: body ?? JSON.stringify({ ...TINY_DESIGN, idempotencyKey: `csrf-${randomBytes(4).toString('hex')}` }),
  });
  const res = await createOpenApiFetchHandler({ endpoint: '/api/v1', router: appRouter, req, createContext: () => createContextFromRequest(req) });
  const after = await getDb().experiment.count({ where: { ownerId: userId } });
  return { status: res.status, created: after > before };
}

const json = { 'content-type': 'application/json' };

describe('CSRF on cookie-authenticated mutations', () => {
  it('the session cookie is HttpOnly and SameSite=Lax, so browsers do not send it on cross-site POSTs', async () => {
    const res = await getAuth().handler(
      new Request(`${ORIGIN}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { ...json, origin: ORIGIN, 'x-forwarded-for': `10.8.${randomBytes(1)[0]}.${randomBytes(1)[0]}` },
        body: JSON.stringify({ email: `csrf-${randomBytes(6).toString('hex')}@example.org`, password: 'correct horse battery', name: 'Sam Site' }),
      }),
    );
    const session = (res.headers.get('set-cookie') ?? '').split(/,(?=\s*[\w.-]+=)/).find((c) => c.trim().startsWith('p2pv.session_token='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=(Lax|Strict)/i);
  });

  it('the same mutations from the app’s own origin go through (the control)', async () => {
    expect(await trpcCreateCommunity({ ...json, origin: ORIGIN })).toMatchObject({ status: 200, created: true });
    expect(await restSubmitExperiment({ ...json, origin: ORIGIN })).toMatchObject({ status: 200, created: true });
  });

  it('better-auth refuses its own endpoints from a foreign Origin', async () => {
    const other = await signUp();
    const res = await getAuth().handler(
      new Request(`${ORIGIN}/api/auth/sign-out`, { method: 'POST', headers: { ...json, cookie: other.cookie, origin: FOREIGN }, body: '{}' }),
    );
    expect(res.status).toBe(403);
    const same = await getAuth().handler(new Request(`${ORIGIN}/api/auth/sign-out`, { method: 'POST', headers: { ...json, cookie: other.cookie, origin: ORIGIN }, body: '{}' }));
    expect(same.status).toBe(200);
  });

  it('a cross-site HTML form cannot post a tRPC mutation (only JSON is accepted, which needs a CORS preflight)', async () => {
    const body = JSON.stringify({ json: { slug: `csrf-${randomBytes(4).toString('hex')}`, name: 'Forged community' } });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      expect((await trpcCreateCommunity({ 'content-type': type, origin: FOREIGN }, body)).created, type).toBe(false);
    }
    const form = new FormData();
    form.set('slug', `csrf-${randomBytes(4).toString('hex')}`);
    form.set('name', 'Forged community');
    expect((await trpcCreateCommunity({ origin: FOREIGN }, form)).created, 'multipart/form-data').toBe(false);
  });

  it('a cross-site HTML form cannot post a REST mutation', async () => {
    const body = JSON.stringify({ ...TINY_DESIGN, idempotencyKey: `csrf-${randomBytes(4).toString('hex')}` });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      expect((await restSubmitExperiment({ 'content-type': type, origin: FOREIGN }, body)).created, type).toBe(false);
    }
  });

  // A JSON POST with the session cookie from https://evil.example is refused before any procedure
  // (server/auth/cross-site.ts; defence in depth, OWASP ASVS 13.2.3: browsers also need a CORS
  // preflight for JSON and do not send the Lax cookie cross-site).
  it('a tRPC mutation with the session cookie from a foreign Origin is refused', async () => {
    const forged = await trpcCreateCommunity({ ...json, origin: FOREIGN });
    expect(forged.created).toBe(false);
    expect(forged.status).toBe(403);
  });

  // The same for /api/v1 (trpc-to-openapi builds its context with the same function).
  it('a REST mutation with the session cookie from a foreign Origin is refused', async () => {
    const forged = await restSubmitExperiment({ ...json, origin: FOREIGN });
    expect(forged.created).toBe(false);
    expect(forged.status).toBe(403);
  });
});
