import { describe, expect, it } from 'vitest';
import { callerFor, createCommunityFixture } from '../../testing/platform-fixtures';
import { getDb } from '../../db';

describe('project router', () => {
  it('lists what each role may see: anonymous, non-member, member, admin, staff', async () => {
    const f = await createCommunityFixture();
    const titles = async (viewer: Parameters<typeof callerFor>[0]) => (await callerFor(viewer).project.list({ community: f.slug })).items.map((p) => p.slug).sort();
    expect(await titles(null)).toEqual(['open']);
    expect(await titles(f.outsider)).toEqual(['open']);
    expect(await titles(f.member)).toEqual(['by-link', 'open']);
    expect(await titles(f.admin)).toEqual(['by-link', 'core', 'open']);
    expect(await titles(f.staff)).toEqual(['by-link', 'core', 'open']);
  });

  it('opens link-only projects to holders of the link, read-only', async () => {
    const f = await createCommunityFixture();
    await expect(callerFor(f.outsider).project.get({ projectId: f.linkProject.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const linkKey = (await callerFor(f.owner).project.get({ projectId: f.linkProject.id })).linkKey;
    expect(linkKey).toBeTruthy();
    const seen = await callerFor(f.outsider).project.get({ projectId: f.linkProject.id, linkKey });
    expect(seen).toMatchObject({ linkKey: null, permissions: { access: 'read', listed: false } });
    const rotated = await callerFor(f.owner).project.rotateLink({ projectId: f.linkProject.id });
    await expect(callerFor(f.outsider).project.get({ projectId: f.linkProject.id, linkKey })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(rotated.linkKey).not.toBe(linkKey);
  });

  it('keeps invite-only projects to participants, admins and staff', async () => {
    const f = await createCommunityFixture();
    await expect(callerFor(f.member).project.get({ projectId: f.inviteProject.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerFor(f.member).project.join({ projectId: f.inviteProject.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerFor(f.outsider).project.addMember({ projectId: f.inviteProject.id, userId: f.outsider.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerFor(f.owner).project.addMember({ projectId: f.inviteProject.id, userId: f.outsider.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await callerFor(f.owner).project.addMember({ projectId: f.inviteProject.id, userId: f.member.id });
    expect((await callerFor(f.member).project.get({ projectId: f.inviteProject.id })).permissions.access).toBe('write');
    const { token } = await callerFor(f.admin).community.createInvite({ slug: f.slug, projectId: f.inviteProject.id });
    await callerFor(f.outsider).community.acceptInvite({ token });
    expect((await callerFor(f.outsider).project.get({ projectId: f.inviteProject.id })).isMember).toBe(true);
  });

  it('orders featured first, then by recent activity; only admins and staff feature and archive', async () => {
    const f = await createCommunityFixture();
    await expect(callerFor(f.member).project.setFeatured({ projectId: f.linkProject.id, featured: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await callerFor(f.admin).project.setFeatured({ projectId: f.linkProject.id, featured: true });
    await getDb().project.update({ where: { id: f.inviteProject.id }, data: { lastActivityAt: new Date(Date.now() + 60_000) } });
    const order = (await callerFor(f.owner).project.list({ community: f.slug })).items.map((p) => p.slug);
    expect(order).toEqual(['by-link', 'core', 'open']);

    await expect(callerFor(f.member).project.setArchived({ projectId: f.publicProject.id, archived: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const archived = await callerFor(f.staff).project.setArchived({ projectId: f.publicProject.id, archived: true });
    expect(archived.permissions.access).toBe('read');
    expect((await callerFor(f.owner).project.list({ community: f.slug })).items.map((p) => p.slug)).not.toContain('open');
    expect((await callerFor(f.owner).project.list({ community: f.slug, includeArchived: 'true' })).items.map((p) => p.slug)).toContain('open');
  });

  it('records supporters once and lets members create and edit projects', async () => {
    const f = await createCommunityFixture();
    await callerFor(f.outsider).project.setSupport({ projectId: f.publicProject.id, support: true });
    const again = await callerFor(f.outsider).project.setSupport({ projectId: f.publicProject.id, support: true });
    expect(again).toMatchObject({ supporterCount: 1, isSupporter: true });
    expect(await getDb().contributionEvent.count({ where: { userId: f.outsider.id, kind: 'project.support' } })).toBe(1);
    await expect(callerFor(null).project.setSupport({ projectId: f.publicProject.id, support: true })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    await expect(callerFor(f.outsider).project.create({ community: f.slug, slug: 'mine', title: 'Mine' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const created = await callerFor(f.member).project.create({ community: f.slug, slug: 'mine', title: 'Mine' });
    expect(created).toMatchObject({ isMember: true, memberCount: 1, permissions: { canEditDetails: true } });
    await expect(callerFor(f.member).project.create({ community: f.slug, slug: 'mine', title: 'Again' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const renamed = await callerFor(f.member).project.update({ projectId: created.id, title: 'Renamed', shareMode: 'invite' });
    expect(renamed).toMatchObject({ title: 'Renamed', shareMode: 'invite' });
    await expect(callerFor(f.outsider).project.update({ projectId: f.publicProject.id, title: 'Hijack' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
