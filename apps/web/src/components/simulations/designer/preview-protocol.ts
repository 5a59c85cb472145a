import type { Fidelity, ParamValue, Variant } from '@p2pvalue/sim';

/** The series the preview plots: the Size of Community pens and the number of projects. */
export const PREVIEW_METRICS = ['count_1s', 'count_9s', 'count_90s', 'count_projects'] as const;
export type PreviewMetric = (typeof PREVIEW_METRICS)[number];

/** Ticks a preview runs at most: enough to see a community grow, settle or die. */
export const PREVIEW_TICKS = 300;

/** Ticks stepped between two messages: small enough to animate, large enough not to flood the page. */
export const PREVIEW_CHUNK_TICKS = 5;

export interface PreviewRequest {
  type: 'run';
  /** Increases with every request; replies to an older one are ignored. */
  id: number;
  params: Record<string, ParamValue>;
  variant: Variant;
  fidelity: Fidelity;
  seed: number;
  ticks: number;
}

export interface PreviewCancel {
  type: 'cancel';
}

export type PreviewCommand = PreviewRequest | PreviewCancel;

export type PreviewMessage =
  | { type: 'progress'; id: number; tick: number; series: Record<PreviewMetric, Array<number | null>> }
  | { type: 'done'; id: number; tick: number; stopReason: string; series: Record<PreviewMetric, Array<number | null>> }
  | { type: 'error'; id: number; message: string };
