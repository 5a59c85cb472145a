import type { PrismaClient } from '@p2pvalue/db';
import type { TShareMode } from '../access/access.policy';

export interface ProjectRow {
  id: string;
  communityId: string;
  slug: string;
  title: string;
  description: string;
  imageUrl: string | null;
  shareMode: TShareMode;
  linkKey: string;
  featured: boolean;
  archived: boolean;
  lastActivityAt: Date;
  createdAt: Date;
  createdById: string;
}

export interface ProjectListRow extends ProjectRow {
  supporterCount: number;
  memberCount: number;
}

const projectSelect = {
  id: true,
  communityId: true,
  slug: true,
  title: true,
  description: true,
  imageUrl: true,
  shareMode: true,
  linkKey: true,
  featured: true,
  archived: true,
  lastActivityAt: true,
  createdAt: true,
  createdById: true,
} as const;

export function createProjectRepository(db: PrismaClient) {
  return {
    findById(id: string): Promise<ProjectRow | null> {
      return db.project.findUnique({ where: { id }, select: projectSelect });
    },

    findBySlug(communityId: string, slug: string): Promise<ProjectRow | null> {
      return db.project.findUnique({ where: { communityId_slug: { communityId, slug } }, select: projectSelect });
    },

    /** Featured first, then by most recent activity. */
    async listForCommunity(communityId: string, input: { includeArchived: boolean }): Promise<ProjectListRow[]> {
      const rows = await db.project.findMany({
        where: { communityId, ...(input.includeArchived ? {} : { archived: false }) },
        orderBy: [{ archived: 'asc' }, { featured: 'desc' }, { lastActivityAt: 'desc' }, { id: 'asc' }],
        select: { ...projectSelect, _count: { select: { supporters: true, members: true } } },
      });
      return rows.map(({ _count, ...row }) => ({ ...row, supporterCount: _count.supporters, memberCount: _count.members }));
    },

    create(input: { communityId: string; slug: string; title: string; description: string; imageUrl: string | null; shareMode: TShareMode; linkKey: string; createdById: string }): Promise<ProjectRow> {
      return db.project.create({
        data: { ...input, members: { create: { userId: input.createdById } } },
        select: projectSelect,
      });
    },

    update(id: string, data: Partial<Pick<ProjectRow, 'title' | 'description' | 'imageUrl' | 'shareMode' | 'featured' | 'archived' | 'linkKey'>>): Promise<ProjectRow> {
      return db.project.update({ where: { id }, data, select: projectSelect });
    },

    async touch(id: string, at: Date): Promise<void> {
      await db.project.updateMany({ where: { id, lastActivityAt: { lt: at } }, data: { lastActivityAt: at } });
    },

    async isMember(projectId: string, userId: string): Promise<boolean> {
      return (await db.projectMember.count({ where: { projectId, userId } })) === 1;
    },

    async memberProjectIds(userId: string, projectIds: string[]): Promise<Set<string>> {
      const rows = await db.projectMember.findMany({ where: { userId, projectId: { in: projectIds } }, select: { projectId: true } });
      return new Set(rows.map((r) => r.projectId));
    },

    async supportedProjectIds(userId: string, projectIds: string[]): Promise<Set<string>> {
      const rows = await db.supporter.findMany({ where: { userId, projectId: { in: projectIds } }, select: { projectId: true } });
      return new Set(rows.map((r) => r.projectId));
    },

    async addMember(projectId: string, userId: string): Promise<void> {
      await db.projectMember.upsert({ where: { projectId_userId: { projectId, userId } }, create: { projectId, userId }, update: {} });
    },

    async removeMember(projectId: string, userId: string): Promise<boolean> {
      const { count } = await db.projectMember.deleteMany({ where: { projectId, userId } });
      return count === 1;
    },

    async listMembers(projectId: string): Promise<{ userId: string; name: string }[]> {
      const rows = await db.projectMember.findMany({ where: { projectId }, orderBy: { createdAt: 'asc' }, select: { userId: true } });
      const users = await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { id: true, name: true } });
      const names = new Map(users.map((u) => [u.id, u.name]));
      return rows.map((r) => ({ userId: r.userId, name: names.get(r.userId) ?? 'Unknown' }));
    },

    async listSupporters(projectId: string): Promise<{ userId: string; name: string }[]> {
      const rows = await db.supporter.findMany({ where: { projectId }, orderBy: { createdAt: 'asc' }, select: { userId: true } });
      const users = await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { id: true, name: true } });
      const names = new Map(users.map((u) => [u.id, u.name]));
      return rows.map((r) => ({ userId: r.userId, name: names.get(r.userId) ?? 'Unknown' }));
    },

    /** Returns whether a row was inserted (false when already a supporter). */
    async addSupporter(projectId: string, userId: string): Promise<boolean> {
      const { count } = await db.supporter.createMany({ data: [{ projectId, userId }], skipDuplicates: true });
      return count === 1;
    },

    async removeSupporter(projectId: string, userId: string): Promise<boolean> {
      const { count } = await db.supporter.deleteMany({ where: { projectId, userId } });
      return count === 1;
    },

    async counts(projectId: string): Promise<{ supporters: number; members: number }> {
      const [supporters, members] = await Promise.all([db.supporter.count({ where: { projectId } }), db.projectMember.count({ where: { projectId } })]);
      return { supporters, members };
    },
  };
}

export type ProjectRepository = ReturnType<typeof createProjectRepository>;
