import { createHealthRepository, createHealthService } from '@p2pvalue/platform';
import type { PrismaClient } from '@p2pvalue/db';
import { platformServices } from '../../platform';
import { createTRPCRouter, protectedProcedure } from '../init';
import { ZCommunityHealthInput, ZCommunityHealthOutput } from './health.types';

function healthService(db: PrismaClient) {
  return createHealthService({ health: createHealthRepository(db), access: platformServices(db).access, clock: () => new Date() });
}

/** Community health (issue 9): the ledger-derived #1/#9/#90 series, inequality, survival and flow. */
export const healthRouter = createTRPCRouter({
  community: protectedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/communities/{slug}/health',
        tags: ['communities'],
        summary: 'Community health from the contribution ledger: weekly #1/#9/#90 counts, joins, leaves and contributions, and current inequality and survival (members and staff)',
        protect: true,
      },
    })
    .input(ZCommunityHealthInput)
    .output(ZCommunityHealthOutput)
    .query(({ ctx, input }) => healthService(ctx.db).getCommunityHealth(ctx.viewer, input.slug)),
});
