import { z } from 'zod';
import { ZExperimentDesignInput, ZIdempotencyKey, ZListExperimentsInput, type ExperimentListItem, type ExperimentStatusView } from '@p2pvalue/platform';
import { experimentService } from '../../simulation/experiment-service';
import { createTRPCRouter, protectedProcedure, researcherProcedure } from '../init';
import { ZExperimentListOutput, ZExperimentStatusOutput } from './experiment.types';

function statusOutput(view: ExperimentStatusView): z.infer<typeof ZExperimentStatusOutput> {
  return {
    ...view,
    createdAt: view.createdAt.toISOString(),
    startedAt: view.startedAt?.toISOString() ?? null,
    finishedAt: view.finishedAt?.toISOString() ?? null,
  };
}

function listItemOutput(item: ExperimentListItem): z.infer<typeof ZExperimentListOutput>['items'][number] {
  return { ...item, createdAt: item.createdAt.toISOString(), finishedAt: item.finishedAt?.toISOString() ?? null };
}

const ZAllowanceOutput = z.object({
  activeRuns: z.number().int(),
  maxActiveRuns: z.number().int(),
  remainingRuns: z.number().int(),
  maxTicksPerRun: z.number().int(),
  maxRunsPerExperiment: z.number().int(),
  maxTotalTicks: z.number().int(),
});

/** Simulation experiments (issue 8): queue a design, follow it, cancel it, retry its failed runs. */
export const experimentRouter = createTRPCRouter({
  submit: researcherProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/experiments',
        tags: ['simulation'],
        summary: 'Queue an experiment: the body is a design (the shape of an experiments.json entry); `idempotencyKey` makes a resubmission return the same experiment',
        protect: true,
      },
    })
    .input(ZExperimentDesignInput.extend({ idempotencyKey: ZIdempotencyKey.optional() }))
    .output(z.object({ id: z.uuid(), totalRuns: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      const { idempotencyKey, ...design } = input;
      return experimentService(ctx.db).submit(ctx.viewer, design, idempotencyKey === undefined ? {} : { idempotencyKey });
    }),

  allowance: researcherProcedure
    .meta({ openapi: { method: 'GET', path: '/experiment-allowance', tags: ['simulation'], summary: 'What you may still queue: runs left under your active-run limit and the tick limits', protect: true } })
    .input(z.void())
    .output(ZAllowanceOutput)
    .query(({ ctx }) => experimentService(ctx.db).allowance(ctx.viewer)),

  list: protectedProcedure
    .meta({ openapi: { method: 'GET', path: '/experiments', tags: ['simulation'], summary: 'Your experiments, newest first (staff: `scope=all` for everyone’s); pass `nextCursor` back as `cursor` for the next page', protect: true } })
    .input(ZListExperimentsInput.extend({ limit: z.coerce.number().int().min(1).max(100).default(20) }))
    .output(ZExperimentListOutput)
    .query(async ({ ctx, input }) => {
      const page = await experimentService(ctx.db).list(ctx.viewer, input);
      return { items: page.items.map(listItemOutput), nextCursor: page.nextCursor };
    }),

  status: protectedProcedure
    .meta({ openapi: { method: 'GET', path: '/experiments/{id}', tags: ['simulation'], summary: 'Status of an experiment with run counts and progress (0..1)', protect: true } })
    .input(z.object({ id: z.uuid() }))
    .output(ZExperimentStatusOutput)
    .query(async ({ ctx, input }) => statusOutput(await experimentService(ctx.db).getStatus(ctx.viewer, input.id))),

  cancel: protectedProcedure
    .meta({ openapi: { method: 'DELETE', path: '/experiments/{id}', tags: ['simulation'], summary: 'Cancel an experiment: runs not yet finished stop and are not retried', protect: true } })
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ cancelled: z.boolean() }))
    .mutation(({ ctx, input }) => experimentService(ctx.db).cancel(ctx.viewer, input.id)),

  cancelRun: protectedProcedure
    .meta({ openapi: { method: 'DELETE', path: '/experiments/runs/{runId}', tags: ['simulation'], summary: 'Cancel one run of an experiment', protect: true } })
    .input(z.object({ runId: z.uuid() }))
    .output(z.object({ cancelled: z.boolean() }))
    .mutation(({ ctx, input }) => experimentService(ctx.db).cancelRun(ctx.viewer, input.runId)),

  retryFailed: researcherProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/experiments/{id}/retry',
        tags: ['simulation'],
        summary: 'Queue the failed runs of an experiment again; a cancelled experiment resumes (its cancelled and failed runs are queued again, completed runs are kept)',
        protect: true,
      },
    })
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ requeued: z.number().int() }))
    .mutation(({ ctx, input }) => experimentService(ctx.db).retryFailed(ctx.viewer, input.id)),
});
