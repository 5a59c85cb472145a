import type { PrismaClient } from '@p2pvalue/db';
import { createAccessService } from './access/access.service';
import { createCommunityRepository } from './communities/community.repository';
import { createCommunityService } from './communities/community.service';
import { createChatRepository } from './chat/chat.repository';
import { createChatService } from './chat/chat.service';
import { createChatAttachmentRepository } from './chat/chat-attachment.repository';
import { createChatLinkCardResolver } from './chat/chat-link-cards';
import { createInviteRepository } from './communities/invite.repository';
import { createContributionRepository } from './contributions/contribution.repository';
import { createCommentRepository } from './documents/comment.repository';
import { createDocumentImageRepository } from './documents/document-image.repository';
import { createDocumentImageService } from './documents/document-image.service';
import { createDocumentRepository } from './documents/document.repository';
import { createDocumentService } from './documents/document.service';
import type { LiveDocuments } from './documents/live-documents';
import { createVersionRepository } from './documents/version.repository';
import { buildDocumentState } from './documents/yjs-build';
import { createNotificationRepository } from './notifications/notification.repository';
import { createNotificationService } from './notifications/notification.service';
import { createProjectRepository } from './projects/project.repository';
import { createProjectService } from './projects/project.service';
import { createNeedRepository } from './funding/need.repository';
import { createNeedService } from './funding/need.service';
import { createRecognitionService } from './funding/recognition.service';
import { createRoundRepository } from './funding/round.repository';
import { createRoundService } from './funding/round.service';

/** Repositories of the collaboration domain over one Prisma client. */
export function createPlatformRepositories(db: PrismaClient) {
  return {
    communities: createCommunityRepository(db),
    chat: createChatRepository(db),
    chatAttachments: createChatAttachmentRepository(db),
    invites: createInviteRepository(db),
    projects: createProjectRepository(db),
    documents: createDocumentRepository(db),
    versions: createVersionRepository(db),
    comments: createCommentRepository(db),
    images: createDocumentImageRepository(db),
    notifications: createNotificationRepository(db),
    contributions: createContributionRepository(db),
    needs: createNeedRepository(db),
    rounds: createRoundRepository(db),
  };
}

export type PlatformRepositories = ReturnType<typeof createPlatformRepositories>;

/** The collaboration domain's services, wired once (the composition every edge uses). */
export function createPlatformServices(deps: {
  db: PrismaClient;
  live: LiveDocuments;
  clock?: () => Date;
  /** After a member's community or project standing ended or was reduced (awaited; should not throw). */
  onMembershipReduced?: (userId: string) => Promise<void>;
  /** After a project's share mode changed (awaited; should not throw). */
  onShareModeChanged?: (projectId: string) => Promise<void>;
}) {
  const repos = createPlatformRepositories(deps.db);
  const clock = deps.clock ?? (() => new Date());
  const access = createAccessService(repos);
  const projects = createProjectService({ ...repos, access, clock, emptyDocumentState: () => buildDocumentState([{ type: 'paragraph', text: '' }]), onMembershipReduced: deps.onMembershipReduced, onShareModeChanged: deps.onShareModeChanged });
  const listVisibleProjects = (actor: Parameters<typeof projects.listProjects>[0], slug: string) => projects.listProjects(actor, slug);
  return {
    repos,
    access,
    communities: createCommunityService({ ...repos, access, clock, onMembershipReduced: deps.onMembershipReduced }),
    projects,
    needs: createNeedService({ ...repos, access, listVisibleProjects, clock }),
    rounds: createRoundService({ ...repos, access, listVisibleProjects, clock }),
    recognition: createRecognitionService({ ...repos, access, clock }),
    documents: createDocumentService({ ...repos, access, live: deps.live, clock }),
    notifications: createNotificationService({ notifications: repos.notifications, clock }),
    chat: createChatService({ ...repos, clock, resolveLinkCard: createChatLinkCardResolver({ access, needs: repos.needs }) }),
    documentImages: createDocumentImageService({ images: repos.images, access }),
  };
}

export type PlatformServices = ReturnType<typeof createPlatformServices>;
