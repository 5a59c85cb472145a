import { z } from 'zod';
import { ZExperimentStatus } from './experiment.types';

const ZParamValue = z.union([z.number(), z.boolean(), z.string()]);
const ZIsoDate = z.iso.datetime();
const ZNullableNumber = z.number().nullable();
const ZLhsParameter = z.object({ name: z.string(), min: z.number(), max: z.number() });

export const ZExperimentIdInput = z.object({ id: z.uuid() });

export const ZExperimentOverviewOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  status: ZExperimentStatus,
  preset: z.object({ name: z.string(), modified: z.boolean() }).nullable(),
  ownerName: z.string(),
  modelVersion: z.string(),
  rootSeed: z.number().int(),
  totalRuns: z.number().int(),
  createdAt: ZIsoDate,
  startedAt: ZIsoDate.nullable(),
  finishedAt: ZIsoDate.nullable(),
  design: z.object({
    steps: z.number().int(),
    repetitions: z.number().int(),
    variant: z.string().nullable(),
    fidelity: z.string().nullable(),
    perTick: z.boolean(),
    metrics: z.array(z.string()),
    valueSets: z.array(z.object({ name: z.string(), values: z.array(ZParamValue) })),
    lhs: z.object({ samples: z.number().int(), parameters: z.array(ZLhsParameter) }).nullable(),
    raw: z.record(z.string(), z.unknown()),
  }),
  conditions: z.array(z.object({ index: z.number().int(), label: z.string(), parameters: z.record(z.string(), ZParamValue) })),
  datasetId: z.string().nullable(),
});
export type TExperimentOverviewOutput = z.infer<typeof ZExperimentOverviewOutput>;

export const ZExperimentRunsInput = ZExperimentIdInput.extend({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
  status: ZExperimentStatus.optional(),
});

export const ZRunOutput = z.object({
  id: z.uuid(),
  runNumber: z.number().int(),
  conditionIndex: z.number().int(),
  repetition: z.number().int(),
  parameters: z.record(z.string(), ZParamValue),
  seed: z.number().int(),
  status: ZExperimentStatus,
  attempts: z.number().int(),
  tick: z.number().int(),
  stopReason: z.string().nullable(),
  stopTick: z.number().int().nullable(),
  error: z.string().nullable(),
  startedAt: ZIsoDate.nullable(),
  finishedAt: ZIsoDate.nullable(),
});
export type TRunOutput = z.infer<typeof ZRunOutput>;

export const ZExperimentRunsOutput = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(ZRunOutput),
});

export const ZExperimentMetricInput = ZExperimentIdInput.extend({
  metric: z.string().min(1).max(100),
  maxPoints: z.number().int().min(2).max(2_000).default(200),
});

const ZMeanBand = z.object({ mean: ZNullableNumber, lo: ZNullableNumber, hi: ZNullableNumber, n: z.number().int() });

export const ZExperimentMetricOutput = z.object({
  metric: z.string(),
  perTick: z.boolean(),
  completedRuns: z.number().int(),
  ticks: z.array(z.number().int()),
  conditions: z.array(
    z.object({
      conditionIndex: z.number().int(),
      label: z.string(),
      parameters: z.record(z.string(), ZParamValue),
      runs: z.number().int(),
      series: z.array(ZMeanBand),
      final: ZMeanBand.extend({ values: z.array(z.number()) }),
    }),
  ),
});
export type TExperimentMetricOutput = z.infer<typeof ZExperimentMetricOutput>;

export const ZArchiveExperimentOutput = z.object({ datasetId: z.string(), created: z.boolean() });

export const ZExperimentSensitivityInput = ZExperimentIdInput.extend({
  /** Outputs to analyse (metric ids); default every recorded metric. */
  metrics: z.array(z.string().min(1).max(100)).min(1).max(100).optional(),
});

export const ZExperimentSensitivityOutput = z.object({
  parameters: z.array(ZLhsParameter),
  samples: z.number().int(),
  repetitions: z.number().int(),
  completedRuns: z.number().int(),
  outputs: z.array(
    z.object({
      metric: z.string(),
      n: z.number().int(),
      coefficients: z.array(
        z.object({ parameter: z.string(), prcc: ZNullableNumber, pValue: ZNullableNumber, lo: ZNullableNumber, hi: ZNullableNumber, spearman: ZNullableNumber }),
      ),
    }),
  ),
});
export type TExperimentSensitivityOutput = z.infer<typeof ZExperimentSensitivityOutput>;

export const ZExperimentCompareInput = ZExperimentIdInput.extend({
  /** Condition indexes (0-based, as in the metric results): B is compared with A. */
  a: z.number().int().min(0).max(1_000_000),
  b: z.number().int().min(0).max(1_000_000),
});

const ZComparedCondition = z.object({ conditionIndex: z.number().int(), label: z.string(), parameters: z.record(z.string(), ZParamValue), runs: z.number().int() });

export const ZExperimentCompareOutput = z.object({
  a: ZComparedCondition,
  b: ZComparedCondition,
  metrics: z.array(
    z.object({ metric: z.string(), a: ZMeanBand, b: ZMeanBand, difference: ZNullableNumber, lo: ZNullableNumber, hi: ZNullableNumber, pValue: ZNullableNumber }),
  ),
});
export type TExperimentCompareOutput = z.infer<typeof ZExperimentCompareOutput>;
