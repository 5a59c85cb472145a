import { kaplanMeier, survivalAt } from '@p2pvalue/sim';
import type { MemberTimeline } from './role-classification';

export interface SurvivalPoint {
  week: number;
  survival: number;
}

export interface MemberSurvival {
  /** Members followed (ever a member, with at least one contribution). */
  subjects: number;
  /** Of them, how many left (the rest are censored: still members). */
  exits: number;
  /** Kaplan–Meier step curve, starting at (0, 1). */
  curve: SurvivalPoint[];
  /** S(26) and S(52) weeks; null when nobody has been followed that long. */
  survival26: number | null;
  survival52: number | null;
}

export interface CohortRetention {
  /** Monday of the cohort's first week. */
  cohort: string;
  size: number;
  /** Share of the cohort still a member 26 / 52 weeks after their first contribution; null when the cohort is too young. */
  retained26: number | null;
  retained52: number | null;
}

interface Spell {
  start: number;
  duration: number;
  observed: boolean;
}

/**
 * Tenure from first contribution: members who contributed, from the week of their first
 * contribution to the week they last left (an exit) or to the last week (censored, still a
 * member). People who contributed without ever being members are not followed.
 */
function spells(timelines: readonly MemberTimeline[], lastWeek: number): Spell[] {
  const out: Spell[] = [];
  for (const t of timelines) {
    if (t.firstContributionWeek === null || !t.everMember) continue;
    const start = t.firstContributionWeek;
    if (t.memberAtEnd || t.lastLeaveWeek === null) out.push({ start, duration: lastWeek - start, observed: false });
    else out.push({ start, duration: Math.max(0, t.lastLeaveWeek - start), observed: true });
  }
  return out;
}

function survivalAtOrNull(curve: ReturnType<typeof kaplanMeier>, s: Spell[], t: number): number | null {
  // Beyond the longest follow-up the estimate is undefined.
  if (!s.some((x) => x.duration >= t)) return null;
  return survivalAt(curve, t);
}

/** Kaplan–Meier survival of members from their first contribution (libs/sim's estimator). */
export function memberSurvival(timelines: readonly MemberTimeline[], lastWeek: number): MemberSurvival {
  const s = spells(timelines, lastWeek);
  const km = kaplanMeier(
    s.map((x) => x.duration),
    s.map((x) => x.observed),
  );
  const curve: SurvivalPoint[] = [{ week: 0, survival: 1 }, ...km.times.map((week, i) => ({ week, survival: km.survival[i] as number }))];
  return {
    subjects: s.length,
    exits: s.filter((x) => x.observed).length,
    curve,
    survival26: survivalAtOrNull(km, s, 26),
    survival52: survivalAtOrNull(km, s, 52),
  };
}

/**
 * Cohorts of members by the quarter (13 weeks, counted from the first week shown) of their first
 * contribution; for each, the share still a member 26 and 52 weeks later, among those whose first
 * contribution is at least that old.
 */
export function cohortRetention(timelines: readonly MemberTimeline[], weeks: readonly string[], cohortWeeks = 13): CohortRetention[] {
  const lastWeek = weeks.length - 1;
  const s = spells(timelines, lastWeek);
  const byCohort = new Map<number, Spell[]>();
  for (const x of s) {
    const c = Math.floor(x.start / cohortWeeks);
    const list = byCohort.get(c) ?? [];
    list.push(x);
    byCohort.set(c, list);
  }
  const retained = (list: Spell[], h: number): number | null => {
    const eligible = list.filter((x) => x.start + h <= lastWeek);
    if (eligible.length === 0) return null;
    return eligible.filter((x) => x.duration >= h).length / eligible.length;
  };
  return [...byCohort.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([c, list]) => ({ cohort: weeks[c * cohortWeeks] as string, size: list.length, retained26: retained(list, 26), retained52: retained(list, 52) }));
}
