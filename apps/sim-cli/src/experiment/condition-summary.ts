/**
 * Per-condition aggregation across replicates: mean and 95% CI of every metric's final value,
 * guarded NetLogo runtime errors by code, stop reasons and stop ticks.
 */
import { meanCI95, type ParamValue } from '../sim-lib';

export interface ReplicateResult {
  replicate: number;
  seed: number;
  series: Record<string, ReadonlyArray<number | null>>;
  stopReason: string;
  stopTick: number;
  runtimeErrors: Record<string, number>;
}

export interface MetricSummary {
  mean: number | null;
  sd: number | null;
  n: number;
  lo: number | null;
  hi: number | null;
  /** Replicates whose final value was undefined (null), left out of the statistics. */
  nNull: number;
}

export interface ConditionSummary {
  condition: number;
  params: Record<string, ParamValue>;
  replicates: number;
  seeds: number[];
  final: Record<string, MetricSummary>;
  stopTick: MetricSummary;
  stopReasons: Record<string, number>;
  runtimeErrors: Record<string, number>;
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function summarise(values: ReadonlyArray<number | null>): MetricSummary {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const ci = meanCI95(present);
  return {
    mean: finite(ci.mean),
    sd: finite(ci.sd),
    n: ci.n,
    lo: finite(ci.lo),
    hi: finite(ci.hi),
    nNull: values.length - present.length,
  };
}

/** Keys sorted so that the summary does not depend on the order in which runs finished. */
function sortedCounts(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function summariseCondition(
  condition: number,
  params: Record<string, ParamValue>,
  metrics: readonly string[],
  results: readonly ReplicateResult[],
): ConditionSummary {
  const ordered = [...results].sort((a, b) => a.replicate - b.replicate);
  const final: Record<string, MetricSummary> = {};
  for (const m of metrics) {
    final[m] = summarise(
      ordered.map((r) => {
        const s = r.series[m];
        return s && s.length > 0 ? (s[s.length - 1] ?? null) : null;
      }),
    );
  }
  const stopReasons = new Map<string, number>();
  const runtimeErrors = new Map<string, number>();
  for (const r of ordered) {
    stopReasons.set(r.stopReason, (stopReasons.get(r.stopReason) ?? 0) + 1);
    for (const [code, count] of Object.entries(r.runtimeErrors)) {
      if (count > 0) runtimeErrors.set(code, (runtimeErrors.get(code) ?? 0) + count);
    }
  }
  return {
    condition,
    params,
    replicates: ordered.length,
    seeds: ordered.map((r) => r.seed),
    final,
    stopTick: summarise(ordered.map((r) => r.stopTick)),
    stopReasons: sortedCounts(stopReasons),
    runtimeErrors: sortedCounts(runtimeErrors),
  };
}
