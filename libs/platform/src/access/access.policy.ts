import type { TUserRole } from '../accounts/user-role';

/**
 * The platform's access rules, in one place. Every edge (tRPC, REST, Hocuspocus, pages) asks these
 * pure functions, given facts loaded by `createAccessService`; nothing else decides who may see or
 * edit a community, project or document.
 */
export type TCommunityVisibility = 'public' | 'private';
export type TMembershipRole = 'owner' | 'admin' | 'member';
export type TMembershipStatus = 'active' | 'requested';
export type TShareMode = 'public' | 'link' | 'invite';
export type TProjectAccess = 'none' | 'read' | 'write';

export interface AccessActor {
  id: string;
  role: TUserRole;
}

export interface CommunityFacts {
  visibility: TCommunityVisibility;
  membership: { role: TMembershipRole; status: TMembershipStatus } | null;
}

export interface ProjectFacts extends CommunityFacts {
  shareMode: TShareMode;
  archived: boolean;
  isProjectMember: boolean;
  /** The caller presented the project's share-link key. */
  hasLinkKey: boolean;
}

export interface CommunityPermissions {
  /** Name, description and avatar: public communities to everyone, private ones to signed-in users (to ask to join). */
  canViewProfile: boolean;
  /** Projects, members and activity. */
  canViewContents: boolean;
  isMember: boolean;
  isAdmin: boolean;
  isOwner: boolean;
  canJoin: boolean;
  canRequestToJoin: boolean;
  canCreateProject: boolean;
  canManageMembers: boolean;
  canLeave: boolean;
}

export interface ProjectPermissions {
  access: TProjectAccess;
  /** Appears in the community's project list (link projects are reachable, not listed). */
  listed: boolean;
  canEditDetails: boolean;
  canManageMembers: boolean;
  canFeature: boolean;
  canArchive: boolean;
  canSupport: boolean;
  canComment: boolean;
}

const isStaff = (actor: AccessActor | null) => actor?.role === 'staff';
const isActiveMember = (facts: CommunityFacts) => facts.membership?.status === 'active';
const isCommunityAdmin = (facts: CommunityFacts) => isActiveMember(facts) && (facts.membership?.role === 'owner' || facts.membership?.role === 'admin');

export function communityPermissions(actor: AccessActor | null, facts: CommunityFacts): CommunityPermissions {
  const staff = isStaff(actor);
  const member = isActiveMember(facts);
  const admin = isCommunityAdmin(facts);
  const contents = facts.visibility === 'public' || member || staff;
  return {
    canViewProfile: facts.visibility === 'public' || actor !== null,
    canViewContents: contents,
    isMember: member,
    isAdmin: admin,
    isOwner: member && facts.membership?.role === 'owner',
    canJoin: actor !== null && facts.membership === null && facts.visibility === 'public',
    canRequestToJoin: actor !== null && facts.membership === null && facts.visibility === 'private',
    canCreateProject: member || staff,
    canManageMembers: admin || staff,
    canLeave: facts.membership !== null,
  };
}

export function projectPermissions(actor: AccessActor | null, facts: ProjectFacts): ProjectPermissions {
  const staff = isStaff(actor);
  const member = isActiveMember(facts);
  const admin = isCommunityAdmin(facts);
  const participant = member && facts.isProjectMember;

  let access: TProjectAccess = 'none';
  if (staff || admin || participant) access = 'write';
  else if (member && facts.shareMode !== 'invite') access = 'write';
  else if (facts.shareMode === 'public' && facts.visibility === 'public') access = 'read';
  else if (facts.shareMode === 'link' && facts.hasLinkKey) access = 'read';
  if (facts.archived && access === 'write') access = 'read';

  const listed =
    staff || admin || participant || (facts.shareMode === 'public' && (facts.visibility === 'public' || member)) || (facts.shareMode === 'link' && member);
  const manager = staff || admin || participant;
  return {
    access,
    listed,
    canEditDetails: manager && !facts.archived,
    canManageMembers: manager,
    canFeature: staff || admin,
    canArchive: staff || admin,
    canSupport: actor !== null && access !== 'none',
    canComment: access === 'write',
  };
}

/** Who may change whose role: owners anything; admins only among admins and members. */
export function canChangeMemberRole(actorRole: TMembershipRole | null, staff: boolean, targetRole: TMembershipRole, newRole: TMembershipRole): boolean {
  if (staff || actorRole === 'owner') return true;
  if (actorRole === 'admin') return targetRole !== 'owner' && newRole !== 'owner';
  return false;
}
