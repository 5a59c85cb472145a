/**
 * Tidy CSV of one run: one row per recorded tick, one column per metric.
 */
import { csvRow } from './csv-format';

export interface SeriesOutput {
  ticks: number;
  series: Record<string, ReadonlyArray<number | null>>;
}

/**
 * Tick of each recorded row. Series recorded every tick hold ticks 0..n−1 (0 = after setup);
 * a final-only record holds one value, the state at the last tick run.
 */
export function recordedTicks(output: SeriesOutput, length: number): number[] {
  if (length === 0) return [];
  const first = output.ticks - (length - 1);
  return Array.from({ length }, (_, i) => first + i);
}

export function runToCsv(output: SeriesOutput): string {
  const metrics = Object.keys(output.series);
  const length = Math.max(0, ...metrics.map((m) => output.series[m]?.length ?? 0));
  const ticks = recordedTicks(output, length);
  let text = csvRow(['tick', ...metrics]);
  for (let i = 0; i < length; i++) {
    text += csvRow([ticks[i], ...metrics.map((m) => output.series[m]?.[i] ?? null)]);
  }
  return text;
}
