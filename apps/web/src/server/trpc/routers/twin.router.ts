import { z } from 'zod';
import { twinService } from '../../simulation/twin-service';
import { createTRPCRouter, protectedProcedure } from '../init';
import { ZTwinLatestInput, ZTwinStartInput, ZTwinView } from './twin.types';

/** The community's simulation twin (issue 9): calibrate the model to its health series, then forecast. */
export const twinRouter = createTRPCRouter({
  /** Community admins and staff; one calibration at a time per community. */
  start: protectedProcedure
    .input(ZTwinStartInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => twinService(ctx.db).start(ctx.viewer, input.slug, input.settings ?? {})),

  /** The latest calibration: progress, posterior and forecast (members and staff); null if none. */
  latest: protectedProcedure
    .input(ZTwinLatestInput)
    .output(ZTwinView.nullable())
    .query(({ ctx, input }) => twinService(ctx.db).latest(ctx.viewer, input.slug)),
});
