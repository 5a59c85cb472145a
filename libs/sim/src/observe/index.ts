export { METRICS, VECTORS, DEFAULT_METRIC_IDS, resolveMetrics, resolveVectors } from './registry';
export { BEHAVIORSPACE_METRIC_IDS } from './behaviorspace-metrics';
export type { MetricDef, VectorDef } from './metric-types';
