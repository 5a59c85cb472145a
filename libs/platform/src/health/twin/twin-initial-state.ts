import { getParameterSpec, parameterLimits } from '@p2pvalue/sim';
import type { HealthWeek } from '../community-health';

/**
 * The simulation twin's starting point (docs/health.md, "The twin"): a community's numbers mapped
 * onto the model's setup parameters, and the weekly series a calibration fits.
 */

/** What the community looks like in one week. */
export interface TwinCounts {
  count1s: number;
  count9s: number;
  count90s: number;
  /** The community's projects (platform projects). */
  projects: number;
  /** Needs open (not yet done or cancelled). */
  openNeeds: number;
}

/** A number that was changed (clamped) to fit the model, or that the model has no place for. */
export interface TwinMappingNote {
  field: keyof TwinCounts;
  observed: number;
  /** The value the model starts with, or null when the model cannot represent it at all. */
  used: number | null;
  reason: string;
}

export interface TwinInitialState {
  /** Setup parameters of the model (merge over the scenario's own). */
  params: Record<string, number>;
  notes: TwinMappingNote[];
}

/** Observed weekly series, one value per complete week; index 0 is the state the run starts from. */
export interface TwinObservedSeries {
  weeks: string[];
  count1s: number[];
  count9s: number[];
  count90s: number[];
  joins: number[];
  leaves: number[];
}

/** The series names a calibration can compare (the model's metric ids are count_1s, …). */
export const TWIN_SERIES = ['count1s', 'count9s', 'count90s'] as const;
export type TTwinSeries = (typeof TWIN_SERIES)[number];

/** Model metric recorded every tick for each observed series. */
export const TWIN_SERIES_METRIC: Record<TTwinSeries, string> = { count1s: 'count_1s', count9s: 'count_9s', count90s: 'count_90s' };

function clampTo(param: string, field: keyof TwinCounts, observed: number, notes: TwinMappingNote[], floor?: number): number {
  const spec = getParameterSpec(param);
  if (!spec) throw new Error(`unknown model parameter ${param}`);
  const { min, max } = parameterLimits(spec);
  const low = Math.max(min, floor ?? min);
  const value = Math.min(max, Math.max(low, Math.round(observed)));
  if (value !== observed) notes.push({ field, observed, used: value, reason: `the model's ${param} must be an integer in [${low}, ${max}]` });
  return value;
}

/**
 * Setup parameters whose initial state has the community's #1s, #9s, #90s and projects.
 * The model cannot start with a given number of open needs: a project's tasks are drawn at random
 * and `initial-tasks` is read nowhere (MODEL.md), so open needs are reported as unmatched. It also
 * has at least one project (setup links every #1 and #9 to a lone task, one per project).
 * Note that `initial-number-9s`/`-90s` also set the size of the model's entry batches (N/10).
 */
export function twinInitialState(counts: TwinCounts): TwinInitialState {
  const notes: TwinMappingNote[] = [];
  const params = {
    'initial-number-1s': clampTo('initial-number-1s', 'count1s', counts.count1s, notes),
    'initial-number-9s': clampTo('initial-number-9s', 'count9s', counts.count9s, notes),
    'initial-number-90s': clampTo('initial-number-90s', 'count90s', counts.count90s, notes),
    'initial-projects': clampTo('initial-projects', 'projects', counts.projects, notes, 1),
  };
  if (counts.openNeeds !== 0) {
    notes.push({ field: 'openNeeds', observed: counts.openNeeds, used: null, reason: 'the model draws each project’s tasks at random; it has no setting for the number of open needs' });
  }
  return { params, notes };
}

/**
 * The last `fitWeeks` complete weeks before the current one, preceded by the week they start from
 * (so `fitWeeks + 1` values, like a run of `fitWeeks` ticks recorded every tick). The current
 * week is still in progress and is left out. Fewer weeks are returned when the history is shorter.
 */
export function twinObservedSeries(weeks: readonly HealthWeek[], fitWeeks: number): TwinObservedSeries {
  if (!(Number.isInteger(fitWeeks) && fitWeeks >= 1)) throw new RangeError('fitWeeks must be a positive integer');
  const complete = weeks.slice(0, -1);
  const window = complete.slice(Math.max(0, complete.length - (fitWeeks + 1)));
  return {
    weeks: window.map((w) => w.week),
    count1s: window.map((w) => w.count1s),
    count9s: window.map((w) => w.count9s),
    count90s: window.map((w) => w.count90s),
    joins: window.map((w) => w.joins),
    leaves: window.map((w) => w.leaves),
  };
}

/** Counts of the first week of an observed series (where a calibration run starts). */
export function countsAtStart(series: TwinObservedSeries, rest: Pick<TwinCounts, 'projects' | 'openNeeds'>): TwinCounts {
  return { count1s: series.count1s[0] ?? 0, count9s: series.count9s[0] ?? 0, count90s: series.count90s[0] ?? 0, ...rest };
}
