/**
 * S2 find-tasks (D2.2) with the final #9 pass F3 (MODEL.md §7 S2, F3).
 */
import { friendCount, linkLone, linkTask } from '../entities';
import { argmaxBy, hasSkill, median, shuffled, sum, refill } from '../helpers';
import { netlogoError } from '../runtime-errors';
import type { Person, SimState, Task } from '../types';
import { THANKS_FROM_1, THANKS_FROM_9, THANKS_NONE } from '../types';

/**
 * T: live tasks whose my-project is in the person's list (§8.4 equality: dead/nobody entries match orphans).
 * With `skill` ≥ 0 only tasks whose typ3 is in that skill mask are kept. `out` is cleared and filled
 * (passes reuse one buffer per pass instead of allocating per agent).
 */
export function tasksInMyProjects(st: SimState, p: Person, out: Task[] = [], skill = -1): Task[] {
  const stamp = ++st.stampCounter;
  out.length = 0;
  let nobody = false;
  for (const e of p.projects) {
    if (e === null) {
      nobody = true;
      continue;
    }
    if (Array.isArray(e)) continue; // nested sets never equal an agent (§9 B10)
    if (!e.alive) {
      nobody = true;
      continue;
    }
    if (e.stamp === stamp) continue;
    e.stamp = stamp;
    pushTasks(out, e.tasks, skill);
  }
  if (nobody) pushTasks(out, st.orphans, skill);
  return out;
}

function pushTasks(out: Task[], tasks: readonly Task[], skill: number): void {
  if (skill < 0) {
    for (let i = 0; i < tasks.length; i++) out.push(tasks[i] as Task);
    return;
  }
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i] as Task;
    if (hasSkill(skill, t.typ3)) out.push(t);
  }
}

/** Per-pass scratch for T / M (never held across agents). */
const scratchTasks: Task[] = [];

/** feel-loved as computed in S2 / F3 (with the personType draw); `med` = median #9 points. */
export function feelLovedS2(st: SimState, p: Person, med: number): number {
  const regime = st.p.rewardMechanism;
  if (regime === 'none') return 0;
  if (regime === "'thanks' only") return p.thanks === THANKS_FROM_9 ? 0.005 : p.thanks === THANKS_FROM_1 ? 0.01 : 0;
  const r = st.rng.float();
  let fl = p.feelLoved;
  if (regime === "'points' only") fl = 0;
  else if (p.thanks === THANKS_NONE) fl = 0;
  if (r > 0.2 && p.points > med) fl = 0.005;
  if (r < 0.2 && p.points < med) fl = 0.005;
  if (regime === 'both') {
    if (p.thanks === THANKS_FROM_9) fl = 0.005;
    else if (p.thanks === THANKS_FROM_1) fl = 0.01;
  }
  return fl;
}

/** Distinct tasks (project tasks) of a set of persons, into a reused buffer. */
function tasksUnion(st: SimState, ps: readonly Person[]): Task[] {
  const stamp = ++st.stampCounter;
  const out = scratchUnion;
  out.length = 0;
  for (const q of ps) {
    for (const t of q.tasks) {
      if (t.stamp !== stamp) {
        t.stamp = stamp;
        out.push(t);
      }
    }
  }
  return out;
}
const scratchUnion: Task[] = [];

/**
 * F is built lazily: only its non-emptiness decides the next draws, and the list itself is needed
 * only when both draws succeed, while building it costs a friend-map lookup per task link of M
 * (hundreds per #9 in a dense 10× community). `friendsStamp` draws the stamp that building F always
 * drew (none when p has no friends), so the stamp counter, which snapshots record, is unchanged.
 */
function friendsStamp(st: SimState, p: Person): number {
  return friendCount(p) === 0 ? 0 : ++st.stampCounter;
}

/** Whether some contributor of the tasks M is a friend of p (F non-empty); stops at the first. */
function hasFriendAmongContributors(p: Person, M: readonly Task[]): boolean {
  const friends = p.friendMap;
  if (friends.size === 0) return false;
  for (const t of M) for (const c of t.contributors) if (friends.has(c)) return true;
  return false;
}

/**
 * F: the distinct contributors of the tasks M who are friends of p, in order of first
 * appearance (O(links of M) friend-map lookups; a taken contributor is stamped with `taken`).
 */
function friendsAmongContributors(p: Person, M: readonly Task[], taken: number): Person[] {
  const out = scratchFriends;
  out.length = 0;
  const friends = p.friendMap;
  for (const t of M) {
    for (const c of t.contributors) {
      if (c.stamp !== taken && friends.has(c)) {
        c.stamp = taken;
        out.push(c);
      }
    }
  }
  return out;
}
const scratchFriends: Person[] = [];

/** b(t) of F3: bounty per contributor (the bounty itself when unstaffed). */
function bountyPer(t: Task): number {
  return t.contributors.length > 0 ? t.bounty / t.contributors.length : t.bounty;
}

function passA(st: SimState): void {
  for (const p of shuffled(st.rng, st.ones)) {
    if (!p.alive || !(p.time > 0)) continue;
    const T = tasksInMyProjects(st, p, scratchTasks);
    let matched = false;
    for (const t of T) {
      if (hasSkill(p.skill, t.typ3)) {
        matched = true;
        linkTask(st, p, t);
      }
    }
    if (!matched && T.length > 0) linkTask(st, p, st.rng.oneOf(T) as Task);
    p.tasksSnap = refill(p.tasksSnap ?? [], p.tasks);
  }
}

function passBD22(st: SimState, p: Person, M: Task[], fl: number): void {
  const rng = st.rng;
  const h = sum(p.history);
  const taken = friendsStamp(st, p);
  if (taken !== 0 && hasFriendAmongContributors(p, M)) {
    if (rng.float() < st.p.prob9FriendsTask + 0.01 * h + fl) {
      const ft = tasksUnion(st, friendsAmongContributors(p, M, taken));
      const t = rng.oneOf(ft);
      if (t) linkTask(st, p, t);
    }
  } else if (rng.float() < st.p.prob9NoneFriendTask + 0.01 * h + fl) {
    linkTask(st, p, rng.oneOf(M) as Task);
  }
}

/** F3: the final #9 pass with bounty chasing (B̄, C̄ computed by the caller's accessors). */
function passBFinal(st: SimState, p: Person, M: Task[], fl: number, bountyMean: number): void {
  const rng = st.rng;
  const h = sum(p.history);
  const cMean = st.taskLinkCount / st.tasks.length;
  let chase = false;
  if (cMean === 0) {
    // §9 E3: B̄ / C̄ divides by zero; the guard treats the test as false.
    netlogoError(st, 'E3');
  } else {
    const threshold = bountyMean / cMean;
    for (const t of M) {
      if (bountyPer(t) > threshold && rng.float() < st.p.chance9ChasesBounty) chase = true;
    }
  }
  if (chase) {
    linkTask(st, p, argmaxBy(rng, M, bountyPer) as Task);
    return;
  }
  const taken = friendsStamp(st, p);
  if (taken !== 0 && hasFriendAmongContributors(p, M) && rng.float() < st.p.chance9PicksFriendsTasks) {
    if (rng.float() < st.p.prob9FriendsTask + 0.01 * h + fl) {
      const ft = tasksUnion(st, friendsAmongContributors(p, M, taken));
      const t = argmaxBy(rng, ft, (x) => x.bounty / x.contributors.length);
      if (t) linkTask(st, p, t);
    }
  } else if (rng.float() < st.p.prob9NoneFriendTask + 0.01 * h + fl) {
    linkTask(st, p, argmaxBy(rng, M, bountyPer) as Task);
  }
}

function passB(st: SimState): void {
  const med = median(st.nines.map((q) => q.points));
  let bountyMean = 0;
  if (st.isFinal && st.tasks.length > 0) {
    let s = 0;
    for (const t of st.tasks) s += t.bounty;
    bountyMean = s / st.tasks.length;
  }
  for (const p of shuffled(st.rng, st.nines)) {
    if (!p.alive || !(p.time > 0)) continue;
    const fl = feelLovedS2(st, p, med);
    p.feelLoved = fl;
    const M = tasksInMyProjects(st, p, scratchTasks, p.skill);
    if (M.length === 0) continue;
    if (st.isFinal) passBFinal(st, p, M, fl, bountyMean);
    else passBD22(st, p, M, fl);
    p.tasksSnap = refill(p.tasksSnap ?? [], p.tasks);
  }
}

function passC(st: SimState): void {
  const rng = st.rng;
  const online = st.p.communityType === 'online';
  for (const p of shuffled(rng, st.ones)) {
    if (!p.alive || !(p.time > 0) || st.lones.length === 0) continue;
    const l = online ? st.loneGrid.nearest(p.x, p.y, null, rng) : st.loneGrid.nearest(p.x, p.y, null, rng, () => rng.int(5) - 2.5, -2.5);
    if (l) linkLone(st, p, l);
    p.loneSnap = refill(p.loneSnap ?? [], p.lones);
  }
}

function passD(st: SimState): void {
  const rng = st.rng;
  const online = st.p.communityType === 'online';
  for (const p of shuffled(rng, st.nines)) {
    if (!p.alive || !(p.time > 0) || st.lones.length === 0) continue;
    if (rng.float() < st.p.prob9JoinProject + 0.01 * sum(p.history)) {
      const l = online ? st.loneGrid.nearest(p.x, p.y, null, rng, () => rng.int(5) - 2.5, -2.5) : rng.oneOf(st.lones);
      if (l) linkLone(st, p, l);
    }
    p.loneSnap = refill(p.loneSnap ?? [], p.lones);
  }
}

/** Runs S2 (passes A–D; pass B is F3 in the final variant). */
export function findTasks(st: SimState): void {
  passA(st);
  passB(st);
  passC(st);
  passD(st);
  scratchTasks.length = 0;
}
