import type { ExperimentOverview, RunView } from '@p2pvalue/platform';
import { experimentResultsService } from '../../simulation/experiment-results-service';
import { createTRPCRouter, protectedProcedure, researcherProcedure } from '../init';
import {
  ZArchiveExperimentOutput,
  ZExperimentCompareInput,
  ZExperimentCompareOutput,
  ZExperimentIdInput,
  ZExperimentMetricInput,
  ZExperimentMetricOutput,
  ZExperimentOverviewOutput,
  ZExperimentRunsInput,
  ZExperimentRunsOutput,
  ZExperimentSensitivityInput,
  ZExperimentSensitivityOutput,
  type TExperimentOverviewOutput,
  type TRunOutput,
} from './experiment-results.types';

const iso = (date: Date | null) => date?.toISOString() ?? null;

function overviewOutput(view: ExperimentOverview): TExperimentOverviewOutput {
  return {
    ...view,
    createdAt: view.createdAt.toISOString(),
    startedAt: iso(view.startedAt),
    finishedAt: iso(view.finishedAt),
    design: { ...view.design, raw: view.design.raw as Record<string, unknown> },
  };
}

const runOutput = (run: RunView): TRunOutput => ({ ...run, startedAt: iso(run.startedAt), finishedAt: iso(run.finishedAt) });

/** One experiment's page (issue 8): overview, runs, aggregated results and "archive as data set". */
export const experimentResultsRouter = createTRPCRouter({
  overview: protectedProcedure
    .meta({ openapi: { method: 'GET', path: '/experiments/{id}/overview', tags: ['simulation'], summary: 'An experiment with its design, conditions and archived data set', protect: true } })
    .input(ZExperimentIdInput)
    .output(ZExperimentOverviewOutput)
    .query(async ({ ctx, input }) => overviewOutput(await experimentResultsService(ctx.db).getOverview(ctx.viewer, input.id))),

  runs: protectedProcedure
    .meta({ openapi: { method: 'GET', path: '/experiments/{id}/runs', tags: ['simulation'], summary: 'The runs of an experiment in run order (condition parameters, seed, status, stop reason and tick)', protect: true } })
    .input(ZExperimentRunsInput)
    .output(ZExperimentRunsOutput)
    .query(async ({ ctx, input }) => {
      const { id, ...page } = input;
      const result = await experimentResultsService(ctx.db).listRuns(ctx.viewer, id, page);
      return { ...result, items: result.items.map(runOutput) };
    }),

  metric: protectedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/experiments/{id}/metrics/{metric}',
        tags: ['simulation'],
        summary: 'One recorded metric per condition: mean and 95% interval across repetitions per tick (at most maxPoints ticks) and of the final values',
        protect: true,
      },
    })
    .input(ZExperimentMetricInput)
    .output(ZExperimentMetricOutput)
    .query(({ ctx, input }) => experimentResultsService(ctx.db).getMetric(ctx.viewer, input.id, { metric: input.metric, maxPoints: input.maxPoints })),

  sensitivity: protectedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/experiments/{id}/sensitivity',
        tags: ['simulation'],
        summary: 'Sensitivity analysis of a Latin-hypercube experiment: partial rank correlation (PRCC) of each output’s final value on each sampled parameter, with p-values and 95% intervals',
        protect: true,
      },
    })
    .input(ZExperimentSensitivityInput)
    .output(ZExperimentSensitivityOutput)
    .query(({ ctx, input }) => experimentResultsService(ctx.db).getSensitivity(ctx.viewer, input.id, input.metrics ? { metrics: input.metrics } : {})),

  compare: protectedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/experiments/{id}/compare',
        tags: ['simulation'],
        summary: 'Two conditions side by side: per recorded metric, the mean final value of each and the difference of means (b − a) with its 95% Welch interval',
        protect: true,
      },
    })
    .input(ZExperimentCompareInput)
    .output(ZExperimentCompareOutput)
    .query(({ ctx, input }) => experimentResultsService(ctx.db).compareConditions(ctx.viewer, input.id, { a: input.a, b: input.b })),

  archive: researcherProcedure
    .meta({ openapi: { method: 'POST', path: '/experiments/{id}/archive', tags: ['simulation'], summary: 'Publish a completed experiment as a data set in the archive (design + results.csv); once per experiment', protect: true } })
    .input(ZExperimentIdInput)
    .output(ZArchiveExperimentOutput)
    .mutation(({ ctx, input }) => experimentResultsService(ctx.db).archive(ctx.viewer, input.id)),
});
