/**
 * Creation of projects with their tasks (MODEL.md §5, S13) and the task
 * skill-type rule of §7.24, shared by setup and new-projects.
 */
import { newProject, newTask, placeAround, setProjectInterest } from './entities';
import type { Project, SimState, Task } from './types';

/**
 * §7.24 cases: 'set' = D2.2 initial projects (my-project already set),
 * 'unset' = every other batch (my-project not yet set).
 */
export type Typ3Case = 'set' | 'unset';

/** Draws time-required and modularity of a new task or lone task. */
export function drawWork(st: SimState, t: { timeRequired: number; modularity: number }): void {
  const mtr = st.p.meanTimeRequired;
  t.timeRequired = st.rng.normal(mtr, mtr / 4);
  t.modularity = 1 + st.rng.int(st.p.maxModularity);
}

/**
 * typ3 of the i-th task of a batch (§7.24). `batch` holds the siblings, of
 * which the first `i` are already initialised. Siblings are exchangeable
 * before initialisation, so initialising them in creation order has the same
 * distribution as NetLogo's random order.
 */
export function batchTyp3(st: SimState, batch: readonly Task[], i: number, mode: Typ3Case): number {
  const rng = st.rng;
  if (st.fx.taskSkills) {
    // Corrected: first task uniform on 0..9, later ones copy a typed sibling w.p. ½.
    if (i === 0) return rng.int(10);
    if (rng.float() < 0.5) return (batch[rng.below(i)] as Task).typ3;
    return rng.int(10);
  }
  if (rng.float() < 0.5) {
    if (mode === 'set') {
      // S = t itself (typ3 still 0) plus the i siblings already initialised.
      const k = rng.below(i + 1);
      return k === i ? 0 : (batch[k] as Task).typ3;
    }
    // S = the not-yet-initialised siblings, all with typ3 0.
    rng.below(batch.length - i);
    return 0;
  }
  return rng.int(9);
}

/**
 * typ3 of a task spawned in S9 (create-new-task): the child already holds
 * the parent's typ3; S = every live task of the same project (or, for an
 * orphan parent, every orphan), the child included.
 */
export function spawnTyp3(st: SimState, child: Task, parentTyp3: number): number {
  const rng = st.rng;
  const siblings = child.project.alive ? child.project.tasks : st.orphans;
  if (st.fx.taskSkills) {
    const others = siblings.length - 1;
    if (others > 0 && rng.float() < 0.5) {
      let k = rng.below(others);
      for (const s of siblings) {
        if (s === child) continue;
        if (k-- === 0) return s.typ3;
      }
    }
    return rng.int(10);
  }
  if (rng.float() < 0.5) {
    const s = siblings[rng.below(siblings.length)] as Task;
    return s === child ? parentTyp3 : s.typ3;
  }
  return rng.int(9);
}

/** Creates `n` tasks of a project with the given inter3st, placed one step around (cx, cy). */
export function createTasks(st: SimState, project: Project, n: number, interest: number, cx: number, cy: number, mode: Typ3Case): Task[] {
  const batch: Task[] = [];
  for (let i = 0; i < n; i++) batch.push(newTask(st, project, cx, cy, interest));
  for (let i = 0; i < n; i++) {
    const t = batch[i] as Task;
    drawWork(st, t);
    t.typ3 = batchTyp3(st, batch, i, mode);
  }
  for (const t of batch) placeAround(st, t, cx, cy);
  project.numTasks = n;
  project.tasksSnap = batch.slice();
  project.contribSnap = [];
  return batch;
}

/** Moves every task of a fresh project to one step around the project's position. */
export function replaceTasks(st: SimState, project: Project): void {
  for (const t of project.tasks) placeAround(st, t, project.x, project.y);
}

/** Draws the common D2.2 project variables: num-tasks, reward-level, reward-type. */
export function drawProjectBasicsD22(st: SimState, p: Project): number {
  const n = 2 + st.rng.int(10);
  p.productionHistory = [];
  p.rewardLevel = st.rng.int(100);
  p.subjective = st.rng.float() < st.p.propSubjective;
  return n;
}

/** final create-project order: num-tasks, production-history, reward-level, is-private?, reward-type. */
export function drawProjectBasicsFinal(st: SimState, p: Project): number {
  const n = 2 + st.rng.int(10);
  p.productionHistory = [];
  p.rewardLevel = st.rng.int(100);
  p.isPrivate = st.rng.float() < st.p.propInitiallyPrivate;
  p.subjective = st.rng.float() < st.p.propSubjective;
  return n;
}

/** Sets inter3st and y of a project (x given), re-indexing it. */
export function positionProject(st: SimState, p: Project, interest: number, x: number, y: number): void {
  setProjectInterest(st, p, interest);
  p.x = x;
  p.y = y;
  st.projectGrid.move(p);
}

/** Creates a project at (x, y) (its interest and tasks are set by the caller). */
export function blankProject(st: SimState, x: number, y: number): Project {
  return newProject(st, x, y);
}
