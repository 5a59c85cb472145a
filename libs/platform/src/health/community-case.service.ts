import { AppError } from '@p2pvalue/shared';
import type { AccessActor } from '../access/access.policy';
import type { AccessService } from '../access/access.service';
import type { CaseDatasetRow, CommunityCaseRepository, DirectoryCaseRow } from './community-case.repository';

export interface CommunityCaseView {
  case: DirectoryCaseRow;
  /** Published archive data sets about the case (an archived twin among them), newest first. */
  datasets: CaseDatasetRow[];
}

const DATASETS_SHOWN = 10;

/**
 * A community's link to its case in the CBPP directory (issue 9, "Link to the directory"): members
 * and staff see the case and its archived data sets on the health page; community admins and staff
 * set or remove the link. An archived twin is linked to the same case.
 */
export function createCommunityCaseService(deps: { cases: CommunityCaseRepository; access: AccessService }) {
  async function communityOrThrow(actor: AccessActor, slug: string, need: 'read' | 'link') {
    const { community, permissions } = await deps.access.communityBySlugOrThrow(actor, slug);
    const staff = actor.role === 'staff';
    if (need === 'read' && !permissions.isMember && !staff) throw new AppError('FORBIDDEN', 'Only members of this community can see its directory case.');
    if (need === 'link' && !permissions.isAdmin && !staff) throw new AppError('FORBIDDEN', 'Only community admins can link the community to a directory case.');
    return community;
  }

  async function viewOf(found: DirectoryCaseRow | null): Promise<CommunityCaseView | null> {
    return found ? { case: found, datasets: await deps.cases.publishedDatasets(found.id, DATASETS_SHOWN) } : null;
  }

  return {
    async get(actor: AccessActor, slug: string): Promise<CommunityCaseView | null> {
      const community = await communityOrThrow(actor, slug, 'read');
      return viewOf(await deps.cases.linkedCase(community.id));
    },

    /** Links the community to a directory case, or removes the link (`caseId` null). */
    async link(actor: AccessActor, slug: string, caseId: number | null): Promise<CommunityCaseView | null> {
      const community = await communityOrThrow(actor, slug, 'link');
      if (caseId === null) {
        await deps.cases.unlink(community.id);
        return null;
      }
      const found = await deps.cases.findCase(caseId);
      if (!found) throw new AppError('NOT_FOUND', 'No such directory case.');
      await deps.cases.link(community.id, found.id, actor.id);
      return viewOf(found);
    },

    /** The linked case's id, for services that link their data sets to it. */
    async linkedCaseId(communityId: string): Promise<number | null> {
      return (await deps.cases.linkedCase(communityId))?.id ?? null;
    },
  };
}

export type CommunityCaseService = ReturnType<typeof createCommunityCaseService>;
