/**
 * S6 finish-tasks (MODEL.md §7 S6, §9 B1, B7, B17, F1, E6, E8).
 */
import { killLoneTask, killTask } from '../entities';
import { isNobodyEntry } from '../helpers';
import { netlogoError } from '../runtime-errors';
import type { Product, SimState, Task } from '../types';
import { taskVolumeGain } from './volume';

/** True if the regime pays per-task points (only "both" as coded, §9 B1). */
export function perTaskPointsRegime(st: SimState): boolean {
  const r = st.p.rewardMechanism;
  return r === 'both' || (st.fx.pointsRegimeName && r === "'points' only");
}

/** Products that receive volume from a finished task (§9 B7, fix.taskVolume). */
function volumeTargets(st: SimState, t: Task): Product[] {
  const proj = t.project;
  if (st.fx.taskVolume) {
    return proj.alive && proj.product && proj.product.alive ? [proj.product] : [];
  }
  if (st.p.numberOfProducts === 'many') return [];
  if (proj.alive) return proj.directIn.filter((q) => q.alive);
  // Orphan: my-project is nobody, which equals every dead direct element (§8.4).
  return st.products.filter((q) => q.monProject.some((e) => !Array.isArray(e) && isNobodyEntry(e)));
}

function addTaskVolume(st: SimState, t: Task): void {
  for (const q of volumeTargets(st, t)) q.volume += taskVolumeGain(st, q.volume);
}

function payPoints(st: SimState, t: Task): void {
  if (st.isFinal) {
    if (st.p.rewardMechanism2 !== 'bounties') return;
    const n = t.contributors.length;
    for (const c of t.contributors) c.points += t.bounty / n;
    return;
  }
  if (!t.project.alive) {
    // §9 E8: reward-level of a dead project; guard = no points.
    netlogoError(st, 'E8');
    return;
  }
  const rl = t.project.rewardLevel;
  for (const c of t.contributors) c.points += st.rng.int(rl / 5);
}

function completeTask(st: SimState, t: Task): void {
  st.counters.tasksCompleted++;
  if (t.project.alive) t.project.numTasks--;
  killTask(st, t);
}

function finishD22(st: SimState, t: Task): void {
  if (t.timeRequired <= 0) {
    addTaskVolume(st, t);
    if (perTaskPointsRegime(st)) payPoints(st, t);
    completeTask(st, t);
  } else if (!t.project.alive) {
    killTask(st, t); // orphan (§9 B17)
  }
}

function finishFinalBug(st: SimState, t: Task): void {
  if (!(t.timeRequired <= 0)) return;
  addTaskVolume(st, t);
  if (!perTaskPointsRegime(st)) return;
  if (st.p.rewardMechanism2 === 'bounties') {
    payPoints(st, t);
    completeTask(st, t);
  } else if (!t.project.alive) {
    killTask(st, t);
  }
}

/** Runs S6. */
export function finishTasks(st: SimState): void {
  const bug = st.cfg.taskCompletion === 'final-bug';
  // Only finished tasks and orphans are affected; visiting just those in a
  // random order is equivalent to shuffling all tasks and skipping the rest.
  const due = st.tasks.filter((t) => t.timeRequired <= 0 || !t.project.alive);
  for (const t of st.rng.shuffle(due)) {
    if (!t.alive) continue;
    if (bug) finishFinalBug(st, t);
    else finishD22(st, t);
  }
  const dueLone = st.lones.filter((l) => l.timeRequired <= 0);
  for (const l of st.rng.shuffle(dueLone)) {
    if (!l.alive) continue;
    const q = l.product;
    if (q === null || !q.alive) netlogoError(st, 'E6');
    else q.volume += taskVolumeGain(st, q.volume);
    if (perTaskPointsRegime(st)) {
      for (const c of l.contributors) c.points += st.rng.int(3 * l.modularity);
    }
    st.counters.loneTasksFinished++;
    killLoneTask(st, l);
  }
}
