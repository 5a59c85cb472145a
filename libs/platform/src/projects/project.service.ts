import { AppError } from '@p2pvalue/shared';
import type { z } from 'zod';
import { projectPermissions, type AccessActor, type ProjectPermissions } from '../access/access.policy';
import type { AccessService, ProjectAccessContext } from '../access/access.service';
import type { CommunityRepository } from '../communities/community.repository';
import { newLinkKey } from '../communities/invite-token';
import type { ContributionRepository } from '../contributions/contribution.repository';
import type { DocumentRepository } from '../documents/document.repository';
import type { NotificationRepository } from '../notifications/notification.repository';
import type { ProjectRepository, ProjectRow } from './project.repository';
import { ZCreateProjectInput, ZUpdateProjectInput } from './project.schemas';

export interface ProjectView extends Omit<ProjectRow, 'linkKey'> {
  communitySlug: string;
  communityName: string;
  /** Only for those who may manage the project (they hand out the link). */
  linkKey: string | null;
  supporterCount: number;
  memberCount: number;
  isMember: boolean;
  isSupporter: boolean;
  permissions: ProjectPermissions;
}

export interface ProjectDeps {
  projects: ProjectRepository;
  communities: CommunityRepository;
  documents: DocumentRepository;
  contributions: ContributionRepository;
  notifications: NotificationRepository;
  access: AccessService;
  clock: () => Date;
  /** Initial Yjs state of a new project's pad (built by the documents module). */
  emptyDocumentState?: () => Uint8Array;
  /** Called (awaited) after a participant was removed, e.g. to drop their live chat rooms. */
  onMembershipReduced?: (userId: string) => Promise<void>;
  /** Called (awaited) after the project's share mode changed, e.g. to drop live chat rooms readers lost. */
  onShareModeChanged?: (projectId: string) => Promise<void>;
}

export function createProjectService(deps: ProjectDeps) {
  const { projects, communities, documents, contributions, notifications, access, clock } = deps;

  async function toView(ctx: ProjectAccessContext, actor: AccessActor | null): Promise<ProjectView> {
    const counts = await projects.counts(ctx.project.id);
    const supported = actor ? await projects.supportedProjectIds(actor.id, [ctx.project.id]) : new Set<string>();
    return {
      ...ctx.project,
      linkKey: ctx.permissions.canManageMembers ? ctx.project.linkKey : null,
      communitySlug: ctx.community.slug,
      communityName: ctx.community.name,
      supporterCount: counts.supporters,
      memberCount: counts.members,
      isMember: ctx.isProjectMember,
      isSupporter: supported.has(ctx.project.id),
      permissions: ctx.permissions,
    };
  }

  async function manageableOrThrow(actor: AccessActor, projectId: string, need: 'details' | 'members' | 'feature' | 'archive') {
    const ctx = await access.readableProjectOrThrow(actor, projectId);
    const p = ctx.permissions;
    const ok = need === 'details' ? p.canEditDetails : need === 'members' ? p.canManageMembers : need === 'feature' ? p.canFeature : p.canArchive;
    if (!ok) throw new AppError('FORBIDDEN', need === 'feature' || need === 'archive' ? 'Only community admins can do this.' : 'Only project members and admins can do this.');
    return ctx;
  }

  return {
    /** Projects of a community the actor may see: featured first, then by recent activity. */
    async listProjects(actor: AccessActor | null, communitySlug: string, opts: { includeArchived?: boolean } = {}): Promise<ProjectView[]> {
      const ctx = await access.communityBySlugOrThrow(actor, communitySlug);
      if (!ctx.permissions.canViewContents) return [];
      const rows = await projects.listForCommunity(ctx.community.id, { includeArchived: opts.includeArchived ?? false });
      const ids = rows.map((r) => r.id);
      const [memberOf, supported] = actor
        ? await Promise.all([projects.memberProjectIds(actor.id, ids), projects.supportedProjectIds(actor.id, ids)])
        : [new Set<string>(), new Set<string>()];
      return rows
        .map((row) => {
          const permissions = projectPermissions(actor, {
            visibility: ctx.community.visibility,
            membership: ctx.membership,
            shareMode: row.shareMode,
            archived: row.archived,
            isProjectMember: memberOf.has(row.id),
            hasLinkKey: false,
          });
          return {
            ...row,
            linkKey: permissions.canManageMembers ? row.linkKey : null,
            communitySlug: ctx.community.slug,
            communityName: ctx.community.name,
            isMember: memberOf.has(row.id),
            isSupporter: supported.has(row.id),
            permissions,
          };
        })
        .filter((p) => p.permissions.listed);
    },

    async getProjectOrThrow(actor: AccessActor | null, input: { projectId: string; linkKey?: string | null }): Promise<ProjectView> {
      return toView(await access.readableProjectOrThrow(actor, input.projectId, input.linkKey), actor);
    },

    async getProjectBySlugOrThrow(actor: AccessActor | null, input: { community: string; slug: string; linkKey?: string | null }): Promise<ProjectView> {
      const community = await communities.findBySlug(input.community);
      const project = community ? await projects.findBySlug(community.id, input.slug) : null;
      if (!project) throw new AppError('NOT_FOUND', 'No such project.');
      return toView(await access.readableProjectOrThrow(actor, project.id, input.linkKey), actor);
    },

    /** Creates the project with its pad; the creator becomes its first participant. */
    async createProject(actor: AccessActor, raw: z.input<typeof ZCreateProjectInput>): Promise<ProjectView> {
      const input = ZCreateProjectInput.parse(raw);
      const ctx = await access.communityBySlugOrThrow(actor, input.community);
      if (!ctx.permissions.canCreateProject) throw new AppError('FORBIDDEN', 'Join the community to start a project.');
      if (await projects.findBySlug(ctx.community.id, input.slug)) throw new AppError('CONFLICT', 'This community already has a project at that address.');
      const project = await projects.create({
        communityId: ctx.community.id,
        slug: input.slug,
        title: input.title,
        description: input.description,
        imageUrl: input.imageUrl ?? null,
        shareMode: input.shareMode,
        linkKey: newLinkKey(),
        createdById: actor.id,
      });
      // Staff may create projects in communities they do not belong to; they are participants anyway.
      await documents.create({ projectId: project.id, folderId: null, title: 'Pad', kind: 'pad', createdById: actor.id, ...(deps.emptyDocumentState ? { yState: deps.emptyDocumentState() } : {}) });
      await contributions.append([{ userId: actor.id, communityId: ctx.community.id, projectId: project.id, kind: 'project.create', at: clock() }]);
      return toView(await access.forProject(actor, project), actor);
    },

    async updateProject(actor: AccessActor, raw: z.input<typeof ZUpdateProjectInput>): Promise<ProjectView> {
      const { projectId, ...input } = ZUpdateProjectInput.parse(raw);
      const before = await manageableOrThrow(actor, projectId, 'details');
      const project = await projects.update(projectId, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.imageUrl !== undefined ? { imageUrl: input.imageUrl } : {}),
        ...(input.shareMode !== undefined ? { shareMode: input.shareMode } : {}),
      });
      if (project.shareMode !== before.project.shareMode) await deps.onShareModeChanged?.(projectId);
      return toView(await access.forProject(actor, project), actor);
    },

    /** A new share link; the old one stops working. */
    async rotateLinkKey(actor: AccessActor, projectId: string): Promise<ProjectView> {
      await manageableOrThrow(actor, projectId, 'members');
      const project = await projects.update(projectId, { linkKey: newLinkKey() });
      return toView(await access.forProject(actor, project), actor);
    },

    async setFeatured(actor: AccessActor, input: { projectId: string; featured: boolean }): Promise<ProjectView> {
      await manageableOrThrow(actor, input.projectId, 'feature');
      const project = await projects.update(input.projectId, { featured: input.featured });
      return toView(await access.forProject(actor, project), actor);
    },

    async setArchived(actor: AccessActor, input: { projectId: string; archived: boolean }): Promise<ProjectView> {
      await manageableOrThrow(actor, input.projectId, 'archive');
      const project = await projects.update(input.projectId, { archived: input.archived });
      return toView(await access.forProject(actor, project), actor);
    },

    /** Joining a project: community members may join public and link projects; invite-only ones need an invitation or an admin. */
    async joinProject(actor: AccessActor, projectId: string): Promise<ProjectView> {
      const ctx = await access.readableProjectOrThrow(actor, projectId);
      if (ctx.membership?.status !== 'active') throw new AppError('FORBIDDEN', 'Join the community first.');
      if (ctx.project.shareMode === 'invite' && !ctx.permissions.canManageMembers) throw new AppError('FORBIDDEN', 'This project is invitation-only.');
      await projects.addMember(projectId, actor.id);
      return toView(await access.forProject(actor, ctx.project), actor);
    },

    async leaveProject(actor: AccessActor, projectId: string): Promise<void> {
      await access.readableProjectOrThrow(actor, projectId);
      await projects.removeMember(projectId, actor.id);
      await deps.onMembershipReduced?.(actor.id);
    },

    async listMembers(actor: AccessActor | null, input: { projectId: string; linkKey?: string | null }) {
      await access.readableProjectOrThrow(actor, input.projectId, input.linkKey);
      const [members, supporters] = await Promise.all([projects.listMembers(input.projectId), projects.listSupporters(input.projectId)]);
      return { members, supporters };
    },

    async addMember(actor: AccessActor, input: { projectId: string; userId: string }): Promise<void> {
      const ctx = await manageableOrThrow(actor, input.projectId, 'members');
      const m = await communities.findMembership(ctx.community.id, input.userId);
      if (m?.status !== 'active') throw new AppError('BAD_REQUEST', 'Only members of the community can take part in its projects.');
      const already = (await projects.memberProjectIds(input.userId, [input.projectId])).has(input.projectId);
      await projects.addMember(input.projectId, input.userId);
      if (!already && input.userId !== actor.id) {
        const url = `/communities/${ctx.community.slug}/projects/${ctx.project.slug}`;
        await notifications.createMany([
          { userId: input.userId, kind: 'project.member-added', ref: { projectId: input.projectId, projectTitle: ctx.project.title, communitySlug: ctx.community.slug, actorId: actor.id, url } },
        ]);
      }
    },

    async removeMember(actor: AccessActor, input: { projectId: string; userId: string }): Promise<void> {
      await manageableOrThrow(actor, input.projectId, 'members');
      if (!(await projects.removeMember(input.projectId, input.userId))) throw new AppError('NOT_FOUND', 'No such participant.');
      await deps.onMembershipReduced?.(input.userId);
    },

    /** Supporting ("liking") is idempotent; the first support is a ledger event. */
    async setSupport(actor: AccessActor, input: { projectId: string; support: boolean; linkKey?: string | null }): Promise<ProjectView> {
      const ctx = await access.readableProjectOrThrow(actor, input.projectId, input.linkKey);
      if (input.support) {
        if (await projects.addSupporter(input.projectId, actor.id)) {
          await contributions.append([{ userId: actor.id, communityId: ctx.community.id, projectId: input.projectId, kind: 'project.support', at: clock() }]);
        }
      } else {
        await projects.removeSupporter(input.projectId, actor.id);
      }
      return toView(ctx, actor);
    },
  };
}

export type ProjectService = ReturnType<typeof createProjectService>;
