import { AppError } from '@p2pvalue/shared';
import { z } from 'zod';
import { canChangeMemberRole, type AccessActor, type CommunityPermissions, type TMembershipRole } from '../access/access.policy';
import type { AccessService } from '../access/access.service';
import type { ContributionRepository, ContributionRow } from '../contributions/contribution.repository';
import type { NotificationRepository } from '../notifications/notification.repository';
import type { ProjectRepository } from '../projects/project.repository';
import { projectPermissions } from '../access/access.policy';
import type { CommunityRepository, CommunityRow, MemberWithUser, MembershipRow } from './community.repository';
import type { InviteRepository, InviteRow } from './invite.repository';
import { hashInviteToken, newInviteToken } from './invite-token';
import { ZCreateCommunityInput, ZCreateInviteInput, ZUpdateCommunityInput } from './community.schemas';

export interface CommunityView extends CommunityRow {
  membership: { role: TMembershipRole; status: 'active' | 'requested' } | null;
  permissions: CommunityPermissions;
}

export interface CommunityDeps {
  communities: CommunityRepository;
  invites: InviteRepository;
  projects: ProjectRepository;
  notifications: NotificationRepository;
  contributions: ContributionRepository;
  access: AccessService;
  clock: () => Date;
  /** Called (awaited) after a member's standing was ended or reduced, e.g. to drop their live chat rooms. */
  onMembershipReduced?: (userId: string) => Promise<void>;
}

function view(community: CommunityRow, membership: MembershipRow | null, permissions: CommunityPermissions): CommunityView {
  return { ...community, membership: membership ? { role: membership.role, status: membership.status } : null, permissions };
}

export function createCommunityService(deps: CommunityDeps) {
  const { communities, invites, projects, notifications, contributions, access, clock } = deps;
  const reduced = (userId: string) => deps.onMembershipReduced?.(userId);

  async function adminAccessOrThrow(actor: AccessActor, slug: string) {
    const ctx = await access.communityBySlugOrThrow(actor, slug);
    if (!ctx.permissions.canManageMembers) throw new AppError('FORBIDDEN', 'Only community admins can do this.');
    return ctx;
  }

  return {
    async listCommunities(actor: AccessActor | null) {
      const rows = await communities.listVisible({ userId: actor?.id ?? null, all: actor?.role === 'staff', take: 200 });
      const memberships = actor ? new Map((await communities.listMembershipsOfUser(actor.id)).map((m) => [m.communityId, m])) : new Map<string, MembershipRow>();
      return rows.map((row) => {
        const m = memberships.get(row.id) ?? null;
        return { ...row, membership: m ? { role: m.role, status: m.status } : null };
      });
    },

    async getCommunityOrThrow(actor: AccessActor | null, slug: string): Promise<CommunityView> {
      const ctx = await access.communityBySlugOrThrow(actor, slug);
      return view(ctx.community, ctx.membership, ctx.permissions);
    },

    async createCommunity(actor: AccessActor, raw: z.input<typeof ZCreateCommunityInput>): Promise<CommunityView> {
      const input = ZCreateCommunityInput.parse(raw);
      if (await communities.findBySlug(input.slug)) throw new AppError('CONFLICT', 'That address is taken; choose another slug.');
      const community = await communities.createWithOwner({ ...input, avatarUrl: input.avatarUrl ?? null, ownerId: actor.id });
      await contributions.append([{ userId: actor.id, communityId: community.id, projectId: null, kind: 'community.create', at: clock() }]);
      const ctx = await access.forCommunity(actor, community);
      return view(community, ctx.membership, ctx.permissions);
    },

    async updateCommunity(actor: AccessActor, raw: z.input<typeof ZUpdateCommunityInput>): Promise<CommunityView> {
      const { slug, ...input } = ZUpdateCommunityInput.parse(raw);
      const ctx = await adminAccessOrThrow(actor, slug);
      const updated = await communities.update(ctx.community.id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.avatarUrl !== undefined ? { avatarUrl: input.avatarUrl } : {}),
        ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
      });
      return view(updated, ctx.membership, ctx.permissions);
    },

    /** Public communities: join at once. Private ones: a request the admins approve. */
    async joinCommunity(actor: AccessActor, slug: string): Promise<CommunityView> {
      const ctx = await access.communityBySlugOrThrow(actor, slug);
      if (ctx.membership) return view(ctx.community, ctx.membership, ctx.permissions);
      const status = ctx.community.visibility === 'public' ? 'active' : 'requested';
      await communities.upsertMembership({ communityId: ctx.community.id, userId: actor.id, role: 'member', status });
      if (status === 'active') {
        await contributions.append([{ userId: actor.id, communityId: ctx.community.id, projectId: null, kind: 'community.join', at: clock() }]);
      } else {
        const admins = await communities.adminIds(ctx.community.id);
        await notifications.createMany(admins.map((userId) => ({ userId, kind: 'community.join-request', ref: { communityId: ctx.community.id, slug, requesterId: actor.id } })));
      }
      const after = await access.forCommunity(actor, ctx.community);
      return view(after.community, after.membership, after.permissions);
    },

    async leaveCommunity(actor: AccessActor, slug: string): Promise<void> {
      const ctx = await access.communityBySlugOrThrow(actor, slug);
      if (!ctx.membership) throw new AppError('BAD_REQUEST', 'You are not a member of this community.');
      if (ctx.membership.role === 'owner' && ctx.membership.status === 'active' && (await communities.countOwners(ctx.community.id)) <= 1) {
        throw new AppError('CONFLICT', 'You are the only owner; make someone else an owner before leaving.');
      }
      await communities.deleteMembership(ctx.community.id, actor.id);
      await reduced(actor.id);
    },

    async listMembers(actor: AccessActor | null, slug: string): Promise<{ members: MemberWithUser[]; requests: MemberWithUser[] }> {
      const ctx = await access.communityBySlugOrThrow(actor, slug);
      if (!ctx.permissions.canViewContents) throw new AppError('FORBIDDEN', 'Only members can see who belongs to this community.');
      const all = await communities.listMembers(ctx.community.id);
      const canManage = ctx.permissions.canManageMembers;
      // E-mail addresses are for admins only.
      const shown = all.map((m) => (canManage ? m : { ...m, email: '' }));
      return { members: shown.filter((m) => m.status === 'active'), requests: canManage ? shown.filter((m) => m.status === 'requested') : [] };
    },

    async decideJoinRequest(actor: AccessActor, input: { slug: string; userId: string; approve: boolean }): Promise<void> {
      const ctx = await adminAccessOrThrow(actor, input.slug);
      const m = await communities.findMembership(ctx.community.id, input.userId);
      if (!m || m.status !== 'requested') throw new AppError('NOT_FOUND', 'No such request.');
      if (input.approve) {
        await communities.updateMembership(ctx.community.id, input.userId, { status: 'active' });
        await contributions.append([{ userId: input.userId, communityId: ctx.community.id, projectId: null, kind: 'community.join', at: clock() }]);
        await notifications.createMany([{ userId: input.userId, kind: 'community.join-approved', ref: { communityId: ctx.community.id, slug: input.slug } }]);
      } else {
        await communities.deleteMembership(ctx.community.id, input.userId);
      }
    },

    async setMemberRole(actor: AccessActor, input: { slug: string; userId: string; role: TMembershipRole }): Promise<MembershipRow> {
      const ctx = await adminAccessOrThrow(actor, input.slug);
      const target = await communities.findMembership(ctx.community.id, input.userId);
      if (!target || target.status !== 'active') throw new AppError('NOT_FOUND', 'No such member.');
      if (!canChangeMemberRole(ctx.membership?.role ?? null, actor.role === 'staff', target.role, input.role)) {
        throw new AppError('FORBIDDEN', 'Only owners can grant or remove ownership.');
      }
      if (target.role === 'owner' && input.role !== 'owner' && (await communities.countOwners(ctx.community.id)) <= 1) {
        throw new AppError('CONFLICT', 'A community needs at least one owner.');
      }
      const updated = await communities.updateMembership(ctx.community.id, input.userId, { role: input.role });
      if (!updated) throw new AppError('NOT_FOUND', 'No such member.');
      if (target.role !== input.role) await reduced(input.userId);
      if (target.role !== input.role && input.userId !== actor.id) {
        await notifications.createMany([
          { userId: input.userId, kind: 'community.role-changed', ref: { communityId: ctx.community.id, slug: input.slug, communityName: ctx.community.name, role: input.role, previousRole: target.role, actorId: actor.id } },
        ]);
      }
      return updated;
    },

    async removeMember(actor: AccessActor, input: { slug: string; userId: string }): Promise<void> {
      const ctx = await adminAccessOrThrow(actor, input.slug);
      const target = await communities.findMembership(ctx.community.id, input.userId);
      if (!target) throw new AppError('NOT_FOUND', 'No such member.');
      if (!canChangeMemberRole(ctx.membership?.role ?? null, actor.role === 'staff', target.role, 'member')) {
        throw new AppError('FORBIDDEN', 'Only owners can remove an owner.');
      }
      if (target.role === 'owner' && (await communities.countOwners(ctx.community.id)) <= 1) throw new AppError('CONFLICT', 'A community needs at least one owner.');
      await communities.deleteMembership(ctx.community.id, input.userId);
      await reduced(input.userId);
    },

    /** Returns the secret once; only its hash is kept. */
    async createInvite(actor: AccessActor, raw: z.input<typeof ZCreateInviteInput>): Promise<{ invite: InviteRow; token: string }> {
      const input = ZCreateInviteInput.parse(raw);
      const ctx = await adminAccessOrThrow(actor, input.slug);
      if (input.projectId) {
        const project = await projects.findById(input.projectId);
        if (!project || project.communityId !== ctx.community.id) throw new AppError('NOT_FOUND', 'No such project in this community.');
      }
      const { token, tokenHash } = newInviteToken();
      const invite = await invites.create({
        communityId: ctx.community.id,
        projectId: input.projectId ?? null,
        role: input.role,
        tokenHash,
        createdById: actor.id,
        expiresAt: new Date(clock().getTime() + input.expiresInHours * 3_600_000),
        maxUses: input.maxUses ?? null,
      });
      return { invite, token };
    },

    async listInvites(actor: AccessActor, slug: string): Promise<InviteRow[]> {
      const ctx = await adminAccessOrThrow(actor, slug);
      return invites.listForCommunity(ctx.community.id);
    },

    async revokeInvite(actor: AccessActor, input: { slug: string; inviteId: string }): Promise<void> {
      const ctx = await adminAccessOrThrow(actor, input.slug);
      if (!(await invites.revoke(ctx.community.id, input.inviteId, clock()))) throw new AppError('NOT_FOUND', 'No such active invitation.');
    },

    /** What an invitation leads to, for the landing page (no secret needed beyond the token itself). */
    async previewInvite(token: string): Promise<{ community: CommunityRow; valid: boolean; reason: string | null }> {
      const invite = await invites.findByTokenHash(hashInviteToken(token));
      const community = invite ? await communities.findById(invite.communityId) : null;
      if (!invite || !community) throw new AppError('NOT_FOUND', 'This invitation link is not valid.');
      const reason = inviteProblem(invite, clock());
      return { community, valid: reason === null, reason };
    },

    async acceptInvite(actor: AccessActor, token: string): Promise<CommunityView> {
      const invite = await invites.findByTokenHash(hashInviteToken(token));
      const community = invite ? await communities.findById(invite.communityId) : null;
      if (!invite || !community) throw new AppError('NOT_FOUND', 'This invitation link is not valid.');
      const existing = await communities.findMembership(community.id, actor.id);
      const alreadyActive = existing?.status === 'active';
      if (!alreadyActive || invite.projectId) {
        const problem = inviteProblem(invite, clock());
        if (problem) throw new AppError('CONFLICT', problem);
        if (!(await invites.consumeUse(invite.id, clock()))) throw new AppError('CONFLICT', 'This invitation has been used up.');
      }
      if (!alreadyActive) {
        await communities.upsertMembership({ communityId: community.id, userId: actor.id, role: invite.role, status: 'active' });
        await contributions.append([{ userId: actor.id, communityId: community.id, projectId: null, kind: 'community.join', ref: { via: 'invite' }, at: clock() }]);
        if (invite.createdById !== actor.id) {
          await notifications.createMany([
            { userId: invite.createdById, kind: 'community.invite-accepted', ref: { communityId: community.id, slug: community.slug, communityName: community.name, inviteId: invite.id, actorId: actor.id } },
          ]);
        }
      }
      if (invite.projectId) await projects.addMember(invite.projectId, actor.id);
      const after = await access.forCommunity(actor, community);
      return view(community, after.membership, after.permissions);
    },

    /** Latest ledger events of the community, limited to projects the actor may see. */
    async recentActivity(actor: AccessActor | null, slug: string, take = 30): Promise<(ContributionRow & { userName: string; projectTitle: string | null })[]> {
      const ctx = await access.communityBySlugOrThrow(actor, slug);
      if (!ctx.permissions.canViewContents) return [];
      const all = await projects.listForCommunity(ctx.community.id, { includeArchived: true });
      const memberOf = actor ? await projects.memberProjectIds(actor.id, all.map((p) => p.id)) : new Set<string>();
      const visible = all.filter(
        (p) =>
          projectPermissions(actor, { visibility: ctx.community.visibility, membership: ctx.membership, shareMode: p.shareMode, archived: p.archived, isProjectMember: memberOf.has(p.id), hasLinkKey: false }).listed,
      );
      const titles = new Map(visible.map((p) => [p.id, p.title]));
      const rows = await contributions.listRecent({ communityId: ctx.community.id, projectIds: visible.map((p) => p.id) }, take);
      const members = await communities.listMembers(ctx.community.id);
      const names = new Map(members.map((m) => [m.userId, m.name]));
      return rows.map((r) => ({ ...r, userName: names.get(r.userId) ?? 'A former member', projectTitle: r.projectId ? (titles.get(r.projectId) ?? null) : null }));
    },
  };
}

function inviteProblem(invite: InviteRow, now: Date): string | null {
  if (invite.revokedAt) return 'This invitation has been revoked.';
  if (invite.expiresAt && invite.expiresAt <= now) return 'This invitation has expired.';
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return 'This invitation has been used up.';
  return null;
}

export type CommunityService = ReturnType<typeof createCommunityService>;
