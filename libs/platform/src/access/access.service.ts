import { AppError } from '@p2pvalue/shared';
import type { CommunityRepository, CommunityRow, MembershipRow } from '../communities/community.repository';
import type { ProjectRepository, ProjectRow } from '../projects/project.repository';
import type { DocumentRepository, DocumentRow } from '../documents/document.repository';
import {
  communityPermissions,
  projectPermissions,
  type AccessActor,
  type CommunityPermissions,
  type ProjectPermissions,
  type TProjectAccess,
} from './access.policy';

export interface CommunityAccess {
  community: CommunityRow;
  membership: MembershipRow | null;
  permissions: CommunityPermissions;
}

export interface ProjectAccessContext {
  project: ProjectRow;
  community: CommunityRow;
  membership: MembershipRow | null;
  isProjectMember: boolean;
  permissions: ProjectPermissions;
}

export interface DocumentAccessContext extends ProjectAccessContext {
  document: DocumentRow;
}

/**
 * Loads the facts the access policy needs and applies it. Absence and "may not see" are the same
 * NOT_FOUND, so ids of private things do not leak; "may see but not do" is FORBIDDEN.
 */
export function createAccessService(deps: { communities: CommunityRepository; projects: ProjectRepository; documents: DocumentRepository }) {
  const { communities, projects, documents } = deps;

  async function forCommunity(actor: AccessActor | null, community: CommunityRow): Promise<CommunityAccess> {
    const membership = actor ? await communities.findMembership(community.id, actor.id) : null;
    return { community, membership, permissions: communityPermissions(actor, { visibility: community.visibility, membership }) };
  }

  async function forProject(actor: AccessActor | null, project: ProjectRow, linkKey?: string | null): Promise<ProjectAccessContext> {
    const community = await communities.findById(project.communityId);
    if (!community) throw new AppError('NOT_FOUND', 'No such project.');
    const membership = actor ? await communities.findMembership(community.id, actor.id) : null;
    const isProjectMember = actor ? await projects.isMember(project.id, actor.id) : false;
    const permissions = projectPermissions(actor, {
      visibility: community.visibility,
      membership,
      shareMode: project.shareMode,
      archived: project.archived,
      isProjectMember,
      hasLinkKey: !!linkKey && linkKey === project.linkKey,
    });
    return { project, community, membership, isProjectMember, permissions };
  }

  return {
    forCommunity,
    forProject,

    async communityBySlugOrThrow(actor: AccessActor | null, slug: string): Promise<CommunityAccess> {
      const community = await communities.findBySlug(slug);
      const access = community ? await forCommunity(actor, community) : null;
      if (!access || !access.permissions.canViewProfile) throw new AppError('NOT_FOUND', 'No such community.');
      return access;
    },

    /** The project if the actor may at least read it. */
    async readableProjectOrThrow(actor: AccessActor | null, projectId: string, linkKey?: string | null): Promise<ProjectAccessContext> {
      const project = await projects.findById(projectId);
      const access = project ? await forProject(actor, project, linkKey) : null;
      if (!access || access.permissions.access === 'none') throw new AppError('NOT_FOUND', 'No such project.');
      return access;
    },

    async readableDocumentOrThrow(actor: AccessActor | null, documentId: string, linkKey?: string | null): Promise<DocumentAccessContext> {
      const document = await documents.findById(documentId);
      const project = document ? await projects.findById(document.projectId) : null;
      const access = project ? await forProject(actor, project, linkKey) : null;
      if (!document || !access || access.permissions.access === 'none') throw new AppError('NOT_FOUND', 'No such document.');
      return { ...access, document };
    },

    async writableDocumentOrThrow(actor: AccessActor | null, documentId: string): Promise<DocumentAccessContext> {
      const document = await documents.findById(documentId);
      const project = document ? await projects.findById(document.projectId) : null;
      const access = project ? await forProject(actor, project) : null;
      if (!document || !access || access.permissions.access === 'none') throw new AppError('NOT_FOUND', 'No such document.');
      if (access.permissions.access !== 'write') throw new AppError('FORBIDDEN', 'You can read this document but not change it.');
      return { ...access, document };
    },

    /** What a realtime connection to the document may do (Hocuspocus's authorizer). */
    async documentAccess(actor: AccessActor | null, documentId: string, linkKey?: string | null): Promise<TProjectAccess> {
      const document = await documents.findById(documentId);
      const project = document ? await projects.findById(document.projectId) : null;
      if (!project) return 'none';
      return (await forProject(actor, project, linkKey)).permissions.access;
    },
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
