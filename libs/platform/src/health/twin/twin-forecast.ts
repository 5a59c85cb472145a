import { weightedBand, type SeriesBand } from '@p2pvalue/sim';
import type { TwinScenario } from './twin-scenarios';

/** The years the dashboard asks about, in weeks (the model's tick). */
export const ALIVE_AT_WEEKS = [52, 104, 260] as const;

/** One simulated future: the model's counts per week (index 0 is now). */
export interface ForecastRun {
  count1s: readonly (number | null)[];
  count9s: readonly (number | null)[];
  count90s: readonly (number | null)[];
}

export interface ScenarioForecast {
  id: TwinScenario['id'];
  label: string;
  runs: number;
  /** Community size (#1 + #9 + #90) and core size (#1) per week. */
  size: SeriesBand;
  core: SeriesBand;
  /** P(alive) at 52, 104 and 260 weeks; null beyond the horizon. */
  alive: { weeks: number; probability: number | null }[];
  /** Share of runs that collapsed within the horizon, and the median week of collapse among them. */
  collapsed: number;
  medianCollapseWeek: number | null;
}

const at = (series: readonly (number | null)[], t: number): number => (series.length === 0 ? 0 : (series[Math.min(t, series.length - 1)] ?? 0));

/**
 * The week a run collapses: the first week without any contributor (#1 or #9), after which the
 * model's community only consumes and nothing is produced any more; null if it never does.
 * A run that stopped early holds its last counts.
 */
export function collapseWeek(run: ForecastRun, horizon: number): number | null {
  for (let t = 0; t <= horizon; t++) if (at(run.count1s, t) + at(run.count9s, t) === 0) return t;
  return null;
}

/** Bands and survival of one scenario's runs (equally weighted draws from the posterior). */
export function summariseScenario(scenario: Pick<TwinScenario, 'id' | 'label'>, runs: readonly ForecastRun[], horizon: number): ScenarioForecast {
  const weights = runs.map(() => 1);
  const size = runs.map((r) => Array.from({ length: horizon + 1 }, (_, t) => at(r.count1s, t) + at(r.count9s, t) + at(r.count90s, t)));
  const collapses = runs.map((r) => collapseWeek(r, horizon));
  const collapsedWeeks = collapses.filter((w): w is number => w !== null).sort((a, b) => a - b);
  return {
    id: scenario.id,
    label: scenario.label,
    runs: runs.length,
    size: runs.length > 0 ? weightedBand(size, weights, horizon + 1) : { q05: [], median: [], q95: [] },
    core: runs.length > 0 ? weightedBand(runs.map((r) => r.count1s), weights, horizon + 1) : { q05: [], median: [], q95: [] },
    alive: ALIVE_AT_WEEKS.map((weeks) => ({
      weeks,
      probability: weeks > horizon || runs.length === 0 ? null : collapses.filter((c) => c === null || c > weeks).length / runs.length,
    })),
    collapsed: runs.length === 0 ? 0 : collapsedWeeks.length / runs.length,
    medianCollapseWeek: collapsedWeeks.length === 0 ? null : (collapsedWeeks[Math.floor((collapsedWeeks.length - 1) / 2)] as number),
  };
}
