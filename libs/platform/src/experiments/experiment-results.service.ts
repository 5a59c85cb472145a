import { z } from 'zod';
import { designConditions, designMetrics, type Design, type ParamValue } from '@p2pvalue/sim';
import { AppError } from '@p2pvalue/shared';
import { hasRole } from '../accounts/user-role';
import type { ExperimentActor } from './experiment.service';
import { presetOfDesign } from './experiment-list';
import type { ExperimentRepository, ExperimentRow, TExperimentStatus, TRunStatus } from './experiment.repository';
import type { ExperimentArchivePort } from './experiment-results-archive.port';
import type { ExperimentResultsRepository, RunResultRow } from './experiment-results.repository';
import { aggregateCondition, conditionLabel, resultsCsvHeader, runCsvRows, sampleTicks, varyingParameters, type MetricResult, type ResultRun } from './experiment-results';
import { unpackJson, type StoredSeries } from './run-series';
import { compareFinalValues, type MetricDifference } from './experiment-comparison';
import { sensitivityOfRuns, type SensitivityOutput, type SensitivityRun } from './experiment-sensitivity';

/** How long an "archive as data set" attempt holds the experiment before another may try. */
const ARCHIVE_LEASE_MS = 5 * 60_000;
/** Runs read per database round trip when aggregating or exporting. */
const PAGE = 100;
/** The archive's own limit on one file (libs/directory DEFAULT_MAX_FILE_BYTES). */
const MAX_ARCHIVE_CSV_BYTES = 20 * 1024 * 1024;

export const ZRunListInput = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
  status: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']).optional(),
});
export type TRunListInput = z.input<typeof ZRunListInput>;

export interface ExperimentOverview {
  id: string;
  name: string;
  status: TExperimentStatus;
  /** The original experiment the design repeats (modified: only its name matches), if any. */
  preset: { name: string; modified: boolean } | null;
  ownerName: string;
  modelVersion: string;
  rootSeed: number;
  totalRuns: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  design: {
    steps: number;
    repetitions: number;
    variant: string | null;
    fidelity: string | null;
    perTick: boolean;
    metrics: string[];
    /** Every listed parameter with its values, in BehaviorSpace order (sampled parameters are in `lhs`). */
    valueSets: { name: string; values: ParamValue[] }[];
    /** The Latin hypercube of a sensitivity study, or null for a factorial design. */
    lhs: { samples: number; parameters: { name: string; min: number; max: number }[] } | null;
    /** The stored design, as submitted (the shape of an experiments.json entry). */
    raw: unknown;
  };
  conditions: { index: number; label: string; parameters: Record<string, ParamValue> }[];
  datasetId: string | null;
}

export interface SensitivityView {
  /** The sampled parameters with their ranges, in sampling order. */
  parameters: { name: string; min: number; max: number }[];
  samples: number;
  repetitions: number;
  completedRuns: number;
  outputs: SensitivityOutput[];
}

export const ZSensitivityInput = z.object({ metrics: z.array(z.string().min(1).max(100)).min(1).max(100).optional() });
export type TSensitivityInput = z.input<typeof ZSensitivityInput>;

export const ZCompareInput = z.object({ a: z.number().int().min(0), b: z.number().int().min(0) });
export type TCompareInput = z.input<typeof ZCompareInput>;

export interface ComparisonView {
  a: { conditionIndex: number; label: string; parameters: Record<string, ParamValue>; runs: number };
  b: { conditionIndex: number; label: string; parameters: Record<string, ParamValue>; runs: number };
  /** One row per recorded metric: final values of B against A. */
  metrics: MetricDifference[];
}

export interface RunView {
  id: string;
  runNumber: number;
  conditionIndex: number;
  repetition: number;
  parameters: Record<string, ParamValue>;
  seed: number;
  status: TRunStatus;
  attempts: number;
  tick: number;
  stopReason: string | null;
  stopTick: number | null;
  error: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** The streamed body of an export, ready for an HTTP response. */
export interface ResultsExport {
  fileName: string;
  mediaType: string;
  chunks: AsyncGenerator<string>;
}

function requireResearcher(actor: ExperimentActor): void {
  if (!hasRole(actor.role, 'researcher')) throw new AppError('FORBIDDEN', 'Only researchers can archive simulation results.');
}

const asDesign = (experiment: ExperimentRow) => experiment.design as Design;
const isPerTick = (design: Design) => design.runMetricsEveryStep !== false;
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'experiment';

function toResultRun(row: RunResultRow, repetitions: number): ResultRun {
  return {
    runNumber: row.conditionIndex * repetitions + row.repetition + 1,
    conditionIndex: row.conditionIndex,
    repetition: row.repetition,
    seed: Number(row.seed),
    parameters: row.parameters as Record<string, ParamValue>,
    status: row.status,
    summary: (row.summary as Record<string, unknown> | null) ?? null,
    series: row.status === 'completed' && row.series ? unpackJson<StoredSeries>(row.series) : null,
  };
}

/**
 * What researchers do with an experiment's results: its overview and runs, each metric as mean
 * with a 95% band across repetitions per condition, tidy CSV and JSON exports, and "archive as
 * data set". Only the owner and staff see an experiment; for everyone else it does not exist.
 */
export function createExperimentResultsService(deps: {
  experiments: ExperimentRepository;
  results: ExperimentResultsRepository;
  archive: ExperimentArchivePort;
  clock: () => Date;
}) {
  const { experiments, results, clock } = deps;

  async function getOwnedOrThrow(actor: ExperimentActor, id: string): Promise<ExperimentRow> {
    const parsed = z.uuid().safeParse(id);
    const experiment = parsed.success ? await experiments.findExperiment(parsed.data) : null;
    if (!experiment || (experiment.ownerId !== actor.id && !hasRole(actor.role, 'staff'))) throw new AppError('NOT_FOUND', 'No such experiment.');
    return experiment;
  }

  /** Every run with its decoded results, in run order, a page at a time. */
  async function* resultRuns(experiment: ExperimentRow): AsyncGenerator<ResultRun> {
    const repetitions = asDesign(experiment).repetitions;
    let after: { conditionIndex: number; repetition: number } | null = null;
    for (;;) {
      const page = await results.resultPage(experiment.id, after, PAGE);
      for (const row of page) yield toResultRun(row, repetitions);
      const last = page.at(-1);
      if (!last || page.length < PAGE) return;
      after = { conditionIndex: last.conditionIndex, repetition: last.repetition };
    }
  }

  /**
   * The conditions as the runs were created. Not re-expanded from the stored design: PostgreSQL
   * jsonb gives the design back with its keys sorted, which can change the order of the value sets
   * and so which condition index means what. Every condition has a first repetition.
   */
  async function conditionsOf(experiment: ExperimentRow) {
    const rows = await results.conditionParameters(experiment.id);
    const conditions = rows.map((row) => row.parameters as Record<string, ParamValue>);
    const varying = varyingParameters(conditions);
    return rows.map((row, i) => ({ index: row.conditionIndex, parameters: conditions[i] as Record<string, ParamValue>, label: conditionLabel(conditions[i] as Record<string, ParamValue>, varying) }));
  }

  async function* csvChunks(experiment: ExperimentRow): AsyncGenerator<string> {
    const design = asDesign(experiment);
    const parameterNames = Object.keys(designConditions(design)[0] ?? {});
    const metrics = designMetrics(design);
    yield resultsCsvHeader(parameterNames, metrics);
    for await (const run of resultRuns(experiment)) {
      const rows = runCsvRows(run, parameterNames, metrics);
      if (rows) yield rows;
    }
  }

  return {
    async getOverview(actor: ExperimentActor, id: string): Promise<ExperimentOverview> {
      const experiment = await getOwnedOrThrow(actor, id);
      const design = asDesign(experiment);
      const archive = await results.findArchiveState(experiment.id);
      const conditions = designConditions(design);
      const sampled = new Set(Object.keys(design.lhs?.parameters ?? {}));
      const valueSets = Object.keys(conditions[0] ?? {})
        .filter((name) => !sampled.has(name))
        .map((name) => ({ name, values: [...new Set(conditions.map((c) => c[name] as ParamValue))] }));
      return {
        id: experiment.id,
        name: experiment.name,
        status: experiment.status,
        preset: presetOfDesign(experiment.design),
        ownerName: archive?.owner.name ?? '',
        modelVersion: experiment.modelVersion,
        rootSeed: Number(experiment.rootSeed),
        totalRuns: experiment.totalRuns,
        createdAt: experiment.createdAt,
        startedAt: experiment.startedAt,
        finishedAt: experiment.finishedAt,
        design: {
          steps: design.steps,
          repetitions: design.repetitions,
          variant: design.variant ?? null,
          fidelity: design.fidelity ?? null,
          perTick: isPerTick(design),
          metrics: designMetrics(design),
          valueSets,
          lhs: design.lhs
            ? { samples: design.lhs.samples, parameters: Object.entries(design.lhs.parameters).map(([name, range]) => ({ name, min: range.min, max: range.max })) }
            : null,
          raw: experiment.design,
        },
        conditions: await conditionsOf(experiment),
        datasetId: archive?.datasetId ?? null,
      };
    },

    async listRuns(actor: ExperimentActor, id: string, input: TRunListInput): Promise<{ total: number; page: number; pageSize: number; items: RunView[] }> {
      const { page, pageSize, status } = ZRunListInput.parse(input);
      const experiment = await getOwnedOrThrow(actor, id);
      const repetitions = asDesign(experiment).repetitions;
      const { total, items } = await results.listRuns(experiment.id, { ...(status ? { statuses: [status] } : {}), skip: (page - 1) * pageSize, take: pageSize });
      return {
        total,
        page,
        pageSize,
        items: items.map((row) => {
          const summary = (row.summary as Record<string, unknown> | null) ?? null;
          return {
            id: row.id,
            runNumber: row.conditionIndex * repetitions + row.repetition + 1,
            conditionIndex: row.conditionIndex,
            repetition: row.repetition,
            parameters: row.parameters as Record<string, ParamValue>,
            seed: Number(row.seed),
            status: row.status,
            attempts: row.attempts,
            tick: row.progressTick,
            stopReason: typeof summary?.stop_reason === 'string' ? summary.stop_reason : null,
            stopTick: typeof summary?.stop_tick === 'number' ? summary.stop_tick : null,
            error: row.error,
            startedAt: row.startedAt,
            finishedAt: row.finishedAt,
          };
        }),
      };
    },

    /**
     * One metric across the completed runs: per condition, mean and 95% band per sampled tick
     * (at most `maxPoints` ticks) and over the final values. Reads one condition's runs at a time.
     */
    async getMetric(actor: ExperimentActor, id: string, input: { metric: string; maxPoints?: number }): Promise<MetricResult & { perTick: boolean; completedRuns: number }> {
      const experiment = await getOwnedOrThrow(actor, id);
      const design = asDesign(experiment);
      if (!designMetrics(design).includes(input.metric)) throw new AppError('BAD_REQUEST', `This experiment did not record the metric "${input.metric}".`);
      const perTick = isPerTick(design);
      const ticks = perTick ? sampleTicks(design.steps, input.maxPoints ?? 200) : [];
      const labels = new Map((await conditionsOf(experiment)).map((c) => [c.index, c.label]));
      const conditions: MetricResult['conditions'] = [];
      let pending: ResultRun[] = [];
      const flush = () => {
        const first = pending[0];
        if (first && pending.some((r) => r.status === 'completed')) {
          conditions.push(aggregateCondition(pending, input.metric, ticks, labels.get(first.conditionIndex) ?? `Condition ${first.conditionIndex + 1}`));
        }
        pending = [];
      };
      for await (const run of resultRuns(experiment)) {
        if (pending[0] && pending[0].conditionIndex !== run.conditionIndex) flush();
        // Only what the aggregate needs is kept: the metric's own column.
        const column = run.series?.metrics[input.metric];
        pending.push({ ...run, series: run.series && column ? { ticks: run.series.ticks, metrics: { [input.metric]: column } } : null });
      }
      flush();
      return { metric: input.metric, ticks, conditions, perTick, completedRuns: conditions.reduce((n, c) => n + c.runs, 0) };
    },

    /**
     * The sensitivity analysis of a Latin-hypercube experiment: PRCC of the final value of each
     * requested metric (default: every recorded one) on each sampled parameter, from the stored
     * summaries of the runs completed so far.
     */
    async getSensitivity(actor: ExperimentActor, id: string, input: TSensitivityInput = {}): Promise<SensitivityView> {
      const experiment = await getOwnedOrThrow(actor, id);
      const design = asDesign(experiment);
      if (!design.lhs) throw new AppError('BAD_REQUEST', 'This experiment is not a Latin-hypercube design, so it has no sensitivity analysis.');
      const recorded = designMetrics(design);
      const metrics = ZSensitivityInput.parse(input).metrics ?? recorded;
      const unknown = metrics.find((m) => !recorded.includes(m));
      if (unknown) throw new AppError('BAD_REQUEST', `This experiment did not record the metric "${unknown}".`);
      const runs: SensitivityRun[] = [];
      let after: { conditionIndex: number; repetition: number } | null = null;
      for (;;) {
        const page = await results.summaryPage(experiment.id, after, PAGE * 10);
        for (const row of page) {
          if (row.summary && typeof row.summary === 'object') runs.push({ parameters: row.parameters as Record<string, ParamValue>, summary: row.summary as Record<string, unknown> });
        }
        const last = page.at(-1);
        if (!last || page.length < PAGE * 10) break;
        after = { conditionIndex: last.conditionIndex, repetition: last.repetition };
      }
      return {
        parameters: Object.entries(design.lhs.parameters).map(([name, range]) => ({ name, min: range.min, max: range.max })),
        samples: design.lhs.samples,
        repetitions: design.repetitions,
        completedRuns: runs.length,
        outputs: sensitivityOfRuns(design.lhs, runs, metrics),
      };
    },

    /**
     * Two conditions side by side: per recorded metric, each one's mean final value with its 95%
     * interval and the difference of means (B − A) with its 95% Welch interval.
     */
    async compareConditions(actor: ExperimentActor, id: string, input: TCompareInput): Promise<ComparisonView> {
      const { a, b } = ZCompareInput.parse(input);
      const experiment = await getOwnedOrThrow(actor, id);
      if (a === b) throw new AppError('BAD_REQUEST', 'Pick two different conditions to compare.');
      const conditions = new Map((await conditionsOf(experiment)).map((c) => [c.index, c]));
      const ca = conditions.get(a);
      const cb = conditions.get(b);
      if (!ca || !cb) throw new AppError('BAD_REQUEST', `This experiment has conditions 1 to ${conditions.size}.`);
      const rows = await results.conditionSummaries(experiment.id, [a, b]);
      const summaries = (index: number) => rows.filter((r) => r.conditionIndex === index && r.summary && typeof r.summary === 'object').map((r) => r.summary as Record<string, unknown>);
      const sa = summaries(a);
      const sb = summaries(b);
      const side = (c: typeof ca, runs: number) => ({ conditionIndex: c.index, label: c.label, parameters: c.parameters, runs });
      return { a: side(ca, sa.length), b: side(cb, sb.length), metrics: compareFinalValues(sa, sb, designMetrics(asDesign(experiment))) };
    },

    /** Tidy CSV, one row per run × recorded tick (BehaviorSpace table layout), streamed. */
    async exportCsv(actor: ExperimentActor, id: string): Promise<ResultsExport> {
      const experiment = await getOwnedOrThrow(actor, id);
      return { fileName: `${slug(experiment.name)}-results.csv`, mediaType: 'text/csv', chunks: csvChunks(experiment) };
    },

    /** The experiment, its design and every run with its summary and per-tick series, streamed. */
    async exportJson(actor: ExperimentActor, id: string): Promise<ResultsExport> {
      const experiment = await getOwnedOrThrow(actor, id);
      const design = asDesign(experiment);
      async function* chunks(): AsyncGenerator<string> {
        const head = {
          id: experiment.id,
          name: experiment.name,
          status: experiment.status,
          modelVersion: experiment.modelVersion,
          rootSeed: Number(experiment.rootSeed),
          createdAt: experiment.createdAt.toISOString(),
          finishedAt: experiment.finishedAt?.toISOString() ?? null,
          design: experiment.design,
          metrics: designMetrics(design),
        };
        yield `${JSON.stringify(head).slice(0, -1)},"runs":[`;
        let first = true;
        for await (const run of resultRuns(experiment)) {
          yield `${first ? '' : ','}\n${JSON.stringify(run)}`;
          first = false;
        }
        yield '\n]}\n';
      }
      return { fileName: `${slug(experiment.name)}-results.json`, mediaType: 'application/json', chunks: chunks() };
    },

    /**
     * Publishes the design and the results CSV as a new data set in the archive, once per
     * experiment: asking again returns the same data set.
     */
    async archive(actor: ExperimentActor, id: string): Promise<{ datasetId: string; created: boolean }> {
      requireResearcher(actor);
      const experiment = await getOwnedOrThrow(actor, id);
      const state = await results.findArchiveState(experiment.id);
      if (state?.datasetId) return { datasetId: state.datasetId, created: false };
      if (experiment.status !== 'completed') throw new AppError('CONFLICT', 'Only completed experiments can be archived.');
      const now = clock();
      if (!(await results.claimArchiving(experiment.id, now, new Date(now.getTime() - ARCHIVE_LEASE_MS)))) {
        const again = await results.findArchiveState(experiment.id);
        if (again?.datasetId) return { datasetId: again.datasetId, created: false };
        throw new AppError('CONFLICT', 'This experiment is being archived right now; try again in a moment.');
      }
      try {
        const design = asDesign(experiment);
        const encoder = new TextEncoder();
        const parts: Uint8Array[] = [];
        let size = 0;
        for await (const chunk of csvChunks(experiment)) {
          const bytes = encoder.encode(chunk);
          size += bytes.byteLength;
          if (size > MAX_ARCHIVE_CSV_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'The results are larger than the archive takes in one file (20 MB); download the CSV instead.');
          parts.push(bytes);
        }
        const csv = new Uint8Array(size);
        let offset = 0;
        for (const part of parts) {
          csv.set(part, offset);
          offset += part.byteLength;
        }
        const designJson = `${JSON.stringify(experiment.design, null, 2)}\n`;
        const published = await deps.archive.publishDataset({
          ownerId: experiment.ownerId,
          metadata: {
            title: `Simulation results: ${experiment.name}`,
            description: `Results of the P2Pvalue agent-based model experiment "${experiment.name}": ${experiment.totalRuns} runs (${design.repetitions} repetitions of each condition, up to ${design.steps} ticks). results.csv has one row per run and recorded tick (BehaviorSpace table layout); design.json is the experiment design.`,
            creators: [{ name: state?.owner.name || 'P2Pvalue researcher' }],
            keywords: ['simulation', 'agent-based model', 'P2Pvalue', 'CBPP'],
            licence: 'CC-BY-4.0',
            provenance: `Experiment ${experiment.id}, model version ${experiment.modelVersion}, root seed ${experiment.rootSeed}, finished ${experiment.finishedAt?.toISOString() ?? 'unknown'}.\nDesign:\n${designJson.slice(0, 15_000)}`,
          },
          files: [
            { name: 'results.csv', content: csv },
            { name: 'design.json', content: encoder.encode(designJson) },
          ],
        });
        await results.finishArchiving(experiment.id, published.datasetId);
        return { datasetId: published.datasetId, created: true };
      } catch (error) {
        await results.releaseArchiving(experiment.id);
        throw error;
      }
    },
  };
}

export type ExperimentResultsService = ReturnType<typeof createExperimentResultsService>;
