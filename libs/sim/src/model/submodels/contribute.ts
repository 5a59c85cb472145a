/**
 * S3 contribute-to-tasks (MODEL.md §7 S3): time accounting, at most one drop
 * per over-committed agent, contribution bookkeeping, then work is done on
 * every task and lone task and project snapshots are refreshed.
 */
import { areFriends, unlinkLone, unlinkTask } from '../entities';
import { argmaxBy, argminBy, pushHistory, shuffled, refill } from '../helpers';
import { contributorsOf } from '../setup';
import type { LoneTask, Person, SimState, Task } from '../types';

/** my-time − Σ modularity of task links − Σ modularity of lone-task links. */
export function spareTime(p: Person): number {
  let used = 0;
  for (const t of p.tasks) used += t.modularity;
  for (const l of p.lones) used += l.modularity;
  return p.myTime - used;
}

/** Deletes a uniformly random lone-task link of the whole world (§9 B4). */
function dropRandomWorldLoneLink(st: SimState): void {
  let k = st.rng.below(st.loneLinkCount);
  for (const l of st.lones) {
    if (k < l.contributors.length) {
      unlinkLone(st, l.contributors[k] as Person, l);
      return;
    }
    k -= l.contributors.length;
  }
}

/** Number of the task's contributors who are p's friends (fix.friendDrop; 0 as coded, §9 B3). */
function friendsOnTask(st: SimState, p: Person, t: Task): number {
  if (!st.fx.friendDrop) return 0;
  let n = 0;
  for (const c of t.contributors) if (c !== p && areFriends(p, c)) n++;
  return n;
}

/** Step 2: the drop rule for an over-committed agent with > 1 task link. */
export function dropOne(st: SimState, p: Person): void {
  const rng = st.rng;
  const r = rng.float();
  if (r < 0.25) {
    unlinkTask(st, p, argminBy(rng, p.tasks, (t) => t.x) as Task);
  } else if (r < 0.5) {
    unlinkTask(st, p, argmaxBy(rng, p.tasks, (t) => t.timeRequired) as Task);
  } else if (r < 0.75) {
    // §9 B2: the #1 branch never fires as coded.
    if (p.role === 9 || st.fx.oneDropTypo) {
      unlinkTask(st, p, argminBy(rng, p.tasks, (t) => friendsOnTask(st, p, t)) as Task);
    }
  } else if (st.fx.ownLoneTaskDrop) {
    const l = rng.oneOf(p.lones);
    if (l) unlinkLone(st, p, l);
  } else if (st.loneLinkCount > 0) {
    dropRandomWorldLoneLink(st);
  }
  if (p.role === 1) st.counters.oneDroppedTask++;
  else st.counters.nineDroppedTask++;
}

function contributeOne(st: SimState, p: Person): void {
  p.time = spareTime(p);
  if (p.time < 0 && p.tasks.length > 1) dropOne(st, p);
  p.time = spareTime(p);
  const k = p.tasks.length + p.lones.length;
  const hours = p.myTime - p.time;
  if (p.tasks.length >= 1) {
    p.tasksSnap = refill(p.tasksSnap ?? [], p.tasks);
    p.loneSnap = refill(p.loneSnap ?? [], p.lones);
    if (p.role === 1) {
      st.counters.contributions1s += k;
      st.counters.timeContributed1s += hours;
    } else {
      st.counters.contributions9s += k;
      st.counters.timeContributed9s += hours;
    }
  }
  pushHistory(p.history, k);
  p.total += k;
  // Port-only lifetime measures (§11.4).
  p.lifetime += k;
  p.lifetimeHours += hours;
  st.linkTicksAll += k;
  if (p.role === 1) st.linkTicksOne += k;
}

/** Runs S3. */
export function contributeToTasks(st: SimState): void {
  for (const p of shuffled(st.rng, st.ones)) if (p.alive) contributeOne(st, p);
  for (const p of shuffled(st.rng, st.nines)) if (p.alive) contributeOne(st, p);
  // Work is done regardless of overtime.
  for (const t of st.tasks) t.timeRequired -= t.modularity * t.contributors.length;
  for (const l of st.lones as LoneTask[]) l.timeRequired -= l.modularity * l.contributors.length;
  for (const proj of st.projects) {
    proj.tasksSnap = refill(proj.tasksSnap, proj.tasks);
    proj.contribSnap = contributorsOf(st, proj.tasks, proj.contribSnap);
  }
}
