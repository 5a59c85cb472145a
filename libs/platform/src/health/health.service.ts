import { AppError } from '@p2pvalue/shared';
import type { AccessActor } from '../access/access.policy';
import type { AccessService } from '../access/access.service';
import { computeCommunityHealth, type CommunityHealth } from './community-health';
import type { HealthRepository, SyntheticCounts } from './health.repository';
import { DEFAULT_ROLE_RULES } from './health.types';

export interface CommunityHealthView extends CommunityHealth {
  community: { slug: string; name: string };
  /** Rows of generated (synthetic) history; the UI labels the dashboard when any exist. */
  synthetic: SyntheticCounts & { any: boolean };
  generatedAt: Date;
}

/** Members of the community see its health; staff see every community's. */
export function createHealthService(deps: { health: HealthRepository; access: AccessService; clock: () => Date }) {
  return {
    async getCommunityHealth(actor: AccessActor, slug: string): Promise<CommunityHealthView> {
      const { community, permissions } = await deps.access.communityBySlugOrThrow(actor, slug);
      if (!permissions.isMember && actor.role !== 'staff') throw new AppError('FORBIDDEN', 'Only members of this community can see its health.');
      const [ledger, synthetic] = await Promise.all([deps.health.ledger(community.id), deps.health.syntheticCounts(community.id)]);
      const now = deps.clock();
      return {
        community: { slug: community.slug, name: community.name },
        synthetic: { ...synthetic, any: synthetic.contributions + synthetic.memberships > 0 },
        generatedAt: now,
        ...computeCommunityHealth(ledger, now, DEFAULT_ROLE_RULES),
      };
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
