import { describe, it, expect } from 'vitest';
import { linkTask } from '../entities';
import { runModel } from '../run';
import { addPerson, addProduct, addProject, addTask, frequency, makeState } from '../testing/build-state';
import { advertiseFeaturedTasks, findFeaturedTasks } from './featured-tasks';
import { hatchSibling, proposeProject } from './new-projects';
import { setBounties } from './set-bounties';
import { spawnTask } from './tasks-identified';

describe('F1 set-bounties', () => {
  it('puts 10% of the project points on an unstaffed task when above the mean, deducting 10%', () => {
    const st = makeState({ variant: 'final', params: { 'reward-mechanism-2': 'bounties', 'prob-set-a-bounty': 1 } });
    const rich = addProject(st);
    const poor = addProject(st);
    const t = addTask(st, rich);
    const c = addPerson(st, 9, { points: 100 });
    rich.contribSnap = [c];
    addTask(st, poor);
    setBounties(st);
    expect(t.bounty).toBe(10);
    expect(c.points).toBe(90);
    expect(rich.totalBounty).toBe(10);
    expect(poor.totalBounty).toBe(0);
  });
});

describe('F4/F5 featured needs', () => {
  it('projects feature an unstaffed task, and un-feature a staffed one', () => {
    const st = makeState({ variant: 'final', params: { 'prob-project-advertises-a-task': 1 } });
    const proj = addProject(st);
    const t = addTask(st, proj);
    advertiseFeaturedTasks(st);
    expect(t.featured).toBe(true);
    linkTask(st, addPerson(st, 9), t);
    advertiseFeaturedTasks(st);
    expect(t.featured).toBe(false);
  });

  it('a platform #90 converts through a featured need; the list element holds all candidate projects (F5)', () => {
    const st = makeState({ variant: 'final', params: { 'chance-90-find-a-task': 1 } });
    const p1 = addProject(st);
    const p2 = addProject(st);
    const t1 = addTask(st, p1, { typ3: 3 });
    const t2 = addTask(st, p2, { typ3: 3 });
    t1.featured = true;
    t2.featured = true;
    const me = addPerson(st, 90, { usingPlatform: true, skills: [3, 4, 5] });
    findFeaturedTasks(st);
    expect(me.role).toBe(9);
    expect(me.usedFeatured).toBe(true);
    expect(me.projects).toEqual([[p1, p2]]);
    expect(st.counters.ninetyUsedFeatured).toBe(1);
  });
});

describe('F4 spawned tasks and bounties', () => {
  it('a task spawned in S9 inherits bounty and featured? as coded; fix.spawnResetsBounty resets them', () => {
    for (const fix of [false, true]) {
      const st = makeState({ variant: 'final', fixes: { spawnResetsBounty: fix } });
      const parent = addTask(st, addProject(st), { typ3: 2 });
      parent.bounty = 7;
      parent.featured = true;
      const child = spawnTask(st, parent);
      expect(child.bounty).toBe(fix ? 0 : 7);
      expect(child.featured).toBe(!fix);
      expect(child.project).toBe(parent.project);
    }
  });

  it('D2.2 has no bounties to inherit, with or without the fix', () => {
    const st = makeState();
    const parent = addTask(st, addProject(st));
    expect(spawnTask(st, parent).bounty).toBe(0);
  });
});

describe('S13 new projects', () => {
  it('B23: final proposals never count in count-new-projects; fix.countNewProjects counts them; D2.2 always does', () => {
    const count = (variant: 'D2.2' | 'final', fix: boolean): number => {
      const st = makeState({ variant, fixes: { countNewProjects: fix } });
      addProduct(st);
      const me = addPerson(st, 1, { interest: 10 });
      for (let i = 0; i < 5; i++) proposeProject(st, me);
      return st.counters.countNewProjects;
    };
    expect(count('final', false)).toBe(0);
    expect(count('final', true)).toBe(5);
    expect(count('D2.2', false)).toBe(5);
  });

  it('B8: D2.2 proposals add RandInt(3) to the interest (0..+2); fix.proposalInterest gives ±2 clamped', () => {
    const deltas = (fix: boolean): Set<number> => {
      const st = makeState({ fixes: { proposalInterest: fix } });
      addProduct(st);
      const me = addPerson(st, 1, { interest: 49 });
      const seen = new Set<number>();
      for (let i = 0; i < 300; i++) seen.add(proposeProject(st, me).interest - 49);
      return seen;
    };
    expect([...deltas(false)].sort((a, b) => a - b)).toEqual([0, 1, 2]);
    expect([...deltas(true)].sort((a, b) => a - b)).toEqual([-2, -1, 0]);
  });

  it('F3: final proposals create tasks with inter3st 0 unless fix.finalTaskInterest', () => {
    for (const fix of [false, true]) {
      const st = makeState({ variant: 'final', fixes: { finalTaskInterest: fix } });
      addProduct(st);
      const proj = proposeProject(st, addPerson(st, 9, { interest: 20 }));
      for (const t of proj.tasks) expect(t.interest).toBe(fix ? proj.interest : 0);
    }
  });

  it('hatched siblings keep likes and my-product, reset likes-history, link the live product', () => {
    const st = makeState();
    const q = addProduct(st);
    const parent = addProject(st, { interest: 20 });
    parent.likes = 7;
    parent.likesHistory = [1, 2];
    parent.product = q;
    const sib = hatchSibling(st, parent);
    expect(sib.likes).toBe(7);
    expect(sib.likesHistory).toEqual([]);
    expect(sib.product).toBe(q);
    expect(q.monProject).toContain(sib);
    expect(Math.abs(sib.interest - 20)).toBeLessThanOrEqual(2);
    expect(sib.numTasks).toBe(sib.tasks.length);
  });
});

describe('B11 chance-90-find-a-task mutation', () => {
  it('faithful and fix.noParamMutation give the same run', () => {
    const params = { 'platform-features': false };
    const a = runModel({ seed: 9, params }, { ticks: 30 });
    const b = runModel({ seed: 9, params, fixes: { noParamMutation: true } }, { ticks: 30 });
    expect(JSON.stringify(a.series)).toBe(JSON.stringify(b.series));
  });
});

describe('B13 feel-loved of #1s', () => {
  it('is never computed as coded; fix.oneFeelLoved computes it in S19', async () => {
    const { exit } = await import('./exit');
    for (const fix of [false, true]) {
      const st = makeState({ fixes: { oneFeelLoved: fix }, params: { 'reward-mechanism': "'thanks' only", 'chance-1-burn-out': 0 } });
      const me = addPerson(st, 1);
      me.thanks = 2;
      exit(st);
      expect(me.feelLoved).toBe(fix ? 0.01 : 0);
    }
  });
});

describe('variants run', () => {
  it('final with bounties and final-bug completion runs', () => {
    const out = runModel({ seed: 3, variant: 'final', taskCompletion: 'final-bug', params: { 'reward-mechanism-2': 'bounties' } }, { ticks: 20 });
    expect(out.ticks).toBeGreaterThan(0);
    const f = frequency(1, () => true);
    expect(f).toBe(1);
  });
});
