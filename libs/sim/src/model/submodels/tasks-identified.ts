/**
 * S9 tasks-identified (MODEL.md §7 S9): staffed tasks spawn sibling tasks;
 * a lone task may appear.
 */
import { newTask, placeAround } from '../entities';
import { drawWork, spawnTyp3 } from '../project-factory';
import { createLoneTask } from '../setup';
import type { SimState, Task } from '../types';

/** create-new-task: a child of `parent` in the same project (hatched: copies the parent's variables). */
export function spawnTask(st: SimState, parent: Task): Task {
  const child = newTask(st, parent.project, parent.x, parent.y, parent.interest);
  placeAround(st, child, parent.x, parent.y);
  child.typ3 = parent.typ3;
  if (st.isFinal && !st.fx.spawnResetsBounty) {
    // §9 F4: the hatched task inherits bounty and featured?.
    child.bounty = parent.bounty;
    child.featured = parent.featured;
  }
  child.typ3 = spawnTyp3(st, child, parent.typ3);
  drawWork(st, child);
  st.counters.newTasksCount++;
  if (parent.project.alive) parent.project.numTasks++;
  return child;
}

/** Runs S9. */
export function tasksIdentified(st: SimState): void {
  // Independent Bernoulli trials per staffed task: the visiting order does
  // not change the distribution, so no shuffle. Tasks spawned here are not visited.
  const staffed = st.tasks.filter((t) => t.contributors.length > 0);
  for (const t of staffed) {
    if (st.rng.float() < st.p.chanceFindingNewTask) spawnTask(st, t);
  }
  if (st.rng.float() < st.p.chanceNewLoneTask) createLoneTask(st);
}
