/**
 * Runs every run of an expanded design on a worker pool. Results arrive in any order; they are
 * written to the table strictly in run order (a reorder buffer holds early finishers), so the
 * table and the summary are byte-identical whatever the worker count or timing.
 */
import { summariseCondition, type ConditionSummary, type ReplicateResult } from './condition-summary';
import { TableWriter } from './table-writer';
import { WorkerPool } from './worker-pool';
import type { RunTask, RunTaskResult } from './run-task';
import type { Design, Fidelity, ParamValue, RunSpec, SimConfig, Variant } from '../sim-lib';

/** Runs that may be in flight or buffered beyond the next one to write. */
const REORDER_WINDOW = 64;

export interface ExperimentPlan {
  design: Design;
  runs: RunSpec[];
  metrics: string[];
  paramNames: string[];
  rootSeed: number;
  variant?: Variant;
  fidelity?: Fidelity;
}

export interface ExperimentSummary {
  experiment: string;
  model: string | null;
  version: string | null;
  variant: Variant;
  fidelity: Fidelity;
  rootSeed: number;
  repetitions: number;
  steps: number;
  runMetricsEveryStep: boolean;
  runs: number;
  runTicks: number;
  metrics: string[];
  conditions: ConditionSummary[];
}

export function runConfig(plan: ExperimentPlan, run: RunSpec): SimConfig {
  const config: SimConfig = { seed: run.seed, params: { ...run.params } };
  if (plan.variant !== undefined) config.variant = plan.variant;
  if (plan.fidelity !== undefined) config.fidelity = plan.fidelity;
  return config;
}

export async function runExperiment(
  plan: ExperimentPlan,
  options: { workers: number; tablePath: string; onProgress?: (done: number) => void },
): Promise<ExperimentSummary> {
  const record = plan.design.runMetricsEveryStep === false ? 'final' : 'every-tick';
  const pool = new WorkerPool<RunTask, RunTaskResult>(
    Math.max(1, Math.min(options.workers, plan.runs.length)),
    new URL('./run-worker.mjs', import.meta.url),
  );
  const table = new TableWriter(options.tablePath, plan.paramNames, plan.metrics);
  const byCondition = new Map<number, { params: Record<string, ParamValue>; results: ReplicateResult[] }>();
  const waiting = new Map<number, RunTaskResult>();
  let nextToWrite = 0;
  let done = 0;
  let runTicks = 0;
  let model: string | null = null;
  let version: string | null = null;

  const flush = (): void => {
    for (let r = waiting.get(nextToWrite); r !== undefined; r = waiting.get(nextToWrite)) {
      const spec = plan.runs[nextToWrite] as RunSpec;
      waiting.delete(nextToWrite);
      table.writeRun(spec.runIndex + 1, spec.params, r);
      nextToWrite++;
    }
  };

  const handle = (spec: RunSpec, result: RunTaskResult): void => {
    model ??= result.model;
    version ??= result.version;
    runTicks += result.ticks;
    const entry = byCondition.get(spec.conditionIndex) ?? { params: spec.params, results: [] };
    entry.results.push({
      replicate: spec.replicate,
      seed: spec.seed,
      // The summary needs only final values; the full series go to the table alone.
      series: Object.fromEntries(plan.metrics.map((m) => [m, (result.series[m] ?? []).slice(-1)])),
      stopReason: result.stopReason,
      stopTick: result.stopTick,
      runtimeErrors: result.runtimeErrors,
    });
    byCondition.set(spec.conditionIndex, entry);
    waiting.set(spec.runIndex, result);
    flush();
    // Not `onProgress?.(++done)`: optional chaining would skip the increment without a callback.
    done++;
    options.onProgress?.(done);
  };

  try {
    await new Promise<void>((resolve, reject) => {
      let submitted = 0;
      let failed = false;
      // Submit runs only within a window ahead of the next one to be written, so a slow early
      // run cannot make the reorder buffer hold the series of the whole experiment.
      const submit = (): void => {
        while (!failed && submitted < plan.runs.length && submitted < nextToWrite + REORDER_WINDOW) {
          const spec = plan.runs[submitted++] as RunSpec;
          pool.run({ config: runConfig(plan, spec), ticks: plan.design.steps, metrics: plan.metrics, record }).then(
            (result) => {
              if (failed) return;
              handle(spec, result);
              if (done === plan.runs.length) resolve();
              else submit();
            },
            (e: unknown) => {
              if (failed) return;
              failed = true;
              const where = `run ${spec.runIndex + 1} (condition ${spec.conditionIndex}, replicate ${spec.replicate}, seed ${spec.seed})`;
              reject(new Error(`${where} failed: ${e instanceof Error ? e.message : String(e)}`));
            },
          );
        }
      };
      if (plan.runs.length === 0) resolve();
      else submit();
    });
  } finally {
    table.close();
    await pool.close();
  }

  const conditions = [...byCondition.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, { params, results }]) => summariseCondition(index, params, plan.metrics, results));
  return {
    experiment: plan.design.name,
    model,
    version,
    variant: plan.variant ?? 'D2.2',
    fidelity: plan.fidelity ?? 'faithful',
    rootSeed: plan.rootSeed,
    repetitions: plan.runs.length === 0 ? 0 : Math.max(...plan.runs.map((r) => r.replicate)) + 1,
    steps: plan.design.steps,
    runMetricsEveryStep: record === 'every-tick',
    runs: plan.runs.length,
    runTicks,
    metrics: plan.metrics,
    conditions,
  };
}
