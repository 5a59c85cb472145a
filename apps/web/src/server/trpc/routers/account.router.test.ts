import { describe, expect, it } from 'vitest';
import { createCaller } from '../root';
import { createContextInner } from '../context';
import { createTestUser } from '../../testing/users';
import { resolveViewer } from '../../auth/viewer';

const callerFor = (viewer: Awaited<ReturnType<typeof createTestUser>> | null, opts: { rejectedCredential?: boolean } = {}) =>
  createCaller(createContextInner({ viewer, ...opts }));

describe('account router', () => {
  it('me is null for anonymous callers and the viewer otherwise', async () => {
    expect(await callerFor(null).account.me()).toBeNull();
    const user = await createTestUser();
    expect(await callerFor(user).account.me()).toEqual({ id: user.id, email: user.email, name: user.name, role: 'member' });
  });

  it('refuses anonymous callers on protected procedures', async () => {
    await expect(callerFor(null).account.listApiTokens()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('a presented but invalid credential is refused even on public procedures', async () => {
    await expect(callerFor(null, { rejectedCredential: true }).account.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('creates, lists, uses and revokes a personal API token', async () => {
    const user = await createTestUser();
    const caller = callerFor(user);
    const created = await caller.account.createApiToken({ name: 'my script', expiresInDays: 30 });
    expect(created.token).toMatch(/^p2pv_/);
    expect(created.expiresAt).toBeInstanceOf(Date);

    const listed = await caller.account.listApiTokens();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: created.id, name: 'my script' });
    expect(JSON.stringify(listed)).not.toContain(created.token);

    const headers = new Headers({ authorization: `Bearer ${created.token}` });
    expect(await resolveViewer(headers)).toMatchObject({ id: user.id, via: 'token' });

    await caller.account.revokeApiToken({ id: created.id });
    expect(await resolveViewer(headers)).toBeNull();
    expect(await caller.account.listApiTokens()).toEqual([]);
  });

  it('cannot revoke somebody else’s token', async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    const created = await callerFor(owner).account.createApiToken({ name: 'mine' });
    await expect(callerFor(other).account.revokeApiToken({ id: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await resolveViewer(new Headers({ authorization: `Bearer ${created.token}` }))).toMatchObject({ id: owner.id });
  });

  it('a token cannot mint more tokens', async () => {
    const user = await createTestUser();
    await expect(callerFor({ ...user, via: 'token' }).account.createApiToken({ name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('validates token input with field errors', async () => {
    const user = await createTestUser();
    await expect(callerFor(user).account.createApiToken({ name: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(callerFor(user).account.createApiToken({ name: 'x', expiresInDays: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('an unknown or malformed bearer token resolves to nobody', async () => {
    expect(await resolveViewer(new Headers({ authorization: 'Bearer p2pv_not-a-real-token' }))).toBeNull();
    expect(await resolveViewer(new Headers({ authorization: 'Bearer something-else' }))).toBeNull();
  });
});
