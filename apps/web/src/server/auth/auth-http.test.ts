import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getAuth } from './auth';
import { getDb } from '../db';

// Through better-auth's HTTP handler, exactly as the browser calls it.
const base = 'http://localhost:3999/api/auth';
const freshIp = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const email = () => `h-${randomBytes(6).toString('hex')}@example.org`;

async function post(path: string, body: unknown, ip = freshIp()) {
  const res = await getAuth().handler(
    new Request(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3999', 'x-forwarded-for': ip },
      body: JSON.stringify(body),
    }),
  );
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null, headers: res.headers };
}

describe('sign-up and sign-in over HTTP', () => {
  it('signs up, sets an httpOnly session cookie, and gives new accounts the member role', async () => {
    const address = email();
    const res = await post('/sign-up/email', { email: address, password: 'correct horse', name: 'New Person' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/p2pv\.session_token=.*HttpOnly/i);
    const user = await getDb().user.findUnique({ where: { email: address }, select: { role: true } });
    expect(user?.role).toBe('member');
  });

  it('ignores a role smuggled into sign-up', async () => {
    const address = email();
    const res = await post('/sign-up/email', { email: address, password: 'correct horse', name: 'Sneaky', role: 'staff' });
    expect(res.status).toBeGreaterThanOrEqual(200);
    const user = await getDb().user.findUnique({ where: { email: address }, select: { role: true } });
    expect(user?.role ?? 'member').toBe('member');
  });

  it('rejects malformed sign-up data with a clear error and writes nothing', async () => {
    const address = email();
    const bad = await post('/sign-up/email', { email: 'not-an-email', password: 'correct horse', name: 'X' });
    expect(bad.status).toBe(400);
    const short = await post('/sign-up/email', { email: address, password: 'short', name: 'X' });
    expect(short.status).toBe(400);
    expect(String(short.body?.code)).toMatch(/PASSWORD_TOO_SHORT/);
    expect(await getDb().user.count({ where: { email: address } })).toBe(0);
  });

  it('refuses a duplicate email', async () => {
    const address = email();
    expect((await post('/sign-up/email', { email: address, password: 'correct horse', name: 'One' })).status).toBe(200);
    const again = await post('/sign-up/email', { email: address, password: 'another pass', name: 'Two' });
    expect(again.status).toBe(422);
    expect(String(again.body?.code)).toMatch(/USER_ALREADY_EXISTS/);
    expect(await getDb().user.count({ where: { email: address } })).toBe(1);
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const address = email();
    await post('/sign-up/email', { email: address, password: 'correct horse', name: 'One' });
    const wrong = await post('/sign-in/email', { email: address, password: 'wrong horse' });
    const unknown = await post('/sign-in/email', { email: email(), password: 'wrong horse' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body?.message).toEqual(unknown.body?.message);
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await post('/sign-in/email', { email: email(), password: 'wrong horse' }, ip)).status);
    expect(statuses).toContain(429);
    // Another address is not affected.
    expect((await post('/sign-in/email', { email: email(), password: 'wrong horse' })).status).toBe(401);
  });
});
