import { describe, it, expect } from 'vitest';
import { befriend, friendLinkCount, friendTimes, linkLone, linkTask } from '../entities';
import { addLone, addPerson, addProject, addTask, frequency, makeState } from '../testing/build-state';
import type { SimState } from '../types';
import { contributeToTasks } from './contribute';
import { dropProjects } from './drop-projects';
import { makeAndLoseFriends } from './friends';

/** A #1 or #9 with two tasks and negative spare time; returns whether any task link was dropped. */
function overcommitted(seed: number, role: 1 | 9, fixes: Record<string, boolean> = {}): { st: SimState; dropped: boolean } {
  const st = makeState({ seed, fixes });
  const proj = addProject(st);
  const me = addPerson(st, role, { myTime: 1 });
  linkTask(st, me, addTask(st, proj, { modularity: 5 }));
  linkTask(st, me, addTask(st, proj, { modularity: 5 }));
  contributeToTasks(st);
  return { st, dropped: me.tasks.length === 1 };
}

describe('S3 contribute-to-tasks', () => {
  it('recomputes the stored time and does work on every task', () => {
    const st = makeState();
    const proj = addProject(st);
    const t = addTask(st, proj, { modularity: 3, timeRequired: 10 });
    const l = addLone(st, { modularity: 2, timeRequired: 10 });
    const me = addPerson(st, 9, { myTime: 10, time: 99 });
    linkTask(st, me, t);
    linkLone(st, me, l);
    contributeToTasks(st);
    expect(me.time).toBe(5);
    expect(t.timeRequired).toBe(7);
    expect(l.timeRequired).toBe(8);
    expect(me.history).toEqual([0, 2]);
    expect(me.total).toBe(2);
    expect(me.lifetime).toBe(2);
    expect(st.counters.contributions9s).toBe(2);
    expect(proj.contribSnap).toEqual([me]);
  });

  it('B2: an over-committed #1 drops nothing in the third branch (faithful) — fixed with fix.oneDropTypo', () => {
    // No lone-task links anywhere, so branch 4 drops nothing either.
    const faithful = frequency(2000, (s) => overcommitted(s, 1).dropped);
    const fixed = frequency(2000, (s) => overcommitted(s, 1, { oneDropTypo: true }).dropped);
    const nine = frequency(2000, (s) => overcommitted(s, 9).dropped);
    expect(faithful).toBeCloseTo(0.5, 1);
    expect(fixed).toBeCloseTo(0.75, 1);
    expect(nine).toBeCloseTo(0.75, 1);
    // the counter increments even when nothing was dropped
    expect(overcommitted(1, 1).st.counters.oneDroppedTask).toBe(1);
  });

  it("B4: the lone-task drop deletes any agent's lone-task link; fix.ownLoneTaskDrop deletes one's own", () => {
    const run = (seed: number, own: boolean): { mine: number; theirs: number } => {
      const st = makeState({ seed, fixes: { ownLoneTaskDrop: own } });
      const proj = addProject(st);
      const me = addPerson(st, 9, { myTime: 1 });
      linkTask(st, me, addTask(st, proj, { modularity: 5 }));
      linkTask(st, me, addTask(st, proj, { modularity: 5 }));
      const other = addPerson(st, 1, { myTime: 100 });
      linkLone(st, other, addLone(st));
      // Force branch 4 by making the #9 act first on a stream where r ≥ 0.75 … statistically:
      contributeToTasks(st);
      return { mine: me.tasks.length, theirs: other.lones.length };
    };
    const faithfulLost = frequency(2000, (s) => run(s, false).theirs === 0);
    const fixedLost = frequency(2000, (s) => run(s, true).theirs === 0);
    expect(faithfulLost).toBeCloseTo(0.25, 1);
    expect(fixedLost).toBe(0);
  });
});

describe('S4 drop-projects', () => {
  it('B6: the lonely-project rule never fires as coded; fix.lonelyProjects makes it fire', () => {
    const run = (fix: boolean): number => {
      const st = makeState({ fixes: { lonelyProjects: fix }, params: { 'prob-1-drop-lonely-project': 1 } });
      const proj = addProject(st);
      const me = addPerson(st, 1);
      linkTask(st, me, addTask(st, proj));
      me.projects = [proj];
      dropProjects(st);
      return st.counters.oneDroppedProject;
    };
    expect(run(false)).toBe(0);
    expect(run(true)).toBe(1);
  });

  it('step 3 drops a project without my tasks; a nested (convert) entry is not removed but counted (B10)', () => {
    const st = makeState({ params: { 'prob-9-drop-a-lonely-or-no-tasks-project': 1 } });
    const proj = addProject(st);
    addTask(st, proj);
    const me = addPerson(st, 9);
    me.projects = [[proj]];
    dropProjects(st);
    expect(me.projects).toEqual([[proj]]);
    expect(st.counters.nineDroppedProject).toBe(1);
    const st2 = makeState({ params: { 'prob-9-drop-a-lonely-or-no-tasks-project': 1 } });
    const p2 = addProject(st2);
    const me2 = addPerson(st2, 9);
    me2.projects = [p2];
    dropProjects(st2);
    expect(me2.projects).toEqual([]);
  });
});

describe('S5 make-and-lose-friends', () => {
  it('befriends round(|W|/2) co-workers and raises times-worked-together on both sides', () => {
    const st = makeState({ params: { 'chance-forget-a-friend': 0 } });
    const proj = addProject(st);
    const t = addTask(st, proj);
    const people = [1, 2, 3, 4, 5].map(() => addPerson(st, 9));
    for (const p of people) {
      linkTask(st, p, t);
      p.tasksSnap = [t];
    }
    makeAndLoseFriends(st);
    // every agent makes round(4/2) = 2 friends (some may coincide)
    expect(friendLinkCount(st)).toBeGreaterThanOrEqual(3);
    const before = st.friendBuckets.flat().reduce((s, l) => s + friendTimes(st, l), 0);
    makeAndLoseFriends(st);
    const after = st.friendBuckets.flat().reduce((s, l) => s + friendTimes(st, l), 0);
    expect(after - before).toBeGreaterThanOrEqual(2 * friendLinkCount(st) - 2 * 0);
  });

  it('B5: forgetting deletes world-wide links; fix.forgetOwnFriends only own links', () => {
    const run = (own: boolean): number => {
      const st = makeState({ params: { 'chance-forget-a-friend': 1 }, fixes: { forgetOwnFriends: own } });
      const proj = addProject(st);
      const worker = addPerson(st, 9);
      const t = addTask(st, proj);
      linkTask(st, worker, t);
      worker.tasksSnap = [t];
      const a = addPerson(st, 9, { time: 0 });
      const b = addPerson(st, 9, { time: 0 });
      befriend(st, a, b); // not the worker's link
      makeAndLoseFriends(st);
      return friendLinkCount(st);
    };
    expect(run(false)).toBe(0);
    expect(run(true)).toBe(1);
  });
});
