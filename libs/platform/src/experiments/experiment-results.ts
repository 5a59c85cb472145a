import { meanCI95, type ParamValue } from '@p2pvalue/sim';
import type { StoredSeries } from './run-series';
import type { TRunStatus } from './experiment.repository';

// Pure arithmetic of experiment results: mean and 95% interval across repetitions per condition,
// and the tidy CSV rows (BehaviorSpace table layout). No I/O; the service feeds it stored runs.

/** One run with what it stored, as the results code reads it. */
export interface ResultRun {
  /** 1-based, in BehaviorSpace order (condition-major): `[run number]` of the table output. */
  runNumber: number;
  conditionIndex: number;
  repetition: number;
  seed: number;
  parameters: Record<string, ParamValue>;
  status: TRunStatus;
  /** Final values of the metrics plus stop_reason / stop_tick; null until the run completes. */
  summary: Record<string, unknown> | null;
  /** Per-tick values (index = tick), present when the design recorded every tick. */
  series: StoredSeries | null;
}

/** Mean with its 95% Student-t interval; null where undefined (no value, or one value for lo/hi). */
export interface MeanBand {
  mean: number | null;
  lo: number | null;
  hi: number | null;
  n: number;
}

export interface ConditionResult {
  conditionIndex: number;
  label: string;
  parameters: Record<string, ParamValue>;
  /** Completed runs of the condition that went into the numbers. */
  runs: number;
  /** One entry per sampled tick (empty for final-only designs). */
  series: MeanBand[];
  /** The metric's value at the end of each run. */
  final: MeanBand & { values: number[] };
}

export interface MetricResult {
  metric: string;
  /** The sampled ticks the series entries refer to. */
  ticks: number[];
  conditions: ConditionResult[];
}

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null);

/** Mean and 95% interval of the finite values (libs/sim's meanCI95, the dashboard's arithmetic too). */
export function meanBand(values: readonly number[]): MeanBand {
  if (values.length === 0) return { mean: null, lo: null, hi: null, n: 0 };
  const ci = meanCI95(values);
  return { mean: finiteOrNull(ci.mean), lo: finiteOrNull(ci.lo), hi: finiteOrNull(ci.hi), n: ci.n };
}

/**
 * At most `maxPoints` ticks from 0 to `lastTick`, evenly spaced, always with both ends, so a
 * 100,000-tick experiment still plots (and transfers) a few hundred points.
 */
export function sampleTicks(lastTick: number, maxPoints: number): number[] {
  const last = Math.max(0, Math.floor(lastTick));
  const points = Math.max(2, Math.floor(maxPoints));
  if (last + 1 <= points) return Array.from({ length: last + 1 }, (_, i) => i);
  const ticks = new Set<number>();
  for (let i = 0; i < points; i++) ticks.add(Math.round((i * last) / (points - 1)));
  return [...ticks].sort((a, b) => a - b);
}

/** Parameters whose value differs between conditions: the ones that name a condition. */
export function varyingParameters(conditions: readonly Record<string, ParamValue>[]): string[] {
  const first = conditions[0];
  if (!first) return [];
  return Object.keys(first).filter((name) => conditions.some((c) => c[name] !== first[name]));
}

/**
 * A value as a label shows it: Latin-hypercube samples are arbitrary floats (0.12190545696333574),
 * so non-integers are cut to 6 significant digits; the run itself keeps the exact value.
 */
function labelValue(value: ParamValue | undefined): string {
  if (typeof value === 'number' && !Number.isInteger(value)) return String(Number(value.toPrecision(6)));
  return String(value);
}

export function conditionLabel(parameters: Record<string, ParamValue>, varying: readonly string[]): string {
  if (varying.length === 0) return 'All runs';
  return varying.map((name) => `${name} = ${labelValue(parameters[name])}`).join(', ');
}

function finalValue(run: ResultRun, metric: string): number | null {
  const value = run.summary?.[metric];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Mean and 95% band across the repetitions of one condition, per sampled tick and at the end.
 * A run that stopped early (the model's own stop) has no values after its stop tick and simply
 * drops out there: `n` says how many runs each point rests on. Null values (an empty role, say)
 * are left out the same way.
 */
export function aggregateCondition(
  runs: readonly ResultRun[],
  metric: string,
  ticks: readonly number[],
  label: string,
): ConditionResult {
  const completed = runs.filter((r) => r.status === 'completed');
  const first = runs[0];
  const columns = completed.map((r) => r.series?.metrics[metric]).filter((c): c is (number | null)[] => Array.isArray(c));
  const series = columns.length === 0
    ? []
    : ticks.map((tick) => {
        const values: number[] = [];
        for (const column of columns) {
          const v = column[tick];
          if (typeof v === 'number' && Number.isFinite(v)) values.push(v);
        }
        return meanBand(values);
      });
  const finals = completed.map((r) => finalValue(r, metric)).filter((v): v is number => v !== null);
  return {
    conditionIndex: first?.conditionIndex ?? 0,
    label,
    parameters: first?.parameters ?? {},
    runs: completed.length,
    series,
    final: { ...meanBand(finals), values: finals },
  };
}

/** Groups runs by condition (in condition order) and aggregates each. */
export function aggregateMetric(runs: readonly ResultRun[], metric: string, ticks: readonly number[], labels: ReadonlyMap<number, string>): MetricResult {
  const byCondition = new Map<number, ResultRun[]>();
  for (const run of runs) {
    const list = byCondition.get(run.conditionIndex) ?? [];
    list.push(run);
    byCondition.set(run.conditionIndex, list);
  }
  const conditions = [...byCondition.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, list]) => aggregateCondition(list, metric, ticks, labels.get(index) ?? `Condition ${index + 1}`));
  return { metric, ticks: [...ticks], conditions };
}

// --- tidy CSV (BehaviorSpace "table" layout) -----------------------------------------------------

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text.trim() !== text ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Header of the results table: `[run number]`, the condition, repetition and seed, the
 * parameters, `[step]`, then one column per metric — BehaviorSpace's table output plus the three
 * columns that make a row reproducible on its own.
 */
export function resultsCsvHeader(parameterNames: readonly string[], metrics: readonly string[]): string {
  return `${['[run number]', 'condition', 'repetition', 'seed', ...parameterNames, '[step]', ...metrics].map(csvCell).join(',')}\n`;
}

/**
 * The rows of one completed run: one per recorded tick, or a single row at its final tick when the
 * design recorded final values only. Other runs have no results and no rows.
 */
export function runCsvRows(run: ResultRun, parameterNames: readonly string[], metrics: readonly string[]): string {
  if (run.status !== 'completed' || !run.summary) return '';
  const prefix = [run.runNumber, run.conditionIndex + 1, run.repetition + 1, run.seed, ...parameterNames.map((name) => run.parameters[name])].map(csvCell).join(',');
  const columns = run.series ? metrics.map((m) => run.series?.metrics[m] ?? []) : null;
  if (!columns || columns.every((c) => c.length === 0)) {
    const stopTick = typeof run.summary.stop_tick === 'number' ? run.summary.stop_tick : run.series?.ticks ?? 0;
    return `${prefix},${csvCell(stopTick)},${metrics.map((m) => csvCell(finalValue(run, m))).join(',')}\n`;
  }
  const length = Math.max(...columns.map((c) => c.length));
  let rows = '';
  for (let tick = 0; tick < length; tick++) rows += `${prefix},${tick},${columns.map((c) => csvCell(c[tick])).join(',')}\n`;
  return rows;
}
