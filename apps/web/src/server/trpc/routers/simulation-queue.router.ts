import { z } from 'zod';
import { experimentService, queueDashboardService } from '../../simulation/experiment-service';
import { createTRPCRouter, staffProcedure } from '../init';
import { ZQueueDashboardOutput } from './simulation-queue.types';

/** The staff queue dashboard (issue 8): the simulation queue, its workers and failures, and each researcher's usage. */
export const simulationQueueRouter = createTRPCRouter({
  overview: staffProcedure
    .meta({ openapi: { method: 'GET', path: '/admin/simulation-queue', tags: ['admin'], summary: 'The simulation queue: job counts, workers, active runs, recent failures, per-researcher usage (staff)', protect: true } })
    .input(z.void())
    .output(ZQueueDashboardOutput)
    .query(({ ctx }) => queueDashboardService(ctx.db).overview(ctx.viewer)),

  retryRun: staffProcedure
    .input(z.object({ runId: z.uuid() }))
    .output(z.object({ requeued: z.boolean() }))
    .mutation(({ ctx, input }) => experimentService(ctx.db).retryRun(ctx.viewer, input.runId)),
});
