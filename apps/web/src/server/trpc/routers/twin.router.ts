import { z } from 'zod';
import { communityCaseService, twinArchiveService, twinService } from '../../simulation/twin-service';
import { createTRPCRouter, protectedProcedure } from '../init';
import { ZCommunityCaseView, ZTwinArchiveInput, ZTwinLatestInput, ZTwinLinkCaseInput, ZTwinStartInput, ZTwinView } from './twin.types';

/** The community's simulation twin (issue 9): calibrate the model to its health series, then forecast. */
export const twinRouter = createTRPCRouter({
  /** Community admins and staff; one calibration at a time per community (CONFLICT otherwise). */
  start: protectedProcedure
    .input(ZTwinStartInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => twinService(ctx.db).start(ctx.viewer, input.slug, input.settings ?? {})),

  /** The latest calibration: progress, posterior and forecast (members and staff); null if none. */
  latest: protectedProcedure
    .input(ZTwinLatestInput)
    .output(ZTwinView.nullable())
    .query(({ ctx, input }) => twinService(ctx.db).latest(ctx.viewer, input.slug)),

  /** Publishes a finished calibration and its forecast as a data set in the archive (community admins and staff; once). */
  archive: protectedProcedure
    .input(ZTwinArchiveInput)
    .output(z.object({ datasetId: z.string(), created: z.boolean() }))
    .mutation(({ ctx, input }) => twinArchiveService(ctx.db).archive(ctx.viewer, input.slug, input.calibrationId)),

  /** The community's directory case and its archived data sets (members and staff); null if not linked. */
  directoryCase: protectedProcedure
    .input(ZTwinLatestInput)
    .output(ZCommunityCaseView.nullable())
    .query(({ ctx, input }) => communityCaseService(ctx.db).get(ctx.viewer, input.slug)),

  /** Links the community to its directory case, or removes the link with `caseId: null` (community admins and staff). */
  linkCase: protectedProcedure
    .input(ZTwinLinkCaseInput)
    .output(ZCommunityCaseView.nullable())
    .mutation(({ ctx, input }) => communityCaseService(ctx.db).link(ctx.viewer, input.slug, input.caseId)),
});
