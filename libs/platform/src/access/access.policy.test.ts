import { describe, expect, it } from 'vitest';
import { canChangeMemberRole, communityPermissions, projectPermissions, type ProjectFacts } from './access.policy';

const member = { id: 'u1', role: 'member' as const };
const staff = { id: 's1', role: 'staff' as const };
const active = (role: 'owner' | 'admin' | 'member' = 'member') => ({ role, status: 'active' as const });
const base: ProjectFacts = { visibility: 'public', membership: null, shareMode: 'public', archived: false, isProjectMember: false, hasLinkKey: false };

describe('project access policy', () => {
  it.each([
    ['anonymous, public project in public community', null, {}, 'read', true],
    ['anonymous, link project without key', null, { shareMode: 'link' }, 'none', false],
    ['anonymous, link project with key', null, { shareMode: 'link', hasLinkKey: true }, 'read', false],
    ['anonymous, invite project', null, { shareMode: 'invite' }, 'none', false],
    ['non-member, public project in private community', member, { visibility: 'private' }, 'none', false],
    ['requested member, private community', member, { visibility: 'private', membership: { role: 'member', status: 'requested' } }, 'none', false],
    ['member, public project', member, { membership: active() }, 'write', true],
    ['member, link project', member, { membership: active(), shareMode: 'link' }, 'write', true],
    ['member, invite project', member, { membership: active(), shareMode: 'invite' }, 'none', false],
    ['participant, invite project', member, { membership: active(), shareMode: 'invite', isProjectMember: true }, 'write', true],
    ['admin, invite project', member, { membership: active('admin'), shareMode: 'invite' }, 'write', true],
    ['staff, invite project in private community', staff, { visibility: 'private', shareMode: 'invite' }, 'write', true],
    ['participant, archived project', member, { membership: active(), isProjectMember: true, archived: true }, 'read', true],
  ] as const)('%s', (_label, actor, facts, access, listed) => {
    const p = projectPermissions(actor, { ...base, ...facts });
    expect(p.access).toBe(access);
    expect(p.listed).toBe(listed);
  });

  it('lets only admins and staff feature and archive', () => {
    expect(projectPermissions(member, { ...base, membership: active(), isProjectMember: true }).canFeature).toBe(false);
    expect(projectPermissions(member, { ...base, membership: active('admin') }).canFeature).toBe(true);
    expect(projectPermissions(staff, base).canArchive).toBe(true);
  });
});

describe('community access policy', () => {
  it('hides private contents from non-members but lets signed-in people ask to join', () => {
    const anon = communityPermissions(null, { visibility: 'private', membership: null });
    expect(anon).toMatchObject({ canViewProfile: false, canViewContents: false, canRequestToJoin: false });
    const outsider = communityPermissions(member, { visibility: 'private', membership: null });
    expect(outsider).toMatchObject({ canViewProfile: true, canViewContents: false, canRequestToJoin: true, canJoin: false });
    expect(communityPermissions(member, { visibility: 'public', membership: null })).toMatchObject({ canJoin: true, canViewContents: true });
    expect(communityPermissions(member, { visibility: 'private', membership: active('admin') })).toMatchObject({ canManageMembers: true, isAdmin: true });
  });

  it('keeps ownership changes for owners', () => {
    expect(canChangeMemberRole('admin', false, 'member', 'admin')).toBe(true);
    expect(canChangeMemberRole('admin', false, 'member', 'owner')).toBe(false);
    expect(canChangeMemberRole('admin', false, 'owner', 'member')).toBe(false);
    expect(canChangeMemberRole('owner', false, 'owner', 'member')).toBe(true);
    expect(canChangeMemberRole('member', false, 'member', 'admin')).toBe(false);
  });
});
