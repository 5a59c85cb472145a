/**
 * S20 change-breed (MODEL.md §7 S20, §8.6, §9 B10): #90 → #9 via a task of
 * near interest, #9 → #1 on rising contributions, #1 → #9 on falling ones.
 */
import { archiveNinetyConversion, changeRoleList, linkTask, setFriendsSnapshot, unlinkConsumer } from '../entities';
import { drawSkills, recentTrend, shuffled } from '../helpers';
import type { ProjEntry, Person, Product, SimState, Task } from '../types';
import { THANKS_NONE } from '../types';

/**
 * Turns a #90 into a #9 linked to task `f` (shared with F4). Variables the
 * #90 does not own restart at 0 (§8.6); `projectsEntry` is the list element
 * the original stores (§9 B10 / F5).
 */
export function convertNinety(st: SimState, p: Person, f: Task, projectsEntry: ProjEntry, keepSkill: boolean): void {
  const rng = st.rng;
  archiveNinetyConversion(st, p);
  changeRoleList(st, p, 9);
  p.x = 19 + rng.int(6);
  p.y = -25 + p.interest;
  p.myTime = 1 + rng.int(20);
  p.time = p.myTime;
  if (!keepSkill) p.skill = drawSkills(rng);
  p.points = 0;
  p.thanks = THANKS_NONE;
  p.feelLoved = 0;
  p.timeWithNoLinks = 0;
  p.total = 0;
  p.loneSnap = null;
  p.tasksSnap = null;
  setFriendsSnapshot(p, null);
  p.usedFeatured = false;
  linkTask(st, p, f);
  p.projects = [projectsEntry];
  p.history = [0];
  while (p.products.length > 0) unlinkConsumer(st, p, p.products[p.products.length - 1] as Product);
  st.counters.ninetyToNine++;
}

/** Nearest-interest task among all tasks (random tie), or null if none is within ±2. */
export function taskNearInterest(st: SimState, interest: number): Task | null {
  for (let d = 0; d <= 2; d++) {
    const lo = d === 0 ? undefined : st.tasksByInterest.get(interest - d);
    const hi = st.tasksByInterest.get(interest + d);
    const nLo = lo ? lo.length : 0;
    const nHi = hi ? hi.length : 0;
    if (nLo + nHi === 0) continue;
    const k = st.rng.below(nLo + nHi);
    return (k < nLo ? (lo as Task[])[k] : (hi as Task[])[k - nLo]) as Task;
  }
  return null;
}

/** The list element for a convert's project (§9 B10; fix.convertProjects stores the agent). */
export function convertProjectEntry(st: SimState, f: Task): ProjEntry {
  if (st.fx.convertProjects) return f.project;
  return f.project.alive ? [f.project] : [];
}

function ninetyToNine(st: SimState): void {
  for (const p of shuffled(st.rng, st.nineties)) {
    if (!p.alive || p.role !== 90) continue;
    if (!(st.rng.float() < st.chance90FindTask)) continue;
    const f = taskNearInterest(st, p.interest);
    if (!f) continue;
    convertNinety(st, p, f, convertProjectEntry(st, f), st.isFinal);
    if (st.isFinal) setFriendsSnapshot(p, []);
  }
}

function nineToOne(st: SimState): void {
  for (const p of shuffled(st.rng, st.nines)) {
    if (!p.alive || p.role !== 9) continue;
    const h = p.history;
    if (!(h.length > 3 && recentTrend(h) > 0 && st.rng.float() < st.p.chance9Become1)) continue;
    changeRoleList(st, p, 1);
    p.x = 18;
    p.y = -25 + p.interest;
    p.myTime = 1 + st.rng.int(40);
    p.time = p.myTime;
    // #1s own neither time-with-no-links nor i-used-featured? (§8.6).
    p.timeWithNoLinks = 0;
    p.usedFeatured = false;
    st.counters.nineToOne++;
  }
}

function oneToNine(st: SimState): void {
  for (const p of shuffled(st.rng, st.ones)) {
    if (!p.alive || p.role !== 1) continue;
    const h = p.history;
    if (!(h.length > 3 && recentTrend(h) < 0 && st.rng.float() < st.p.chance1Become9 - p.feelLoved)) continue;
    changeRoleList(st, p, 9);
    p.x = 19 + st.rng.int(6);
    p.y = -25 + p.interest;
    p.myTime = 1 + st.rng.int(20);
    p.time = p.myTime;
    p.history = [0];
    p.total = 0;
    p.usedFeatured = false;
    st.counters.oneToNine++;
  }
}

/** Runs S20. */
export function changeBreed(st: SimState): void {
  ninetyToNine(st);
  nineToOne(st);
  oneToNine(st);
}
