/**
 * The BehaviorSpace metrics of MODEL.md §11.3 with the exact ids used in
 * experiments.json, plus `count_turtles` (final test experiment) and the
 * corrected bin `n9_contrib_51_100` (§9 B19).
 */
import { friendCount, friendLinkCount } from '../model/entities';
import type { Person, SimState } from '../model/types';
import { meanOrNull, type MetricDef } from './metric-types';

function population(st: SimState): number {
  return st.ones.length + st.nines.length + st.nineties.length;
}

function pct(n: number, st: SimState): number | null {
  const pop = population(st);
  return pop === 0 ? null : (100 * n) / pop;
}

function countWhere(list: readonly Person[], f: (p: Person) => boolean): number {
  let n = 0;
  for (const p of list) if (f(p)) n++;
  return n;
}

const m = (id: string, description: string, compute: (st: SimState) => number | null): MetricDef => ({
  id,
  source: 'behaviorspace',
  description,
  compute,
});

const contribBins: [string, (v: number) => boolean][] = [
  ['0', (v) => v === 0],
  ['1_50', (v) => v > 0 && v <= 50],
  ['51_100', (v) => v > 50 && v <= 100],
  ['101_150', (v) => v > 100 && v <= 150],
  ['151_200', (v) => v > 150 && v <= 200],
  ['201_250', (v) => v > 200 && v <= 250],
  ['over_250', (v) => v > 250],
];

/** BehaviorSpace metric definitions in the experiments.json order. */
export const BEHAVIORSPACE_METRICS: readonly MetricDef[] = [
  m('count_1s', 'number of #1s', (st) => st.ones.length),
  m('count_9s', 'number of #9s', (st) => st.nines.length),
  m('count_90s', 'number of #90s', (st) => st.nineties.length),
  m('pct_1s', '100 × #1s / (#1 + #9 + #90)', (st) => pct(st.ones.length, st)),
  m('pct_9s', '100 × #9s / (#1 + #9 + #90)', (st) => pct(st.nines.length, st)),
  m('pct_90s', '100 × #90s / (#1 + #9 + #90)', (st) => pct(st.nineties.length, st)),
  m('count_projects', 'number of projects', (st) => st.projects.length),
  m('count_tasks', 'number of project tasks (orphans included)', (st) => st.tasks.length),
  m('count_lone_tasks', 'number of lone tasks', (st) => st.lones.length),
  m('count_products', 'number of products', (st) => st.products.length),
  m('total_9_to_1', '#9-to-#1-count', (st) => st.counters.nineToOne),
  m('total_1s_left', '#1s-left', (st) => st.counters.onesLeft),
  m('total_1_to_9', '#1-to-#9-count', (st) => st.counters.oneToNine),
  m('total_new_9s', 'new-#9s-total', (st) => st.counters.new9sTotal),
  m('total_9s_left', '#9s-left', (st) => st.counters.ninesLeft),
  m('total_new_90s', 'new-#90s-total', (st) => st.counters.new90sTotal),
  m('total_90s_left', '#90s-left', (st) => st.counters.ninetiesLeft),
  m('total_90_to_9', '#90-to-#9-count', (st) => st.counters.ninetyToNine),
  m('count_friend_links', 'number of friendlinks', (st) => friendLinkCount(st)),
  m('count_task_links', 'number of tasklinks (lone-task links excluded)', (st) => st.taskLinkCount),
  m('mean_total_contribution_9s', 'mean my-total-contribution-9s over #9s (null if none)', (st) => meanOrNull(st.nines.map((p) => p.total))),
  m('mean_total_contribution_1s', 'mean my-total-contribution-1s over #1s (null if none)', (st) => meanOrNull(st.ones.map((p) => p.total))),
  ...Array.from({ length: 21 }, (_, k) =>
    m(`n9_with_${k}_friends`, `number of #9s with exactly ${k} friendlinks`, (st) => countWhere(st.nines, (p) => friendCount(p) === k)),
  ),
  m('n9_with_over_20_friends', 'number of #9s with more than 20 friendlinks', (st) => countWhere(st.nines, (p) => friendCount(p) > 20)),
  ...contribBins.map(([name, f]) => m(`n1_contrib_${name}`, `#1s with my-total-contribution-1s in bin ${name}`, (st) => countWhere(st.ones, (p) => f(p.total)))),
  ...contribBins.map(([name, f]) =>
    name === '51_100'
      ? m('n9_contrib_51_1000_BUGGY_BIN', '#9s with total contribution in (50, 1000] (the original overlapping bin, §9 B19)', (st) =>
          countWhere(st.nines, (p) => p.total > 50 && p.total <= 1000),
        )
      : m(`n9_contrib_${name}`, `#9s with my-total-contribution-9s in bin ${name}`, (st) => countWhere(st.nines, (p) => f(p.total))),
  ),
  m('total_products_out_competed', 'products-out-competed', (st) => st.counters.productsOutCompeted),
];

/** Extra metrics in the BehaviorSpace family. */
export const BEHAVIORSPACE_EXTRA_METRICS: readonly MetricDef[] = [
  m('count_turtles', 'all turtles: #1s, #9s, #90s, projects, tasks, lone tasks, products', (st) =>
    population(st) + st.projects.length + st.tasks.length + st.lones.length + st.products.length,
  ),
  m('n9_contrib_51_100', 'corrected bin: #9s with total contribution in (50, 100] (§9 B19)', (st) =>
    countWhere(st.nines, (p) => p.total > 50 && p.total <= 100),
  ),
];

/** The 59 metric ids of every BehaviorSpace experiment, in order. */
export const BEHAVIORSPACE_METRIC_IDS: readonly string[] = BEHAVIORSPACE_METRICS.map((d) => d.id);
