import type { PrismaClient } from '@p2pvalue/db';
import type { TCommunityVisibility, TMembershipRole, TMembershipStatus } from '../access/access.policy';

export interface CommunityRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  avatarUrl: string | null;
  visibility: TCommunityVisibility;
  createdAt: Date;
}

export interface MembershipRow {
  communityId: string;
  userId: string;
  role: TMembershipRole;
  status: TMembershipStatus;
  createdAt: Date;
}

export interface MemberWithUser extends MembershipRow {
  name: string;
  email: string;
}

const communitySelect = { id: true, slug: true, name: true, description: true, avatarUrl: true, visibility: true, createdAt: true } as const;
const membershipSelect = { communityId: true, userId: true, role: true, status: true, createdAt: true } as const;

export function createCommunityRepository(db: PrismaClient) {
  return {
    findBySlug(slug: string): Promise<CommunityRow | null> {
      return db.community.findUnique({ where: { slug }, select: communitySelect });
    },

    findById(id: string): Promise<CommunityRow | null> {
      return db.community.findUnique({ where: { id }, select: communitySelect });
    },

    /** Public communities plus those the user belongs to (any status); all of them for staff. */
    async listVisible(input: { userId: string | null; all: boolean; take: number }): Promise<(CommunityRow & { memberCount: number; projectCount: number })[]> {
      const rows = await db.community.findMany({
        where: input.all
          ? {}
          : { OR: [{ visibility: 'public' }, ...(input.userId ? [{ memberships: { some: { userId: input.userId } } }] : [])] },
        orderBy: [{ createdAt: 'desc' }],
        take: input.take,
        select: {
          ...communitySelect,
          _count: { select: { memberships: { where: { status: 'active' } }, projects: { where: { archived: false } } } },
        },
      });
      return rows.map(({ _count, ...row }) => ({ ...row, memberCount: _count.memberships, projectCount: _count.projects }));
    },

    async createWithOwner(input: { slug: string; name: string; description: string; avatarUrl: string | null; visibility: TCommunityVisibility; ownerId: string }): Promise<CommunityRow> {
      return db.community.create({
        data: {
          slug: input.slug,
          name: input.name,
          description: input.description,
          avatarUrl: input.avatarUrl,
          visibility: input.visibility,
          createdById: input.ownerId,
          memberships: { create: { userId: input.ownerId, role: 'owner', status: 'active' } },
        },
        select: communitySelect,
      });
    },

    update(id: string, data: Partial<Pick<CommunityRow, 'name' | 'description' | 'avatarUrl' | 'visibility'>>): Promise<CommunityRow> {
      return db.community.update({ where: { id }, data, select: communitySelect });
    },

    findMembership(communityId: string, userId: string): Promise<MembershipRow | null> {
      return db.membership.findUnique({ where: { communityId_userId: { communityId, userId } }, select: membershipSelect });
    },

    listMembershipsOfUser(userId: string): Promise<MembershipRow[]> {
      return db.membership.findMany({ where: { userId }, select: membershipSelect });
    },

    upsertMembership(input: { communityId: string; userId: string; role: TMembershipRole; status: TMembershipStatus }): Promise<MembershipRow> {
      return db.membership.upsert({
        where: { communityId_userId: { communityId: input.communityId, userId: input.userId } },
        create: input,
        update: { role: input.role, status: input.status },
        select: membershipSelect,
      });
    },

    async updateMembership(communityId: string, userId: string, data: { role?: TMembershipRole; status?: TMembershipStatus }): Promise<MembershipRow | null> {
      const rows = await db.membership.updateManyAndReturn({ where: { communityId, userId }, data, select: membershipSelect });
      return rows[0] ?? null;
    },

    async deleteMembership(communityId: string, userId: string): Promise<boolean> {
      const { count } = await db.membership.deleteMany({ where: { communityId, userId } });
      // Leaving a community also leaves its projects.
      await db.projectMember.deleteMany({ where: { userId, project: { communityId } } });
      return count === 1;
    },

    countOwners(communityId: string): Promise<number> {
      return db.membership.count({ where: { communityId, role: 'owner', status: 'active' } });
    },

    async listMembers(communityId: string, status?: TMembershipStatus): Promise<MemberWithUser[]> {
      const rows = await db.membership.findMany({
        where: { communityId, ...(status ? { status } : {}) },
        orderBy: [{ createdAt: 'asc' }],
        select: membershipSelect,
      });
      const users = await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { id: true, name: true, email: true } });
      const byId = new Map(users.map((u) => [u.id, u]));
      return rows.map((row) => ({ ...row, name: byId.get(row.userId)?.name ?? 'Unknown', email: byId.get(row.userId)?.email ?? '' }));
    },

    /** Active members whose name starts with (or contains) the query: mention suggestions. */
    async searchActiveMembers(communityId: string, query: string, take: number): Promise<{ id: string; name: string }[]> {
      const ids = (await db.membership.findMany({ where: { communityId, status: 'active' }, select: { userId: true } })).map((m) => m.userId);
      return db.user.findMany({
        where: { id: { in: ids }, ...(query ? { name: { contains: query, mode: 'insensitive' } } : {}) },
        orderBy: { name: 'asc' },
        take,
        select: { id: true, name: true },
      });
    },

    async activeMemberIds(communityId: string, among: string[]): Promise<string[]> {
      const rows = await db.membership.findMany({ where: { communityId, status: 'active', userId: { in: among } }, select: { userId: true } });
      return rows.map((r) => r.userId);
    },

    async adminIds(communityId: string): Promise<string[]> {
      const rows = await db.membership.findMany({ where: { communityId, status: 'active', role: { in: ['owner', 'admin'] } }, select: { userId: true } });
      return rows.map((r) => r.userId);
    },
  };
}

export type CommunityRepository = ReturnType<typeof createCommunityRepository>;
