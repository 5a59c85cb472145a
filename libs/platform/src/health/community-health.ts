import { gini } from '@p2pvalue/sim';
import { contributionDistribution, contributionInequality, type ContributionDistribution } from './contribution-inequality';
import { DEFAULT_ROLE_RULES, type HealthLedger, type RoleRules } from './health.types';
import { weekFromKey, weekKey, weekRange } from './health-week';
import { cohortRetention, memberSurvival, type CohortRetention, type MemberSurvival } from './member-survival';
import { fundingConcentration, needFlow, type FundingConcentration } from './need-flow';
import { classifyWeeks, type RoleChanges } from './role-classification';

/** The 1/9/90 reference shares (Nielsen's participation inequality, the model's namesake). */
export const REFERENCE_SHARES = { share1s: 0.01, share9s: 0.09, share90s: 0.9 } as const;

/** Longest history shown: ten years of weeks. */
export const MAX_HEALTH_WEEKS = 520;

export interface HealthWeek {
  week: string;
  members: number;
  count1s: number;
  count9s: number;
  count90s: number;
  /** Shares of the members (0 when there are none). */
  share1s: number;
  share9s: number;
  share90s: number;
  contributions: number;
  contributors: number;
  joins: number;
  leaves: number;
  roleChanges: RoleChanges;
  needsOpened: number;
  needsFunded: number;
  needsDone: number;
  /** Gini of contributions per contributor from the first week up to this one. */
  giniToDate: number;
}

export interface CommunityHealth {
  rules: RoleRules;
  weeks: HealthWeek[];
  current: {
    /** The last week (the one in progress). */
    week: string | null;
    members: number;
    count1s: number;
    count9s: number;
    count90s: number;
    contributors: number;
    gini: number;
    top1Share: number;
    top10Share: number;
    survival26: number | null;
    survival52: number | null;
    fundingGini: number;
  };
  distribution: ContributionDistribution;
  survival: MemberSurvival;
  cohorts: CohortRetention[];
  funding: FundingConcentration;
}

/** The weeks shown: from the first recorded activity (at most MAX_HEALTH_WEEKS back) to `until`. */
export function healthWeeks(ledger: HealthLedger, until: Date): string[] {
  let first = until;
  for (const c of ledger.contributions) {
    const d = weekFromKey(c.week);
    if (d < first) first = d;
  }
  for (const m of ledger.memberships) if (m.at < first) first = m.at;
  const weeks = weekRange(first, until);
  return weeks.length > MAX_HEALTH_WEEKS ? weeks.slice(weeks.length - MAX_HEALTH_WEEKS) : weeks;
}

/**
 * Every number of the dashboard, from the ledger rows (pure; docs/health.md defines each).
 * The weekly series are the observed series a calibration compares the model with.
 */
export function computeCommunityHealth(ledger: HealthLedger, until: Date, rules: RoleRules = DEFAULT_ROLE_RULES): CommunityHealth {
  const weeks = ledger.contributions.length === 0 && ledger.memberships.length === 0 ? [weekKey(until)] : healthWeeks(ledger, until);
  const roles = classifyWeeks(weeks, ledger.contributions, ledger.memberships, rules);
  const needs = needFlow(weeks, ledger.needTransitions);

  // Cumulative contributions per person, for the Gini to date.
  const running = new Map<string, number>();
  const giniToDate: number[] = [];
  for (let w = 0; w < weeks.length; w++) {
    for (const [userId, row] of roles.perWeek) {
      const c = row[w] as number;
      if (c > 0) running.set(userId, (running.get(userId) ?? 0) + c);
    }
    giniToDate.push(gini([...running.values()]));
  }

  const healthWeekRows: HealthWeek[] = roles.weeks.map((r, i) => {
    const share = (k: number) => (r.members > 0 ? k / r.members : 0);
    const n = needs[i] as (typeof needs)[number];
    return {
      week: r.week,
      members: r.members,
      count1s: r.count1s,
      count9s: r.count9s,
      count90s: r.count90s,
      share1s: share(r.count1s),
      share9s: share(r.count9s),
      share90s: share(r.count90s),
      contributions: r.contributions,
      contributors: r.contributors,
      joins: r.joins,
      leaves: r.leaves,
      roleChanges: r.changes,
      needsOpened: n.needsOpened,
      needsFunded: n.needsFunded,
      needsDone: n.needsDone,
      giniToDate: giniToDate[i] as number,
    };
  });

  const totals = [...running.values()];
  const inequality = contributionInequality(totals);
  const survival = memberSurvival(roles.timelines, weeks.length - 1);
  const funding = fundingConcentration(ledger.pledgesPerNeed);
  const last = healthWeekRows[healthWeekRows.length - 1];
  return {
    rules,
    weeks: healthWeekRows,
    current: {
      week: last?.week ?? null,
      members: last?.members ?? 0,
      count1s: last?.count1s ?? 0,
      count9s: last?.count9s ?? 0,
      count90s: last?.count90s ?? 0,
      contributors: inequality.contributors,
      gini: inequality.gini,
      top1Share: inequality.top1Share,
      top10Share: inequality.top10Share,
      survival26: survival.survival26,
      survival52: survival.survival52,
      fundingGini: funding.gini,
    },
    distribution: contributionDistribution(totals),
    survival,
    cohorts: cohortRetention(roles.timelines, weeks),
    funding,
  };
}
