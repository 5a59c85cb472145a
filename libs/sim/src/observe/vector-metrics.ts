/**
 * Vector observers: histogram data of the GUI plots (§11.1) and the final
 * lifetime-contribution vector (§11.4 item 5). Requested via RunOptions.vectors
 * and read once at the end of a run.
 */
import { friendCount, friendLinks, friendOf, friendTimes } from '../model/entities';
import type { Person, SimState } from '../model/types';
import { lifetimeContributions } from './extra-metrics';
import type { VectorDef } from './metric-types';

const v = (id: string, description: string, compute: (st: SimState) => number[], binWidth = 1): VectorDef => ({ id, description, compute, binWidth });

function skills(list: readonly Person[]): number[] {
  const out: number[] = [];
  for (const p of list) for (let s = 0; s < 10; s++) if (p.skill & (1 << s)) out.push(s);
  return out;
}

/** All vector observers. */
export const VECTOR_METRICS: readonly VectorDef[] = [
  v('lifetime_contributions', 'lifetimeContribution of every contributor so far (departed, then present)', (st) => lifetimeContributions(st), 10),
  v('lifetime_hours', 'lifetimeHours of present contributors', (st) => [...st.ones, ...st.nines].map((p) => p.lifetimeHours), 10),
  v('hist_task_time_required', "tasks' time-required", (st) => st.tasks.map((t) => t.timeRequired), 100),
  v('hist_points_1s', "#1s' points", (st) => st.ones.map((p) => p.points)),
  v('hist_points_9s', "#9s' points", (st) => st.nines.map((p) => p.points)),
  v('hist_project_reward_level', "projects' reward-level", (st) => st.projects.map((q) => q.rewardLevel)),
  v('hist_time_1s', "#1s' spare time", (st) => st.ones.map((p) => p.time)),
  v('hist_time_9s', "#9s' spare time", (st) => st.nines.map((p) => p.time)),
  v('hist_consumption_90s', "#90s' consumption (always 0)", (st) => st.nineties.map(() => 0)),
  v('hist_skill_1s', "#1s' skills, flattened", (st) => skills(st.ones)),
  v('hist_skill_9s', "#9s' skills, flattened", (st) => skills(st.nines)),
  v('hist_interest_1s', 'interest of #1s', (st) => st.ones.map((p) => p.interest)),
  v('hist_interest_9s', 'interest of #9s', (st) => st.nines.map((p) => p.interest)),
  v('hist_interest_90s', 'interest of #90s', (st) => st.nineties.map((p) => p.interest)),
  v('hist_interest_tasks', 'inter3st of tasks', (st) => st.tasks.map((t) => t.interest)),
  v('hist_interest_products', 'inter3st of products', (st) => st.products.map((q) => q.interest)),
  v('hist_time_in_community_1s', 'time-in-community of #1s', (st) => st.ones.map((p) => st.clock - p.born)),
  v('hist_time_in_community_9s', 'time-in-community of #9s', (st) => st.nines.map((p) => st.clock - p.born)),
  v('hist_time_in_community_90s', 'time-in-community of #90s', (st) => st.nineties.map((p) => st.clock - p.born)),
  v('hist_task_modularity', "tasks' modularity", (st) => st.tasks.map((t) => t.modularity)),
  v('hist_task_age', "tasks' age", (st) => st.tasks.map((t) => st.clock - t.born)),
  v('hist_product_age', "products' age", (st) => st.products.map((q) => st.clock - q.born)),
  v('hist_project_num_tasks', "projects' num-tasks", (st) => st.projects.map((q) => q.numTasks)),
  v('hist_contributions', 'ContributionsHisto: my-total-contribution of #9s and #1s', (st) => [...st.nines, ...st.ones].map((p) => p.total)),
  v('hist_current_contributors', "projects' current-contributors counts", (st) => st.projects.map((q) => q.contribSnap.filter((c) => c.alive).length)),
  v('hist_time_with_no_links_9s', "#9s' time-with-no-links", (st) => st.nines.map((p) => p.timeWithNoLinks)),
  v('hist_times_worked_together', 'friendlinks: times-worked-together', (st) => st.friendBuckets.flatMap((b) => b.map((l) => friendTimes(st, l)))),
  v('hist_friend_degree', 'friend degree of #9s and #1s', (st) => [...st.nines, ...st.ones].map((p) => friendCount(p))),
  v('hist_task_bounty', "tasks' bounty (final)", (st) => st.tasks.map((t) => t.bounty)),
  v('hist_project_total_bounty', "projects' total-bounty (final)", (st) => st.projects.map((q) => q.totalBounty)),
  v('hist_friend_y_9s', "mean friend y of #9s with friends (drift diagnostic)", (st) =>
    st.nines.filter((p) => friendCount(p) > 0).map((p) => friendLinks(p).reduce((s, l) => s + friendOf(l, p).y, 0) / friendCount(p)),
  ),
];
