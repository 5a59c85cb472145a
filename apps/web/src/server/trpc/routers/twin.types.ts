import { z } from 'zod';
import { ZSlug, ZTwinSettingsInput } from '@p2pvalue/platform';

export const ZTwinLatestInput = z.object({ slug: ZSlug });
export const ZTwinStartInput = z.object({ slug: ZSlug, settings: ZTwinSettingsInput.optional() });
export const ZTwinArchiveInput = z.object({ slug: ZSlug, calibrationId: z.uuid() });
export const ZTwinLinkCaseInput = z.object({ slug: ZSlug, caseId: z.number().int().min(1).max(2 ** 31 - 1).nullable() });

export const ZCommunityCaseView = z.object({
  case: z.object({
    id: z.number().int(),
    name: z.string(),
    homepage: z.string().nullable(),
    yearFounded: z.number().int().nullable(),
    sizeBand: z.string().nullable(),
    status: z.string().nullable(),
    country: z.string().nullable(),
  }),
  datasets: z.array(z.object({ datasetId: z.string(), n: z.number().int(), title: z.string(), publishedAt: z.date().nullable() })),
});
export type TCommunityCaseViewOutput = z.infer<typeof ZCommunityCaseView>;

const ZBand = z.object({ q05: z.array(z.number()), median: z.array(z.number()), q95: z.array(z.number()) });
const ZParams = z.record(z.string(), z.number());
const ZNote = z.object({ field: z.string(), observed: z.number(), used: z.number().nullable(), reason: z.string() });
const ZGeneration = z.object({
  generation: z.number().int(),
  tolerance: z.number().describe('ε of the generation: the largest accepted distance (normalised RMSE)'),
  simulations: z.number().int(),
  accepted: z.number().int(),
  acceptanceRate: z.number(),
  effectiveSampleSize: z.number(),
  relaxed: z.boolean(),
});

export const ZTwinView = z.object({
  id: z.uuid(),
  status: z.enum(['calibrating', 'forecasting', 'completed', 'failed']),
  settings: z.object({
    priors: z.array(z.object({ name: z.string(), min: z.number(), max: z.number() })),
    populationSize: z.number().int(),
    generations: z.number().int(),
    alpha: z.number(),
    fitWeeks: z.number().int(),
    horizonWeeks: z.number().int(),
    forecastDraws: z.number().int(),
    seed: z.number().int(),
  }),
  observed: z.object({
    weeks: z.array(z.string()),
    count1s: z.array(z.number()),
    count9s: z.array(z.number()),
    count90s: z.array(z.number()),
    joins: z.array(z.number()),
    leaves: z.array(z.number()),
  }),
  setup: z.object({ calibration: ZParams, forecast: ZParams, notes: z.object({ calibration: z.array(ZNote), forecast: z.array(ZNote) }) }),
  generation: z.number().int(),
  batches: z.number().int(),
  history: z.array(ZGeneration),
  batch: z.object({ total: z.number().int(), done: z.number().int(), failed: z.number().int() }).nullable(),
  posterior: z
    .object({
      parameters: z.array(z.object({ name: z.string(), prior: z.object({ min: z.number(), max: z.number() }), mean: z.number(), median: z.number(), q05: z.number(), q95: z.number() })),
      particles: z.array(z.object({ params: ZParams, weight: z.number(), distance: z.number() })),
      history: z.array(ZGeneration),
      stopReason: z.string().nullable(),
    })
    .nullable(),
  forecast: z
    .object({
      horizonWeeks: z.number().int(),
      draws: z.number().int(),
      predictive: z.record(z.string(), ZBand),
      scenarios: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          runs: z.number().int(),
          size: ZBand,
          core: ZBand,
          alive: z.array(z.object({ weeks: z.number().int(), probability: z.number().nullable() })),
          collapsed: z.number(),
          medianCollapseWeek: z.number().nullable(),
        }),
      ),
    })
    .nullable(),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
  datasetId: z.string().nullable(),
  runs: z.object({
    canOpen: z.boolean(),
    experiments: z.array(z.object({ id: z.uuid(), name: z.string(), status: z.string(), totalRuns: z.number().int() })),
  }),
});
export type TTwinViewOutput = z.infer<typeof ZTwinView>;
