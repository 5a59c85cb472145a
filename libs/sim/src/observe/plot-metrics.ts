/**
 * Time-series pens of the GUI plots (MODEL.md §11.1) and the monitors
 * (§11.2) that are not already BehaviorSpace metrics. Histograms are vector
 * observers (vector-metrics.ts).
 */
import { friendCount, friendsSnapshot } from '../model/entities';
import type { Person, SimState } from '../model/types';
import { THANKS_FROM_1, THANKS_FROM_9 } from '../model/types';
import { meanOrNull, ratioOrNull, type MetricDef } from './metric-types';

const plot = (id: string, description: string, compute: (st: SimState) => number | null): MetricDef => ({
  id,
  source: 'plot',
  description,
  compute,
});
const monitor = (id: string, description: string, compute: (st: SimState) => number | null): MetricDef => ({
  id,
  source: 'monitor',
  description,
  compute,
});

/** NetLogo ticks as seen by a plot update (plots are drawn inside `tick`, after the increment). */
function perTick(st: SimState, v: number): number | null {
  return st.ticks > 0 ? v / st.ticks : null;
}

function countIf(list: readonly Person[], f: (p: Person) => boolean): number {
  let n = 0;
  for (const p of list) if (f(p)) n++;
  return n;
}

function neighbours(p: Person): number {
  return p.tasks.length + p.lones.length + friendCount(p) + p.products.length;
}

function longTimeShare(st: SimState, over: number): number | null {
  const all = st.ones.length + st.nines.length + st.nineties.length;
  if (all === 0) return null;
  const n = [st.ones, st.nines, st.nineties].reduce((s, l) => s + countIf(l, (p) => st.clock - p.born > over), 0);
  return n / all;
}

function meanLinkAge(st: SimState, kind: 'friend' | 'consumer' | 'task'): number | null {
  let s = 0;
  let n = 0;
  if (kind === 'friend') {
    for (const b of st.friendBuckets) {
      for (const l of b) {
        s += st.clock - l.born;
        n++;
      }
    }
  } else if (kind === 'consumer') {
    for (const p of st.nineties) {
      for (const born of p.productBorn) {
        s += st.clock - born;
        n++;
      }
    }
  } else {
    for (const list of [st.ones, st.nines, st.nineties]) {
      for (const p of list) {
        for (const born of p.taskBorn) {
          s += st.clock - born;
          n++;
        }
      }
    }
  }
  return n === 0 ? null : s / n;
}

function pointsStat(list: readonly Person[], f: 'mean' | 'max' | 'min'): number | null {
  if (list.length === 0) return null;
  const xs = list.map((p) => p.points);
  return f === 'mean' ? (meanOrNull(xs) as number) : f === 'max' ? Math.max(...xs) : Math.min(...xs);
}

function siloIndex(st: SimState): number | null {
  const n = st.ones.length + st.nines.length;
  if (n === 0) return 0;
  if (n <= 2) return null; // NetLogo division by zero (§9 F8)
  let s = 0;
  for (const list of [st.ones, st.nines]) {
    for (const p of list) s += n - 1 - (friendsSnapshot(p) ?? []).filter((f) => f.alive).length;
  }
  return s / ((n - 1) * (n - 2));
}

/** Plot pens (§11.1). */
export const PLOT_METRICS: readonly MetricDef[] = [
  plot('new_9s_per_tick', 'Entry&Exit: new-#9s-total / ticks (null at tick 0)', (st) => perTick(st, st.counters.new9sTotal)),
  plot('new_90s_per_tick', 'Entry&Exit: new-#90s-total / ticks', (st) => perTick(st, st.counters.new90sTotal)),
  plot('exit_90s_per_tick', 'Entry&Exit: #90s-left / ticks', (st) => perTick(st, st.counters.ninetiesLeft)),
  plot('exit_9s_per_tick', 'Entry&Exit: #9s-left / ticks', (st) => perTick(st, st.counters.ninesLeft)),
  plot('overtime_1s', 'Overtime: #1s with time < 0', (st) => countIf(st.ones, (p) => p.time < 0)),
  plot('overtime_9s', 'Overtime: #9s with time < 0', (st) => countIf(st.nines, (p) => p.time < 0)),
  plot('avg_links_1s', 'Ave No. Links: mean distinct link neighbours of #1s', (st) => meanOrNull(st.ones.map(neighbours))),
  plot('avg_links_9s', 'Ave No. Links: mean distinct link neighbours of #9s', (st) => meanOrNull(st.nines.map(neighbours))),
  plot('avg_links_90s', 'Ave No. Links: mean distinct link neighbours of #90s', (st) => meanOrNull(st.nineties.map(neighbours))),
  plot('products_consumed', 'ProdCons&TasksCompl: products-consumed (always 0)', (st) => st.counters.productsConsumed),
  plot('tasks_completed', 'ProdCons&TasksCompl: tasks-completed', (st) => st.counters.tasksCompleted),
  plot('new_products_count', 'NewProd&Tasks: new-products-count', (st) => st.counters.newProductsCount),
  plot('new_tasks_count', 'NewProd&Tasks: new-tasks-count', (st) => st.counters.newTasksCount),
  plot('count_new_projects', 'NewProd&Tasks: count-new-projects', (st) => st.counters.countNewProjects),
  plot('long_time_26', 'Long time Members: share with time-in-community > 26', (st) => longTimeShare(st, 26)),
  plot('long_time_52', 'Long time Members: share with time-in-community > 52', (st) => longTimeShare(st, 52)),
  plot('long_time_104', 'Long time Members: share with time-in-community > 104', (st) => longTimeShare(st, 104)),
  plot('nine_left_no_interest', 'Why #9s Left: #9-left-no-interest', (st) => st.counters.nineLeftNoInterest),
  plot('nine_left_drop_cons', 'Why #9s Left: #9-left-drop-cons', (st) => st.counters.nineLeftDropCons),
  plot('nine_left_burnout', 'Why #9s Left: #9-left-burnout', (st) => st.counters.nineLeftBurnout),
  plot('one_left_burnout', 'Why #1s Left: #1-left-burnout', (st) => st.counters.oneLeftBurnout),
  plot('new_9_attracted_by_90s', 'Why #9s and #90s Enter: new-#9-attracted-by-#90s', (st) => st.counters.new9AttractedBy90s),
  plot('new_90s_chance', 'Why #9s and #90s Enter: new-#90s-chance', (st) => st.counters.new90sChance),
  plot('ninety_left_no_product', 'Why #90s Leave: #90s-left-no-product', (st) => st.counters.ninetiesLeftNoProduct),
  plot('count_consumer_links', 'Count Links: consumer links', (st) => st.consumerLinkCount),
  plot('count_lone_task_links', 'lone-task links (port addition next to Count Links)', (st) => st.loneLinkCount),
  plot('mean_age_friend_links', 'AgesOfLinks: mean ageFL (null if none)', (st) => meanLinkAge(st, 'friend')),
  plot('mean_age_consumer_links', 'AgesOfLinks: mean ageCL (null if none)', (st) => meanLinkAge(st, 'consumer')),
  plot('mean_age_task_links', 'AgesOfLinks: mean ageTL (null if none)', (st) => meanLinkAge(st, 'task')),
  plot('avg_contributions_1s', 'Average Contributions Made: contributions-made-by-1s / #1s', (st) => ratioOrNull(st.counters.contributions1s, st.ones.length)),
  plot('avg_time_contributed_1s', 'Average Contributions Made: time-contributed-by-1s / #1s', (st) => ratioOrNull(st.counters.timeContributed1s, st.ones.length)),
  plot('avg_contributions_9s', 'Average Contributions Made: contributions-made-by-9s / #9s', (st) => ratioOrNull(st.counters.contributions9s, st.nines.length)),
  plot('avg_time_contributed_9s', 'Average Contributions Made: time-contributed-by-9s / #9s', (st) => ratioOrNull(st.counters.timeContributed9s, st.nines.length)),
  plot('one_dropped_task', 'Dropped: #1-dropped-a-task', (st) => st.counters.oneDroppedTask),
  plot('nine_dropped_task', 'Dropped: #9-dropped-a-task', (st) => st.counters.nineDroppedTask),
  plot('one_dropped_project', 'Dropped: #1-dropped-a-project', (st) => st.counters.oneDroppedProject),
  plot('nine_dropped_project', 'Dropped: #9-dropped-a-project', (st) => st.counters.nineDroppedProject),
  plot('projects_finished', 'Projects Finished & Died: projects-finished', (st) => st.counters.projectsFinished),
  plot('projects_died', 'Projects Finished & Died: projects-died', (st) => st.counters.projectsDied),
  plot('lone_tasks_finished', 'Projects Finished & Died: loneTasksFinished', (st) => st.counters.loneTasksFinished),
  plot('thanks_9s_from_9', 'Thanks Counts: #9s thanked by a #9', (st) => countIf(st.nines, (p) => p.thanks === THANKS_FROM_9)),
  plot('thanks_9s_from_1', 'Thanks Counts: #9s thanked by a #1', (st) => countIf(st.nines, (p) => p.thanks === THANKS_FROM_1)),
  plot('thanks_1s_from_9', 'Thanks Counts: #1s thanked by a #9', (st) => countIf(st.ones, (p) => p.thanks === THANKS_FROM_9)),
  plot('thanks_1s_from_1', 'Thanks Counts: #1s thanked by a #1', (st) => countIf(st.ones, (p) => p.thanks === THANKS_FROM_1)),
  plot('mean_consumption_history', 'Mean over products of Σ consumption-history (null if no products)', (st) =>
    meanOrNull(st.products.map((q) => q.consumptionHistory.reduce((a, b) => a + b, 0))),
  ),
  plot('projects_subjective', "Projects' RewardType: subjective", (st) => st.projects.filter((q) => q.subjective).length),
  plot('projects_objective', "Projects' RewardType: objective", (st) => st.projects.filter((q) => !q.subjective).length),
  ...Array.from({ length: 11 }, (_, i) => plot(`con_${i}`, `Aggregate Consumption: window slot ${i} (10 = newest)`, (st) => st.con[i] ?? 0)),
  ...Array.from({ length: 11 }, (_, i) => plot(`prod_${i}`, `Aggregate Production: window slot ${i} (10 = newest)`, (st) => st.prod[i] ?? 0)),
  plot('points_1s_mean', 'Average Points (final): mean points of #1s', (st) => pointsStat(st.ones, 'mean')),
  plot('points_1s_max', 'Average Points (final): max points of #1s', (st) => pointsStat(st.ones, 'max')),
  plot('points_1s_min', 'Average Points (final): min points of #1s', (st) => pointsStat(st.ones, 'min')),
  plot('points_9s_mean', 'Average Points (final): mean points of #9s', (st) => pointsStat(st.nines, 'mean')),
  plot('points_9s_max', 'Average Points (final): max points of #9s', (st) => pointsStat(st.nines, 'max')),
  plot('points_9s_min', 'Average Points (final): min points of #9s', (st) => pointsStat(st.nines, 'min')),
  plot('pct_tasks_featured', 'Featured Needs (final): % of tasks featured', (st) =>
    st.tasks.length === 0 ? null : (100 * st.tasks.filter((t) => t.featured).length) / st.tasks.length,
  ),
  plot('pct_9s_used_featured', 'Featured Needs (final): % of #9s with i-used-featured?', (st) =>
    st.nines.length === 0 ? null : (100 * countIf(st.nines, (p) => p.usedFeatured)) / st.nines.length,
  ),
  plot('silo_index', '"plot 1" silo index (final): Σ (n − 1 − |my-friends|) / ((n−1)(n−2)); null for n = 1, 2', siloIndex),
];

/** Monitors (§11.2) not covered by other ids. */
export const MONITOR_METRICS: readonly MetricDef[] = [
  monitor('new_1s', 'monitor "New #1s" (= #9-to-#1-count)', (st) => st.counters.nineToOne),
  monitor('total_90_used_featured', '#90-used-featured-needs (final)', (st) => st.counters.ninetyUsedFeatured),
  monitor('product_no_consumer_left', 'product-had-no-consumer-so-left', (st) => st.counters.productNoConsumerLeft),
  monitor('ticks', 'NetLogo ticks', (st) => st.ticks),
];
