/**
 * Registry of every observable: metric id → definition. Only requested
 * metrics are computed.
 */
import { SimConfigError } from '../params/sim-config-error';
import { BEHAVIORSPACE_EXTRA_METRICS, BEHAVIORSPACE_METRIC_IDS, BEHAVIORSPACE_METRICS } from './behaviorspace-metrics';
import { EXTRA_METRICS } from './extra-metrics';
import type { MetricDef, VectorDef } from './metric-types';
import { MONITOR_METRICS, PLOT_METRICS } from './plot-metrics';
import { VECTOR_METRICS } from './vector-metrics';

/** Every scalar metric, keyed by id. */
export const METRICS: ReadonlyMap<string, MetricDef> = new Map(
  [...BEHAVIORSPACE_METRICS, ...BEHAVIORSPACE_EXTRA_METRICS, ...PLOT_METRICS, ...MONITOR_METRICS, ...EXTRA_METRICS].map((d) => [d.id, d]),
);

/** Every vector observer, keyed by id. */
export const VECTORS: ReadonlyMap<string, VectorDef> = new Map(VECTOR_METRICS.map((d) => [d.id, d]));

/** Default metrics of a run: the 59 BehaviorSpace metrics. */
export const DEFAULT_METRIC_IDS: readonly string[] = BEHAVIORSPACE_METRIC_IDS;

/** Looks up metric definitions, throwing SimConfigError for an unknown id. */
export function resolveMetrics(ids: readonly string[]): MetricDef[] {
  return ids.map((id) => {
    const d = METRICS.get(id);
    if (!d) throw new SimConfigError('metrics', `Unknown metric "${id}"; known metrics: ${[...METRICS.keys()].join(', ')}`);
    return d;
  });
}

/** Looks up vector definitions, throwing SimConfigError for an unknown id. */
export function resolveVectors(ids: readonly string[], option: 'vectors' | 'histograms' = 'vectors'): VectorDef[] {
  return ids.map((id) => {
    const d = VECTORS.get(id);
    if (!d) throw new SimConfigError(option, `Unknown vector "${id}" in ${option}; known vectors: ${[...VECTORS.keys()].join(', ')}`);
    return d;
  });
}
