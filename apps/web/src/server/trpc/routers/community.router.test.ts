import { describe, expect, it } from 'vitest';
import { callerFor, createCommunityFixture, uniqueSlug } from '../../testing/platform-fixtures';
import { createTestUser } from '../../testing/users';
import { getDb } from '../../db';

describe('community router', () => {
  it('lets signed-in people create communities and refuses anonymous callers and taken slugs', async () => {
    const user = await createTestUser();
    const slug = uniqueSlug('mine');
    const created = await callerFor(user).community.create({ slug, name: 'Mine', visibility: 'public' });
    expect(created).toMatchObject({ slug, membership: { role: 'owner', status: 'active' }, permissions: { isOwner: true, canManageMembers: true } });
    await expect(callerFor(null).community.create({ slug: uniqueSlug('x'), name: 'Nope' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(callerFor(user).community.create({ slug, name: 'Again' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(callerFor(user).community.create({ slug: 'Bad Slug!', name: 'Bad' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('lists public communities to everyone and private ones to their members and staff', async () => {
    const pub = await createCommunityFixture('public');
    const priv = await createCommunityFixture('private');
    const slugsFor = async (viewer: Parameters<typeof callerFor>[0]) => (await callerFor(viewer).community.list()).items.map((c) => c.slug);
    expect(await slugsFor(null)).toContain(pub.slug);
    expect(await slugsFor(null)).not.toContain(priv.slug);
    expect(await slugsFor(priv.outsider)).not.toContain(priv.slug);
    expect(await slugsFor(priv.member)).toContain(priv.slug);
    expect(await slugsFor(priv.staff)).toContain(priv.slug);
    await expect(callerFor(null).community.get({ slug: priv.slug })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await callerFor(priv.outsider).community.get({ slug: priv.slug })).permissions).toMatchObject({ canViewContents: false, canRequestToJoin: true });
  });

  it('joins public communities at once and private ones by an approved request', async () => {
    const pub = await createCommunityFixture('public');
    expect((await callerFor(pub.outsider).community.join({ slug: pub.slug })).membership).toEqual({ role: 'member', status: 'active' });

    const priv = await createCommunityFixture('private');
    const requested = await callerFor(priv.outsider).community.join({ slug: priv.slug });
    expect(requested.membership).toEqual({ role: 'member', status: 'requested' });
    const notified = await getDb().notification.count({ where: { userId: priv.owner.id, kind: 'community.join-request' } });
    expect(notified).toBe(1);
    await expect(callerFor(priv.member).community.decideRequest({ slug: priv.slug, userId: priv.outsider.id, approve: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { requests } = await callerFor(priv.admin).community.members({ slug: priv.slug });
    expect(requests.map((r) => r.userId)).toEqual([priv.outsider.id]);
    await callerFor(priv.admin).community.decideRequest({ slug: priv.slug, userId: priv.outsider.id, approve: true });
    expect((await callerFor(priv.outsider).community.get({ slug: priv.slug })).permissions.canViewContents).toBe(true);
  });

  it('keeps member e-mails for admins and member lists of private communities for members', async () => {
    const priv = await createCommunityFixture('private');
    await expect(callerFor(priv.outsider).community.members({ slug: priv.slug })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const asMember = await callerFor(priv.member).community.members({ slug: priv.slug });
    expect(asMember.members).toHaveLength(3);
    expect(asMember.members.every((m) => m.email === '')).toBe(true);
    const asAdmin = await callerFor(priv.admin).community.members({ slug: priv.slug });
    expect(asAdmin.members.find((m) => m.userId === priv.member.id)?.email).toBe(priv.member.email);
  });

  it('manages roles: admins cannot touch owners, the last owner cannot leave or be demoted', async () => {
    const f = await createCommunityFixture();
    await expect(callerFor(f.member).community.setMemberRole({ slug: f.slug, userId: f.member.id, role: 'admin' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(f.admin).community.setMemberRole({ slug: f.slug, userId: f.owner.id, role: 'member' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(f.admin).community.setMemberRole({ slug: f.slug, userId: f.member.id, role: 'owner' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await callerFor(f.admin).community.setMemberRole({ slug: f.slug, userId: f.member.id, role: 'admin' })).toEqual({ userId: f.member.id, role: 'admin' });
    await expect(callerFor(f.owner).community.leave({ community: f.slug })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(callerFor(f.owner).community.setMemberRole({ slug: f.slug, userId: f.owner.id, role: 'member' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await callerFor(f.staff).community.setMemberRole({ slug: f.slug, userId: f.admin.id, role: 'owner' });
    await callerFor(f.owner).community.leave({ community: f.slug });
    expect((await callerFor(f.owner).community.get({ slug: f.slug })).membership).toBeNull();
    await expect(callerFor(f.outsider).community.leave({ community: f.slug })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('honours invitation expiry, use limits and revocation', async () => {
    const f = await createCommunityFixture('private');
    const limited = await callerFor(f.admin).community.createInvite({ slug: f.slug, maxUses: 1 });
    const [a, b] = await Promise.all([createTestUser(), createTestUser()]);
    expect((await callerFor(null).community.previewInvite({ token: limited.token })).valid).toBe(true);
    await callerFor(a).community.acceptInvite({ token: limited.token });
    await expect(callerFor(b).community.acceptInvite({ token: limited.token })).rejects.toMatchObject({ code: 'CONFLICT' });

    const revoked = await callerFor(f.admin).community.createInvite({ slug: f.slug });
    await callerFor(f.admin).community.revokeInvite({ slug: f.slug, inviteId: revoked.invite.id });
    await expect(callerFor(b).community.acceptInvite({ token: revoked.token })).rejects.toMatchObject({ code: 'CONFLICT' });

    const expired = await callerFor(f.admin).community.createInvite({ slug: f.slug, expiresInHours: 1 });
    await getDb().invite.update({ where: { id: expired.invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await callerFor(null).community.previewInvite({ token: expired.token })).reason).toMatch(/expired/);
    await expect(callerFor(b).community.acceptInvite({ token: expired.token })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(callerFor(b).community.acceptInvite({ token: 'x'.repeat(43) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerFor(f.member).community.createInvite({ slug: f.slug })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const stored = await getDb().invite.findUnique({ where: { id: limited.invite.id } });
    expect(stored?.tokenHash).not.toContain(limited.token);
  });

  it('shows recent activity without leaking invite-only projects', async () => {
    const f = await createCommunityFixture();
    const asMember = await callerFor(f.member).community.activity({ slug: f.slug });
    expect(asMember.some((e) => e.projectId === f.publicProject.id)).toBe(true);
    expect(asMember.some((e) => e.projectId === f.inviteProject.id)).toBe(false);
    const asOwner = await callerFor(f.owner).community.activity({ slug: f.slug });
    expect(asOwner.some((e) => e.projectId === f.inviteProject.id)).toBe(true);
  });
});
