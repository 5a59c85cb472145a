import type { PrismaClient } from '@p2pvalue/db';
import { createAccessService } from './access/access.service';
import { createCommunityRepository } from './communities/community.repository';
import { createCommunityService } from './communities/community.service';
import { createInviteRepository } from './communities/invite.repository';
import { createContributionRepository } from './contributions/contribution.repository';
import { createCommentRepository } from './documents/comment.repository';
import { createDocumentRepository } from './documents/document.repository';
import { createDocumentService } from './documents/document.service';
import type { LiveDocuments } from './documents/live-documents';
import { createVersionRepository } from './documents/version.repository';
import { buildDocumentState } from './documents/yjs-build';
import { createNotificationRepository } from './notifications/notification.repository';
import { createProjectRepository } from './projects/project.repository';
import { createProjectService } from './projects/project.service';

/** Repositories of the collaboration domain over one Prisma client. */
export function createPlatformRepositories(db: PrismaClient) {
  return {
    communities: createCommunityRepository(db),
    invites: createInviteRepository(db),
    projects: createProjectRepository(db),
    documents: createDocumentRepository(db),
    versions: createVersionRepository(db),
    comments: createCommentRepository(db),
    notifications: createNotificationRepository(db),
    contributions: createContributionRepository(db),
  };
}

export type PlatformRepositories = ReturnType<typeof createPlatformRepositories>;

/** The collaboration domain's services, wired once (the composition every edge uses). */
export function createPlatformServices(deps: { db: PrismaClient; live: LiveDocuments; clock?: () => Date }) {
  const repos = createPlatformRepositories(deps.db);
  const clock = deps.clock ?? (() => new Date());
  const access = createAccessService(repos);
  return {
    repos,
    access,
    communities: createCommunityService({ ...repos, access, clock }),
    projects: createProjectService({ ...repos, access, clock, emptyDocumentState: () => buildDocumentState([{ type: 'paragraph', text: '' }]) }),
    documents: createDocumentService({ ...repos, access, live: deps.live, clock }),
  };
}

export type PlatformServices = ReturnType<typeof createPlatformServices>;
