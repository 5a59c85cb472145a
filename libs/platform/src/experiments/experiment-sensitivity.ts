import { partialRankCorrelation, type LhsSpec, type ParamValue } from '@p2pvalue/sim';

// Pure arithmetic of a sensitivity study: PRCC of each output (a metric's final value) on each
// Latin-hypercube parameter, from the stored run summaries. No I/O; the service feeds it runs.

/** A completed run as the sensitivity analysis reads it: its parameters and final values. */
export interface SensitivityRun {
  parameters: Record<string, ParamValue>;
  summary: Record<string, unknown>;
}

export interface PrccCoefficient {
  parameter: string;
  /** Null where undefined (a constant output, or fewer runs than the parameters need). */
  prcc: number | null;
  pValue: number | null;
  lo: number | null;
  hi: number | null;
  spearman: number | null;
}

export interface SensitivityOutput {
  metric: string;
  /** Runs with a final value of this metric (every replicate counts as a sample). */
  n: number;
  coefficients: PrccCoefficient[];
}

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null);

/**
 * PRCC of each metric's final value on each sampled parameter. Every completed run is one
 * observation (replicates of a sample included, so the run-to-run noise of the model is part of
 * what the coefficients must rise above); runs without a finite final value of a metric are left
 * out of that metric only.
 */
export function sensitivityOfRuns(lhs: LhsSpec, runs: readonly SensitivityRun[], metrics: readonly string[]): SensitivityOutput[] {
  const parameters = Object.keys(lhs.parameters);
  return metrics.map((metric) => {
    const usable = runs.filter((run) => {
      const y = run.summary[metric];
      return typeof y === 'number' && Number.isFinite(y) && parameters.every((p) => typeof run.parameters[p] === 'number');
    });
    const output = usable.map((run) => run.summary[metric] as number);
    const inputs = parameters.map((p) => usable.map((run) => run.parameters[p] as number));
    const results = usable.length === 0 ? null : partialRankCorrelation(inputs, output);
    return {
      metric,
      n: usable.length,
      coefficients: parameters.map((parameter, j) => {
        const r = results?.[j];
        return r
          ? { parameter, prcc: finiteOrNull(r.prcc), pValue: finiteOrNull(r.pValue), lo: finiteOrNull(r.lo), hi: finiteOrNull(r.hi), spearman: finiteOrNull(r.spearman) }
          : { parameter, prcc: null, pValue: null, lo: null, hi: null, spearman: null };
      }),
    };
  });
}
