import { describe, it, expect } from 'vitest';
import { befriend, killProject, linkTask } from '../entities';
import { addLone, addPerson, addProject, addTask, frequency, makeState } from '../testing/build-state';
import { findTasks, tasksInMyProjects } from './find-tasks';

describe('S2 find-tasks', () => {
  it('pass A: a #1 links every skill-matching task of its projects', () => {
    const st = makeState();
    const proj = addProject(st);
    const t0 = addTask(st, proj, { typ3: 0 });
    const t1 = addTask(st, proj, { typ3: 1 });
    addTask(st, proj, { typ3: 7 });
    const me = addPerson(st, 1, { skills: [0, 1, 2] });
    me.projects = [proj];
    findTasks(st);
    expect(me.tasks.sort((a, b) => a.id - b.id)).toEqual([t0, t1]);
    expect(me.tasksSnap).toHaveLength(2);
  });

  it('pass A: without a skill match a #1 takes one random task', () => {
    const st = makeState();
    const proj = addProject(st);
    addTask(st, proj, { typ3: 8 });
    addTask(st, proj, { typ3: 9 });
    const me = addPerson(st, 1, { skills: [0, 1, 2] });
    me.projects = [proj];
    findTasks(st);
    expect(me.tasks).toHaveLength(1);
  });

  it('a nobody entry matches orphan tasks (B16/B17)', () => {
    const st = makeState();
    const proj = addProject(st);
    const t = addTask(st, proj);
    killProject(st, proj);
    const me = addPerson(st, 1);
    me.projects = [null];
    expect(tasksInMyProjects(st, me)).toEqual([t]);
  });

  it('pass B: a #9 with no friends on matching tasks joins with p9none + 0.01·h', () => {
    const f = frequency(3000, (seed) => {
      const st = makeState({ seed, params: { 'reward-mechanism': 'none' } });
      const proj = addProject(st);
      addTask(st, proj, { typ3: 0 });
      const me = addPerson(st, 9, { skills: [0], history: [2, 3] });
      me.projects = [proj];
      findTasks(st);
      return me.tasks.length === 1;
    });
    expect(f).toBeCloseTo(0.05 + 0.05, 1);
  });

  it('pass B: with a friend on a matching task the friend rule (p9friend) applies', () => {
    const f = frequency(3000, (seed) => {
      const st = makeState({ seed, params: { 'reward-mechanism': 'none', 'prob-9-contributes-to-friends-task': 0.6 } });
      const proj = addProject(st);
      const t = addTask(st, proj, { typ3: 0 });
      const friend = addPerson(st, 9, { time: 0 });
      linkTask(st, friend, t);
      const me = addPerson(st, 9, { skills: [0] });
      befriend(st, me, friend);
      me.projects = [proj];
      findTasks(st);
      return me.tasks.length === 1;
    });
    expect(f).toBeCloseTo(0.6, 1);
  });

  it('pass C: an online #1 with time > 0 links its nearest lone task', () => {
    const st = makeState();
    const near = addLone(st, { x: 17, interest: 10 });
    addLone(st, { x: -4, interest: 30 });
    const me = addPerson(st, 1, { interest: 10 });
    findTasks(st);
    expect(me.lones).toEqual([near]);
    expect(me.loneSnap).toEqual([near]);
  });
});
