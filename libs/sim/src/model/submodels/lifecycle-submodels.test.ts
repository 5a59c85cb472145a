import { describe, it, expect } from 'vitest';
import { addFriendLink, linkConsumer, linkTask } from '../entities';
import { go } from '../go';
import { addLone, addPerson, addProduct, addProject, addTask, frequency, makeState } from '../testing/build-state';
import { finishTasks } from './finish-tasks';
import { finishedProjects } from './finished-projects';
import { giveOutReward } from './give-reward';
import { projectsDie } from './projects-die';
import { calcRecentActivity } from './recent-activity';
import { updatePositions } from './positions';
import { tasksIdentified } from './tasks-identified';
import { THANKS_FROM_1, THANKS_FROM_9, THANKS_NONE } from '../types';

describe('S6 finish-tasks', () => {
  it('B7: volume only for projects that are direct mon-project elements; fix.taskVolume uses my-product', () => {
    const run = (fix: boolean, direct: boolean): number => {
      const st = makeState({ fixes: { taskVolume: fix }, params: { 'reward-mechanism': 'none' } });
      const q = addProduct(st, { volume: 100 });
      const proj = addProject(st);
      proj.product = q;
      if (direct) {
        q.monProject = [proj];
        proj.directIn.push(q);
      } else q.monProject = [[proj]];
      addTask(st, proj, { timeRequired: 0 });
      finishTasks(st);
      expect(st.counters.tasksCompleted).toBe(1);
      expect(proj.numTasks).toBe(0);
      return q.volume;
    };
    expect(run(false, false)).toBe(100);
    expect(run(false, true)).toBe(110);
    expect(run(true, false)).toBe(110);
  });

  it('B1: per-task points only under "both" (fix.pointsRegimeName adds "\'points\' only")', () => {
    const pts = (regime: string, fix: boolean): number => {
      const st = makeState({ fixes: { pointsRegimeName: fix }, params: { 'reward-mechanism': regime } });
      const proj = addProject(st, { rewardLevel: 99 });
      const t = addTask(st, proj, { timeRequired: 0 });
      const me = addPerson(st, 9);
      let total = 0;
      for (let i = 0; i < 30; i++) {
        linkTask(st, me, t);
      }
      linkTask(st, me, t);
      finishTasks(st);
      total += me.points;
      return total;
    };
    expect(pts("'points' only", false)).toBe(0);
    expect(pts("'points' only", true)).toBeGreaterThanOrEqual(0);
    // RandInt(99/5) = RandInt(19.8) ∈ 0..19
    const f = frequency(200, (seed) => {
      const st = makeState({ seed });
      const proj = addProject(st, { rewardLevel: 99 });
      const t = addTask(st, proj, { timeRequired: 0 });
      const me = addPerson(st, 9);
      linkTask(st, me, t);
      finishTasks(st);
      return me.points > 0 && me.points <= 19;
    });
    expect(f).toBeGreaterThan(0.8);
  });

  it('E6: a finishing lone task without a product is guarded (counted) or aborts', () => {
    const st = makeState();
    addLone(st, { timeRequired: 0, product: null });
    finishTasks(st);
    expect(st.runtimeErrors.E6).toBe(1);
    expect(st.counters.loneTasksFinished).toBe(1);
    const ab = makeState({ onNetLogoRuntimeError: 'abort' });
    addLone(ab, { timeRequired: 0, product: null });
    expect(() => finishTasks(ab)).toThrow(/E6/);
  });

  it('final-bug: finished tasks never die outside "both" + "bounties" and keep adding volume', () => {
    const st = makeState({ variant: 'final', taskCompletion: 'final-bug', volumeRule: 'd22' });
    const q = addProduct(st, { volume: 100 });
    const proj = addProject(st);
    q.monProject = [proj];
    proj.directIn.push(q);
    const t = addTask(st, proj, { timeRequired: 0 });
    finishTasks(st);
    finishTasks(st);
    expect(t.alive).toBe(true);
    expect(q.volume).toBeCloseTo(121, 6);
  });
});

describe('S7 give-out-reward', () => {
  it('"none" resets thanks and points every tick', () => {
    const st = makeState({ params: { 'reward-mechanism': 'none' } });
    const me = addPerson(st, 1, { points: 5 });
    me.thanks = THANKS_FROM_1;
    giveOutReward(st);
    expect(me.points).toBe(0);
    expect(me.thanks).toBe(THANKS_NONE);
  });

  it('thanks: floor(n/2) from #9 and RandInt(n/3) lowest-time from #1; points by reward type', () => {
    const st = makeState({ params: { 'reward-mechanism': 'both', 'chance-forget-thanks': 0 } });
    const proj = addProject(st, { rewardLevel: 40 });
    proj.subjective = false;
    const cs = [1, 2, 3, 4].map((i) => addPerson(st, 9, { time: i }));
    proj.contribSnap = cs;
    giveOutReward(st);
    const thanked = cs.filter((c) => c.thanks !== THANKS_NONE).length;
    expect(thanked).toBeGreaterThanOrEqual(2);
    expect(cs.filter((c) => c.thanks === THANKS_FROM_9 || c.thanks === THANKS_FROM_1).length).toBe(thanked);
    for (const c of cs) expect(c.points).toBe(40);
  });
});

describe('S8 finished-projects', () => {
  it('a finished project without a live product births one; E1 clamps y ≥ 25.5 to 25', () => {
    const st = makeState();
    const proj = addProject(st, { interest: 60 });
    proj.numTasks = 0;
    finishedProjects(st);
    expect(st.products).toHaveLength(1);
    expect(st.products[0]!.y).toBe(25);
    expect(st.products[0]!.consumptionHistory).toHaveLength(10);
    expect(st.runtimeErrors.E1).toBe(1);
    expect(st.counters.projectsFinished).toBe(1);
    expect(proj.alive).toBe(false);
    const ab = makeState({ onNetLogoRuntimeError: 'abort' });
    addProject(ab, { interest: 60 }).numTasks = 0;
    go(ab);
    expect(ab.stopReason).toBe('error:E1');
  });

  it('a finished project with a live product adds volume/3', () => {
    const st = makeState();
    const q = addProduct(st, { volume: 90 });
    const proj = addProject(st);
    proj.product = q;
    proj.numTasks = 0;
    finishedProjects(st);
    expect(q.volume).toBe(120);
  });
});

describe('S9/S10 tasks-identified and projects-die', () => {
  it('B17: a task spawned this tick survives its dying project as an orphan; fix.noOrphans kills it', () => {
    const run = (fix: boolean): number => {
      const st = makeState({ fixes: { noOrphans: fix }, params: { 'chance-of-finding-new-task': 1, 'chance-unpopular-project-dies': 1, 'chance-new-loneTask': 0 } });
      const proj = addProject(st);
      const t = addTask(st, proj);
      linkTask(st, addPerson(st, 90), t);
      tasksIdentified(st);
      expect(st.tasks).toHaveLength(2);
      projectsDie(st);
      expect(proj.alive).toBe(false);
      return st.orphans.length;
    };
    expect(run(false)).toBe(1);
    expect(run(true)).toBe(0);
  });

  it('listed projects do not die', () => {
    const st = makeState({ params: { 'chance-unpopular-project-dies': 1 } });
    const proj = addProject(st);
    addPerson(st, 9).projects = [proj];
    projectsDie(st);
    expect(proj.alive).toBe(true);
  });
});

describe('S11 calc-recent-activity (B15)', () => {
  it('keeps a stale value without contributors unless fix.staleActivity', () => {
    for (const fix of [false, true]) {
      const st = makeState({ fixes: { staleActivity: fix } });
      const proj = addProject(st);
      addTask(st, proj);
      proj.productionActivity = 3;
      calcRecentActivity(st);
      expect(proj.productionActivity).toBe(fix ? 0 : 3);
    }
  });
});

describe('S16 positions', () => {
  it('sequential tests: ȳ in (y, y+1) ends one step up with probability 0.25 (#9s)', () => {
    const f = frequency(3000, (seed) => {
      const st = makeState({ seed });
      const me = addPerson(st, 9, { y: 0 });
      const a = addPerson(st, 90, { y: 0 });
      const b = addPerson(st, 90, { y: 1 });
      for (const o of [a, b]) addFriendLink(st, me, o);
      // ȳ = 0.5: after stepping up (y = 1) ȳ < y may step back down.
      updatePositions(st);
      return me.y === 1;
    });
    expect(f).toBeCloseTo(0.25, 1);
  });

  it('#90s drift towards the mean y of their products\' consumers', () => {
    const st = makeState();
    const q = addProduct(st);
    const me = addPerson(st, 90, { y: -10 });
    for (let i = 0; i < 5; i++) linkConsumer(st, addPerson(st, 90, { y: 20 }), q);
    linkConsumer(st, me, q);
    const ups = frequency(1, () => {
      updatePositions(st);
      return me.y >= -10;
    });
    expect(ups).toBe(1);
  });
});
