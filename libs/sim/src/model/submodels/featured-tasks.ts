/**
 * F4 find-featured-tasks and F5 advertise-featured-tasks (final, platform on
 * and featured-needs? on; MODEL.md §7 F4, F5, §9 F5).
 */
import { linkTask } from '../entities';
import { hasSkill, listAppend, shuffled, refill } from '../helpers';
import type { ProjEntry, Project, SimState, Task } from '../types';
import { convertNinety } from './change-breed';

/** The list element appended for a featured join: the projects of all of G (§9 F5) or the joined task's project. */
function featuredEntry(st: SimState, G: readonly Task[], joined: Task): ProjEntry {
  if (st.fx.convertProjects) return joined.project;
  const list: Project[] = [];
  for (const t of G) if (t.project.alive) list.push(t.project);
  return list;
}

/** Runs F4. */
export function findFeaturedTasks(st: SimState): void {
  if (!st.p.platformFeatures || !st.p.featuredNeeds) return;
  const rng = st.rng;
  const featured = (): Task[] => st.tasks.filter((t) => t.featured);
  let all = featured();
  for (const p of shuffled(rng, st.nines)) {
    if (!p.alive || !p.usingPlatform || !(p.time > 0)) continue;
    if (all.length === 0 || !(rng.float() < st.p.prob9FindsFeaturedNeed)) continue;
    const G = all.filter((t) => hasSkill(p.skill, t.typ3));
    if (G.length === 0) continue;
    const t = rng.oneOf(G) as Task;
    linkTask(st, p, t);
    p.tasksSnap = refill(p.tasksSnap ?? [], p.tasks);
    listAppend(p, featuredEntry(st, G, t));
    p.usedFeatured = true;
  }
  all = featured();
  for (const p of shuffled(rng, st.nineties)) {
    if (!p.alive || p.role !== 90 || !p.usingPlatform) continue;
    if (all.length === 0 || !(rng.float() < st.chance90FindTask)) continue;
    const G = all.filter((t) => hasSkill(p.skill, t.typ3));
    if (G.length === 0) continue;
    const t = rng.oneOf(G) as Task;
    convertNinety(st, p, t, featuredEntry(st, G, t), true);
    p.usedFeatured = true;
    st.counters.ninetyUsedFeatured++;
  }
}

/** Runs F5. */
export function advertiseFeaturedTasks(st: SimState): void {
  if (!st.p.platformFeatures || !st.p.featuredNeeds) return;
  const rng = st.rng;
  const pick = scratch;
  for (const proj of shuffled(rng, st.projects)) {
    // Live snapshot tasks that are unstaffed and not featured (same order as a filter).
    let n = 0;
    for (const t of proj.tasksSnap) if (t.alive && t.contributors.length === 0 && !t.featured) pick[n++] = t;
    if (n > 0 && rng.float() < st.p.probProjectAdvertises) (pick[rng.below(n)] as Task).featured = true;
    // Live snapshot tasks that are featured and staffed (the task just featured is unstaffed).
    n = 0;
    for (const t of proj.tasksSnap) if (t.alive && t.featured && t.contributors.length > 0) pick[n++] = t;
    if (n > 0) (pick[rng.below(n)] as Task).featured = false;
  }
  pick.length = 0;
}

/** Reused candidate buffer of F5 (only the first n entries are meaningful). */
const scratch: Task[] = [];
