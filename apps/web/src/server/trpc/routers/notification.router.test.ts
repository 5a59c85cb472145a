import { describe, expect, it } from 'vitest';
import { callerFor, createCommunityFixture } from '../../testing/platform-fixtures';
import { createTestUser } from '../../testing/users';

const kindsOf = async (user: Parameters<typeof callerFor>[0]) => (await callerFor(user).notification.list({ limit: 50 })).items.map((n) => n.kind);

describe('notification router', () => {
  it('refuses anonymous callers', async () => {
    await expect(callerFor(null).notification.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(callerFor(null).notification.markAllRead()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('notifies invitations accepted, role changes and being added to a project, each to the right person only', async () => {
    const f = await createCommunityFixture();
    // The fixture's admin and member joined through the owner's invitations.
    const owners = await callerFor(f.owner).notification.list({});
    expect(owners.items.filter((n) => n.kind === 'community.invite-accepted').map((n) => n.text).sort()).toEqual(
      [`Adam Admin joined Community ${f.slug} with your invitation`, `Mia Member joined Community ${f.slug} with your invitation`],
    );

    await callerFor(f.owner).community.setMemberRole({ slug: f.slug, userId: f.member.id, role: 'admin' });
    const [changed] = (await callerFor(f.member).notification.list({})).items;
    expect(changed).toMatchObject({ kind: 'community.role-changed', text: `Olive Owner made you admin of Community ${f.slug}`, href: `/communities/${f.slug}`, read: false });
    // Setting the same role again is not news.
    await callerFor(f.owner).community.setMemberRole({ slug: f.slug, userId: f.member.id, role: 'admin' });
    expect((await kindsOf(f.member)).filter((k) => k === 'community.role-changed')).toHaveLength(1);

    await callerFor(f.owner).project.addMember({ projectId: f.inviteProject.id, userId: f.admin.id });
    await callerFor(f.owner).project.addMember({ projectId: f.inviteProject.id, userId: f.admin.id });
    const added = (await callerFor(f.admin).notification.list({})).items.filter((n) => n.kind === 'project.member-added');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ text: 'Olive Owner added you to the project Core team', href: `/communities/${f.slug}/projects/core` });
    expect(await kindsOf(f.outsider)).toEqual([]);
  });

  it('lets a member read and mark only their own notifications', async () => {
    const f = await createCommunityFixture();
    await callerFor(f.owner).community.setMemberRole({ slug: f.slug, userId: f.member.id, role: 'admin' });
    const ownerIds = (await callerFor(f.owner).notification.list({})).items.map((n) => n.id);
    expect(ownerIds.length).toBeGreaterThan(0);

    // Someone else's ids are ignored, not marked.
    expect(await callerFor(f.member).notification.markRead({ ids: ownerIds })).toEqual({ marked: 0, unread: 1 });
    expect((await callerFor(f.owner).notification.unreadCount()).unread).toBe(ownerIds.length);
    expect((await callerFor(f.member).notification.list({})).items.map((n) => n.id)).not.toContain(ownerIds[0]);

    expect(await callerFor(f.owner).notification.markAllRead()).toEqual({ marked: ownerIds.length, unread: 0 });
    expect((await callerFor(f.member).notification.unreadCount()).unread).toBe(1);
    await expect(callerFor(f.member).notification.markRead({ ids: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('stores channel mutes and the digest setting per member', async () => {
    const [ana, ben] = await Promise.all([createTestUser(), createTestUser()]);
    await callerFor(ana).notification.setChannelMuted({ channelId: 'channel-1', muted: true });
    expect(await callerFor(ana).notification.mutedChannels()).toEqual({ channels: [{ channelId: 'channel-1', label: 'A channel that no longer exists' }] });
    expect(await callerFor(ben).notification.mutedChannels()).toEqual({ channels: [] });
    await expect(callerFor(ana).notification.setChannelMuted({ channelId: '', muted: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    expect(await callerFor(ana).notification.saveSettings({ dailyDigest: true })).toEqual({ dailyDigest: true });
    expect(await callerFor(ana).notification.settings()).toEqual({ dailyDigest: true });
    expect(await callerFor(ben).notification.settings()).toEqual({ dailyDigest: false });
    expect(await callerFor(ana).notification.digest()).toMatchObject({ total: 0, unread: 0, groups: [] });
  });
});
