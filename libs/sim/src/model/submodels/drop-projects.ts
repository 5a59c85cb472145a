/**
 * S4 drop-projects (MODEL.md §7 S4): the lonely-project rules (inert as
 * coded, §9 B6) and the #9 rule dropping projects it holds no task in.
 */
import { unlinkTask } from '../entities';
import { listRemove, shuffled, refill } from '../helpers';
import type { Person, Project, SimState } from '../types';

/** Is a project "lonely" for p? Faithful: only a project whose snapshot holds no live task (§9 B6). */
export function isLonely(st: SimState, p: Person, proj: Project): boolean {
  for (const t of proj.tasksSnap) {
    if (!t.alive) continue;
    if (!st.fx.lonelyProjects) return false; // both coded tests are always false
    for (const c of t.contributors) if (c !== p) return false;
  }
  return true;
}

function dropLonely(st: SimState, p: Person, prob: number): void {
  const rng = st.rng;
  const stamp = ++st.stampCounter;
  const lonely: Project[] = [];
  for (const e of p.projects) {
    if (e === null || Array.isArray(e) || !e.alive || e.stamp === stamp) continue;
    e.stamp = stamp;
    if (isLonely(st, p, e)) lonely.push(e);
  }
  if (lonely.length === 0 || !(rng.float() < prob)) return;
  // Unpopularity filter x_me − x_proj/17 + 4 > U(): always passes, but draws per project.
  const pass = lonely.filter((q) => rng.float() < p.x - q.x / 17 + 4);
  const chosen = rng.oneOf(pass);
  if (!chosen) return;
  listRemove(p.projects, chosen);
  let n = 0;
  for (const t of chosen.tasksSnap) {
    if (!t.alive) continue;
    n++;
    while (t.contributors.length > 0) unlinkTask(st, t.contributors[t.contributors.length - 1] as Person, t);
  }
  p.tasksSnap = refill(p.tasksSnap ?? [], p.tasks);
  if (p.role === 1) {
    st.counters.oneDroppedProject++;
    st.counters.oneDroppedTask += n;
  } else {
    st.counters.nineDroppedProject++;
    st.counters.nineDroppedTask += n;
  }
}

/** Step 3: drop a project of my (flattened) list on which I hold no task. */
function dropNoTaskProject(st: SimState, p: Person): void {
  const rng = st.rng;
  const mine = ++st.stampCounter;
  for (const t of p.tasksSnap ?? []) if (t.alive && t.project.alive) t.project.stamp = mine;
  const seen = ++st.stampCounter;
  // P, distinct live projects of the list (nested elements flattened) that hold none of my tasks,
  // in list order; collected into a reused buffer (first n entries).
  let n = 0;
  for (const e of p.projects) {
    if (e === null) continue;
    if (Array.isArray(e)) for (const q of e) n = collect(q, mine, seen, n);
    else n = collect(e, mine, seen, n);
  }
  if (n === 0 || !(rng.float() < st.p.prob9DropProject)) return;
  // Removal fails silently for a project held only inside a nested element (§9 B10).
  listRemove(p.projects, scratchP[rng.below(n)] as Project);
  st.counters.nineDroppedProject++;
}

const scratchP: Project[] = [];

/** Appends q to scratchP[n] unless dead, one of mine or already seen; returns the new count. */
function collect(q: Project, mine: number, seen: number, n: number): number {
  if (!q.alive || q.stamp === mine || q.stamp === seen) return n;
  q.stamp = seen;
  scratchP[n] = q;
  return n + 1;
}

/** Runs S4. */
export function dropProjects(st: SimState): void {
  for (const p of shuffled(st.rng, st.ones)) if (p.alive) dropLonely(st, p, st.p.prob1DropLonelyProject);
  for (const p of shuffled(st.rng, st.nines)) if (p.alive) dropLonely(st, p, st.p.prob9DropProject);
  for (const p of shuffled(st.rng, st.nines)) if (p.alive) dropNoTaskProject(st, p);
}
