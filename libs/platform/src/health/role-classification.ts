import type { ContributionTally, MembershipFlowEvent, RoleRules, TRole } from './health.types';
import { MS_PER_WEEK, weekFromKey } from './health-week';

/** Role changes between two consecutive weeks of members present in both. */
export interface RoleChanges {
  from90to9: number;
  from9to1: number;
  from1to9: number;
  from9to90: number;
  from1to90: number;
  from90to1: number;
}

export interface RoleWeek {
  /** Monday of the week, `YYYY-MM-DD`. */
  week: string;
  /** Members at the end of the week. */
  members: number;
  count1s: number;
  count9s: number;
  count90s: number;
  /** Contributions made in the week (by anyone, member or not). */
  contributions: number;
  /** Distinct people who contributed in the week. */
  contributors: number;
  joins: number;
  leaves: number;
  changes: RoleChanges;
}

/** Where one member stands: used by the survival and retention metrics. */
export interface MemberTimeline {
  userId: string;
  /** Index (into the weeks) of the first week with a contribution, or null. */
  firstContributionWeek: number | null;
  /** Member at the end of the last week. */
  memberAtEnd: boolean;
  /** Index of the week of the last leave, or null if never left. */
  lastLeaveWeek: number | null;
  /** Ever a member (at least one join). */
  everMember: boolean;
}

export interface RoleSeries {
  weeks: RoleWeek[];
  timelines: MemberTimeline[];
  /** Contributions per person and week: `perWeek[userId][weekIndex]`. */
  perWeek: Map<string, Float64Array>;
}

/** The operational role of a member from their contributions in the trailing window. */
export function classifyRole(contributionsInWindow: number, rules: RoleRules): TRole {
  if (contributionsInWindow >= rules.coreThreshold) return '1';
  if (contributionsInWindow >= 1) return '9';
  return '90';
}

const emptyChanges = (): RoleChanges => ({ from90to9: 0, from9to1: 0, from1to9: 0, from9to90: 0, from1to90: 0, from90to1: 0 });

function countChange(changes: RoleChanges, from: TRole, to: TRole): void {
  if (from === to) return;
  const key = `from${from}to${to}` as keyof RoleChanges;
  changes[key] += 1;
}

/**
 * Classifies every member in every week of `weeks` (consecutive week keys) and counts the
 * flows. A member is counted in a week when they are a member at its end (their last join or
 * leave before the next Monday was a join); their role is read from the contributions of the
 * `rules.windowWeeks` weeks ending with it (see docs/health.md).
 */
export function classifyWeeks(
  weeks: readonly string[],
  contributions: readonly ContributionTally[],
  memberships: readonly MembershipFlowEvent[],
  rules: RoleRules,
): RoleSeries {
  if (!(rules.windowWeeks >= 1 && Number.isInteger(rules.windowWeeks))) throw new RangeError('windowWeeks must be a positive integer');
  if (!(rules.coreThreshold >= 1)) throw new RangeError('coreThreshold must be at least 1');
  const n = weeks.length;
  const index = new Map(weeks.map((w, i) => [w, i] as const));
  const perWeek = new Map<string, Float64Array>();
  const row = (userId: string): Float64Array => {
    let r = perWeek.get(userId);
    if (!r) {
      r = new Float64Array(n);
      perWeek.set(userId, r);
    }
    return r;
  };
  for (const c of contributions) {
    const i = index.get(c.week);
    if (i === undefined || c.count <= 0) continue;
    const r = row(c.userId);
    r[i] = (r[i] as number) + c.count;
  }

  const origin = n > 0 ? weekFromKey(weeks[0] as string).getTime() : 0;
  const weekOf = (at: Date): number => Math.floor((at.getTime() - origin) / MS_PER_WEEK);
  const events = [...memberships].sort((a, b) => a.at.getTime() - b.at.getTime());

  const weekRows: RoleWeek[] = [];
  const present = new Set<string>();
  const lastLeave = new Map<string, number>();
  const everMember = new Set<string>();
  let previousRoles = new Map<string, TRole>();
  let e = 0;
  function applyEvent(ev: MembershipFlowEvent, w: number): void {
    if (ev.kind === 'join') {
      present.add(ev.userId);
      everMember.add(ev.userId);
    } else {
      present.delete(ev.userId);
      lastLeave.set(ev.userId, Math.max(0, w));
    }
  }

  // Events before the first week only set the starting membership.
  while (e < events.length && weekOf((events[e] as MembershipFlowEvent).at) < 0) applyEvent(events[e++] as MembershipFlowEvent, -1);

  for (let w = 0; w < n; w++) {
    let joins = 0;
    let leaves = 0;
    while (e < events.length && weekOf((events[e] as MembershipFlowEvent).at) <= w) {
      const ev = events[e++] as MembershipFlowEvent;
      if (ev.kind === 'join') joins++;
      else leaves++;
      applyEvent(ev, w);
    }
    let contributionsThisWeek = 0;
    let contributors = 0;
    for (const r of perWeek.values()) {
      const c = r[w] as number;
      if (c > 0) {
        contributionsThisWeek += c;
        contributors++;
      }
    }
    const roles = new Map<string, TRole>();
    const counts = { '1': 0, '9': 0, '90': 0 };
    const changes = emptyChanges();
    const from = Math.max(0, w - rules.windowWeeks + 1);
    for (const userId of present) {
      const r = perWeek.get(userId);
      let inWindow = 0;
      if (r) for (let k = from; k <= w; k++) inWindow += r[k] as number;
      const role = classifyRole(inWindow, rules);
      roles.set(userId, role);
      counts[role]++;
      const before = previousRoles.get(userId);
      if (before) countChange(changes, before, role);
    }
    previousRoles = roles;
    weekRows.push({
      week: weeks[w] as string,
      members: present.size,
      count1s: counts['1'],
      count9s: counts['9'],
      count90s: counts['90'],
      contributions: contributionsThisWeek,
      contributors,
      joins,
      leaves,
      changes,
    });
  }

  const people = new Set<string>([...perWeek.keys(), ...everMember]);
  const timelines: MemberTimeline[] = [...people].map((userId) => {
    const r = perWeek.get(userId);
    let first: number | null = null;
    if (r) for (let k = 0; k < n && first === null; k++) if ((r[k] as number) > 0) first = k;
    return { userId, firstContributionWeek: first, memberAtEnd: present.has(userId), lastLeaveWeek: lastLeave.get(userId) ?? null, everMember: everMember.has(userId) };
  });
  return { weeks: weekRows, timelines, perWeek };
}
