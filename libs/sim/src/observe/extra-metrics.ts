/**
 * Port-only observables of MODEL.md §11.4: inequality of lifetime
 * contributions, Kaplan–Meier tenure survival, cohort retention, time to
 * collapse and the plot-error diagnostic.
 *
 * Time base: observation index (0 = after setup, i = after the i-th go). A
 * contributor arriving in go i has t0 = i; leaving in go j gives t1 = j;
 * tenure = t1 − t0 = number of observations it was present at. Agents still
 * present are right-censored at the current index.
 */
import { gini, topShare } from '../analysis/gini';
import { kaplanMeier, medianSurvival, survivalAt, type KaplanMeierCurve } from '../analysis/kaplan-meier';
import type { SimState } from '../model/types';
import type { MetricDef } from './metric-types';

const port = (id: string, description: string, compute: (st: SimState) => number | null): MetricDef => ({
  id,
  source: 'port',
  description,
  compute,
});

/** Lifetime contributions of every contributor so far (departed first, then present #1s and #9s). */
export function lifetimeContributions(st: SimState, presentOnly = false): number[] {
  const out: number[] = presentOnly ? [] : st.departed.cLifetime.slice();
  for (const list of [st.ones, st.nines]) for (const p of list) out.push(p.lifetime);
  return out;
}

function giniOrNull(xs: readonly number[]): number | null {
  if (xs.length < 2) return null;
  let s = 0;
  for (const x of xs) s += x;
  return s === 0 ? null : gini(xs);
}

function topShareOrNull(xs: readonly number[], f: number): number | null {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length === 0 || s === 0 ? null : topShare(xs, f);
}

type Group = 'all' | 'one' | '90';

/** Tenure spells of a group: durations, observed exits, and t0 (for retention). */
export function tenureSpells(st: SimState, group: Group): { d: number[]; obs: boolean[]; t0: number[] } {
  const d: number[] = [];
  const obs: boolean[] = [];
  const t0: number[] = [];
  const now = st.obs;
  const a = st.departed;
  if (group === '90') {
    for (let i = 0; i < a.nT0.length; i++) {
      d.push((a.nT1[i] as number) - (a.nT0[i] as number));
      obs.push(a.nExit[i] === 1);
      t0.push(a.nT0[i] as number);
    }
    for (const p of st.nineties) {
      d.push(now - p.createdObs);
      obs.push(false);
      t0.push(p.createdObs);
    }
    return { d, obs, t0 };
  }
  for (let i = 0; i < a.cT0.length; i++) {
    if (group === 'one' && a.cEverOne[i] !== 1) continue;
    d.push((a.cT1[i] as number) - (a.cT0[i] as number));
    obs.push(true);
    t0.push(a.cT0[i] as number);
  }
  for (const list of [st.ones, st.nines]) {
    for (const p of list) {
      if (group === 'one' && !p.everOne) continue;
      d.push(now - p.contribSince);
      obs.push(false);
      t0.push(p.contribSince);
    }
  }
  return { d, obs, t0 };
}

function km(st: SimState, group: Group): KaplanMeierCurve | null {
  const { d, obs } = tenureSpells(st, group);
  return d.length === 0 ? null : kaplanMeier(d, obs);
}

/**
 * Pooled cohort retention R_h: among spells whose arrival t0 satisfies
 * t0 + h ≤ now, the share still present h observations after arrival
 * (tenure > h). Spells censored before h without an exit (a #90 that
 * converted) are excluded.
 */
export function retention(st: SimState, group: Group, h: number): number | null {
  const { d, obs, t0 } = tenureSpells(st, group);
  let n = 0;
  let kept = 0;
  for (let i = 0; i < d.length; i++) {
    if ((t0[i] as number) + h > st.obs) continue;
    const dur = d[i] as number;
    if (dur > h) {
      n++;
      kept++;
    } else if (obs[i]) n++;
  }
  return n === 0 ? null : kept / n;
}

const GROUPS: [Group, string][] = [
  ['all', 'all contributors'],
  ['one', 'ever-#1 contributors'],
  ['90', '#90s (tenure from creation; conversion censors)'],
];

/** Port-only metric definitions (§11.4). */
export const EXTRA_METRICS: readonly MetricDef[] = [
  port('gini_all', 'Gini of lifetime contributions, all contributors so far (zeros included)', (st) => giniOrNull(lifetimeContributions(st))),
  port('gini_pos', 'Gini of lifetime contributions > 0, all contributors so far', (st) => giniOrNull(lifetimeContributions(st).filter((x) => x > 0))),
  port('top1_share', 'share of lifetime contributions of the top 1% (⌈0.01 n⌉ ≥ 1), all contributors so far', (st) => topShareOrNull(lifetimeContributions(st), 0.01)),
  port('top10_share', 'share of lifetime contributions of the top 10%, all contributors so far', (st) => topShareOrNull(lifetimeContributions(st), 0.1)),
  port('gini_all_present', 'Gini of lifetime contributions, present contributors', (st) => giniOrNull(lifetimeContributions(st, true))),
  port('gini_pos_present', 'Gini of lifetime contributions > 0, present contributors', (st) => giniOrNull(lifetimeContributions(st, true).filter((x) => x > 0))),
  port('top1_share_present', 'top-1% share, present contributors', (st) => topShareOrNull(lifetimeContributions(st, true), 0.01)),
  port('top10_share_present', 'top-10% share, present contributors', (st) => topShareOrNull(lifetimeContributions(st, true), 0.1)),
  port('core_work_share', 'share of all link-ticks made while in the #1 role', (st) => (st.linkTicksAll === 0 ? null : st.linkTicksOne / st.linkTicksAll)),
  ...GROUPS.flatMap(([g, label]) => [
    ...[4, 13, 26, 52, 104].map((tau) =>
      port(`km_${g}_s${tau}`, `Kaplan–Meier S(${tau}) of tenure, ${label}`, (st) => {
        const c = km(st, g);
        return c === null ? null : survivalAt(c, tau);
      }),
    ),
    port(`km_${g}_median`, `Kaplan–Meier median tenure, ${label} (null if S never ≤ 0.5)`, (st) => {
      const c = km(st, g);
      return c === null ? null : medianSurvival(c);
    }),
    port(`retention_${g}_r26`, `pooled cohort retention R26, ${label}`, (st) => retention(st, g, 26)),
    port(`retention_${g}_r52`, `pooled cohort retention R52, ${label}`, (st) => retention(st, g, 52)),
  ]),
  port('time_to_collapse', 'first observation index with #1 + #9 = 0 (null = censored)', (st) => st.collapseTick),
  port('plot_error_tick', 'first observation index at which a NetLogo plot of this variant would raise an error (§9 F8)', (st) => st.plotErrorTick),
  port('contributors_ever', 'number of agents that have ever been a contributor', (st) => st.departed.cT0.length + st.ones.length + st.nines.length),
];
