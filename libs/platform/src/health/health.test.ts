import { describe, expect, it } from 'vitest';
import { computeCommunityHealth } from './community-health';
import { contributionDistribution, contributionInequality } from './contribution-inequality';
import { DEFAULT_ROLE_RULES, type ContributionTally, type MembershipFlowEvent } from './health.types';
import { weekKey, weekRange, weekStartOf, weeksBetween } from './health-week';
import { cohortRetention, memberSurvival } from './member-survival';
import { fundingConcentration, needFlow } from './need-flow';
import { classifyRole, classifyWeeks, type MemberTimeline } from './role-classification';

const d = (iso: string) => new Date(`${iso}Z`);
const join = (userId: string, at: string): MembershipFlowEvent => ({ userId, kind: 'join', at: d(at) });
const leave = (userId: string, at: string): MembershipFlowEvent => ({ userId, kind: 'leave', at: d(at) });
const tally = (userId: string, week: string, count: number): ContributionTally => ({ userId, week, count });

describe('weeks (Monday 00:00 UTC)', () => {
  it('maps any instant to the Monday of its week', () => {
    expect(weekKey(d('2026-01-07T12:00:00'))).toBe('2026-01-05');
    expect(weekKey(d('2026-01-11T23:59:59'))).toBe('2026-01-05');
    expect(weekKey(d('2026-01-12T00:00:00'))).toBe('2026-01-12');
    expect(weekStartOf(d('1969-12-31T10:00:00')).toISOString()).toBe('1969-12-29T00:00:00.000Z');
    expect(weeksBetween(d('2026-01-07T00:00:00'), d('2026-02-02T00:00:00'))).toBe(4);
    expect(weekRange(d('2025-12-31T00:00:00'), d('2026-01-13T00:00:00'))).toEqual(['2025-12-29', '2026-01-05', '2026-01-12']);
  });
});

describe('role classification', () => {
  it('uses the documented thresholds: core from 12 contributions in 4 weeks, occasional from 1', () => {
    expect(DEFAULT_ROLE_RULES).toEqual({ windowWeeks: 4, coreThreshold: 12 });
    expect(classifyRole(0, DEFAULT_ROLE_RULES)).toBe('90');
    expect(classifyRole(1, DEFAULT_ROLE_RULES)).toBe('9');
    expect(classifyRole(11, DEFAULT_ROLE_RULES)).toBe('9');
    expect(classifyRole(12, DEFAULT_ROLE_RULES)).toBe('1');
  });

  // A joins in week 0 and contributes 2 + 2, C contributes once in week 1, B never does, D joins in
  // week 2, B leaves in week 3, X (never a member) contributes 5 in week 2. Window 2, core ≥ 3.
  const weeks = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26'];
  const memberships = [join('A', '2026-01-05T09:00:00'), join('B', '2026-01-06T09:00:00'), join('C', '2026-01-07T09:00:00'), join('D', '2026-01-19T09:00:00'), leave('B', '2026-01-28T09:00:00')];
  const contributions = [tally('A', '2026-01-05', 2), tally('A', '2026-01-12', 2), tally('C', '2026-01-12', 1), tally('X', '2026-01-19', 5)];
  const rules = { windowWeeks: 2, coreThreshold: 3 };

  it('counts #1s, #9s and #90s among the members at the end of each week', () => {
    const { weeks: rows } = classifyWeeks(weeks, contributions, memberships, rules);
    expect(rows.map((r) => [r.members, r.count1s, r.count9s, r.count90s])).toEqual([
      [3, 0, 1, 2],
      [3, 1, 1, 1],
      [4, 0, 2, 2],
      [3, 0, 0, 3],
    ]);
    expect(rows.map((r) => [r.contributions, r.contributors, r.joins, r.leaves])).toEqual([
      [2, 1, 3, 0],
      [3, 2, 0, 0],
      [5, 1, 1, 0],
      [0, 0, 0, 1],
    ]);
  });

  it('counts role changes of members present in consecutive weeks', () => {
    const { weeks: rows } = classifyWeeks(weeks, contributions, memberships, rules);
    expect(rows[1]?.changes).toEqual({ from90to9: 1, from9to1: 1, from1to9: 0, from9to90: 0, from1to90: 0, from90to1: 0 });
    expect(rows[2]?.changes).toEqual({ from90to9: 0, from9to1: 0, from1to9: 1, from9to90: 0, from1to90: 0, from90to1: 0 });
    expect(rows[3]?.changes).toEqual({ from90to9: 0, from9to1: 0, from1to9: 0, from9to90: 2, from1to90: 0, from90to1: 0 });
  });

  it('keeps memberships that began before the first week shown and ignores rows outside it', () => {
    const { weeks: rows, timelines } = classifyWeeks(['2026-01-12'], [tally('A', '2026-01-05', 9), tally('A', '2026-01-12', 1)], [join('A', '2025-06-01T00:00:00')], rules);
    expect(rows[0]).toMatchObject({ members: 1, count9s: 1, joins: 0 });
    expect(timelines).toEqual([{ userId: 'A', firstContributionWeek: 0, memberAtEnd: true, lastLeaveWeek: null, everMember: true }]);
  });
});

describe('contribution inequality and distribution', () => {
  it('computes Gini and top shares over contributors only', () => {
    // sorted [1, 4, 5]: G = (−2·1 + 0·4 + 2·5) / (3·10) = 8/30; the top ⌈0.1·3⌉ = 1 person holds 5/10
    const r = contributionInequality([4, 0, 1, 5]);
    expect(r.contributors).toBe(3);
    expect(r.gini).toBeCloseTo(8 / 30, 12);
    expect(r.top10Share).toBeCloseTo(0.5, 12);
    expect(r.top1Share).toBeCloseTo(0.5, 12);
    expect(contributionInequality([])).toEqual({ contributors: 0, gini: 0, top1Share: 0, top10Share: 0 });
    // 200 people: the top 1 % is 2 people, the top 10 % 20 people
    const many = Array.from({ length: 200 }, (_, i) => (i < 2 ? 100 : i < 20 ? 10 : 1));
    const m = contributionInequality(many);
    expect(m.top1Share).toBeCloseTo(200 / (200 + 180 + 180), 12);
    expect(m.top10Share).toBeCloseTo(380 / 560, 12);
  });

  it('bins by powers of two and reports both heavy-tail fits', () => {
    const r = contributionDistribution([1, 2, 3, 4, 8, 9, 16, 0]);
    expect(r.bins).toEqual([
      { from: 1, to: 2, people: 1 },
      { from: 2, to: 4, people: 2 },
      { from: 4, to: 8, people: 1 },
      { from: 8, to: 16, people: 2 },
      { from: 16, to: 32, people: 1 },
    ]);
    expect(r.powerLaw).toBeNull(); // fewer than 10 values
    // ln 1 = 0 and ln 100: μ̂ = σ̂ = ln 10
    const ln = contributionDistribution([1, 100]).logNormal;
    expect(ln?.mu).toBeCloseTo(Math.log(10), 12);
    expect(ln?.sigma).toBeCloseTo(Math.log(10), 12);
    // Rank–size exponent 1 (Zipf) is a density exponent of about 2
    const zipf = Array.from({ length: 300 }, (_, k) => Math.max(1, Math.floor(2000 / (k + 1))));
    const fit = contributionDistribution(zipf).powerLaw;
    expect(fit).not.toBeNull();
    expect(fit?.xmax).toBe(2000);
    expect(fit?.alpha).toBeGreaterThan(1.7);
    expect(fit?.alpha).toBeLessThan(2.3);
  });
});

describe('survival and retention', () => {
  const t = (userId: string, first: number, memberAtEnd: boolean, lastLeaveWeek: number | null): MemberTimeline => ({ userId, firstContributionWeek: first, memberAtEnd, lastLeaveWeek, everMember: true });
  // Exits after 10 and 30 weeks; two still members, followed 40 and 60 weeks; the last week is 60.
  const timelines = [t('a', 0, false, 10), t('b', 0, false, 30), t('c', 20, true, null), t('d', 0, true, null), { userId: 'x', firstContributionWeek: 3, memberAtEnd: false, lastLeaveWeek: null, everMember: false }];

  it('estimates Kaplan–Meier survival from the first contribution', () => {
    const s = memberSurvival(timelines, 60);
    expect(s.subjects).toBe(4);
    expect(s.exits).toBe(2);
    expect(s.curve).toEqual([
      { week: 0, survival: 1 },
      { week: 10, survival: 0.75 },
      { week: 30, survival: 0.5 },
    ]);
    expect(s.survival26).toBeCloseTo(0.75, 12);
    expect(s.survival52).toBeCloseTo(0.5, 12);
    // nobody followed 52 weeks yet: undefined, not 1
    expect(memberSurvival([t('a', 0, true, null)], 30).survival52).toBeNull();
  });

  it('computes cohort retention at 26 and 52 weeks', () => {
    const weeks = Array.from({ length: 61 }, (_, i) => weekKey(new Date(Date.UTC(2025, 0, 6) + i * 7 * 86_400_000)));
    expect(cohortRetention(timelines, weeks)).toEqual([
      { cohort: '2025-01-06', size: 3, retained26: 2 / 3, retained52: 1 / 3 },
      { cohort: weeks[13], size: 1, retained26: 1, retained52: null },
    ]);
  });
});

describe('needs and funding', () => {
  it('counts needs opened, funded and done per week', () => {
    const weeks = ['2026-01-05', '2026-01-12'];
    const flow = needFlow(weeks, [
      { to: 'open', at: d('2026-01-05T10:00:00') },
      { to: 'open', at: d('2026-01-06T10:00:00') },
      { to: 'funded', at: d('2026-01-13T10:00:00') },
      { to: 'done', at: d('2026-01-18T23:00:00') },
      { to: 'done', at: d('2026-01-19T01:00:00') },
    ]);
    expect(flow).toEqual([
      { needsOpened: 2, needsFunded: 0, needsDone: 0 },
      { needsOpened: 0, needsFunded: 1, needsDone: 1 },
    ]);
  });

  it('measures funding concentration as the Gini of pledges per need', () => {
    // sorted [0, 0, 10, 30]: (1·10 + 3·30) / (4·40) = 100/160
    expect(fundingConcentration([10, 0, 30, 0])).toEqual({ needs: 4, gini: 0.625, totalPledged: 40 });
  });
});

describe('computeCommunityHealth', () => {
  it('gives an empty but well-formed result for a community without history', () => {
    const r = computeCommunityHealth({ contributions: [], memberships: [], needTransitions: [], pledgesPerNeed: [] }, d('2026-03-04T12:00:00'));
    expect(r.weeks).toHaveLength(1);
    expect(r.weeks[0]).toMatchObject({ week: '2026-03-02', members: 0, count1s: 0, count9s: 0, count90s: 0, share90s: 0 });
    expect(r.current).toMatchObject({ gini: 0, top1Share: 0, top10Share: 0, survival26: null, survival52: null });
  });

  it('assembles the weekly series and the current numbers from one ledger', () => {
    const r = computeCommunityHealth(
      {
        contributions: [tally('A', '2026-01-05', 12), tally('B', '2026-01-12', 2)],
        memberships: [join('A', '2026-01-05T09:00:00'), join('B', '2026-01-05T10:00:00'), join('C', '2026-01-14T10:00:00')],
        needTransitions: [{ to: 'open', at: d('2026-01-13T10:00:00') }],
        pledgesPerNeed: [5, 5],
      },
      d('2026-01-14T12:00:00'),
    );
    expect(r.weeks.map((w) => [w.week, w.count1s, w.count9s, w.count90s, w.needsOpened])).toEqual([
      ['2026-01-05', 1, 0, 1, 0],
      ['2026-01-12', 1, 1, 1, 1],
    ]);
    expect(r.weeks[1]?.share1s).toBeCloseTo(1 / 3, 12);
    // totals A 12, B 2: G = (−1·2 + 1·12) / (2·14) = 10/28; the top person holds 12/14
    expect(r.weeks[0]?.giniToDate).toBe(0);
    expect(r.current.gini).toBeCloseTo(10 / 28, 12);
    expect(r.current.top10Share).toBeCloseTo(12 / 14, 12);
    expect(r.current).toMatchObject({ week: '2026-01-12', members: 3, count1s: 1, count9s: 1, count90s: 1, contributors: 2, fundingGini: 0 });
  });
});
