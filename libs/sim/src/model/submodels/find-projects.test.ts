import { describe, it, expect } from 'vitest';
import { addPerson, addProject, frequency, makeState } from '../testing/build-state';
import { findProjects } from './find-projects';
import { findProjectsFinal } from './find-projects-final';

describe('S1 find-projects (D2.2)', () => {
  it('pass 1: a platform #1 appends the nearest unseen project, then nobody when none is left (B16)', () => {
    const st = makeState();
    const near = addProject(st, { x: 17, interest: 10 });
    addProject(st, { x: -4, interest: 40 });
    const me = addPerson(st, 1, { usingPlatform: true, interest: 10 });
    findProjects(st);
    expect(me.projects).toEqual([near]);
    findProjects(st);
    expect(me.projects).toHaveLength(2);
    findProjects(st);
    expect(me.projects[2]).toBeNull();
  });

  it('fix.cleanProjectLists skips nobody', () => {
    const st = makeState({ fixes: { cleanProjectLists: true } });
    const me = addPerson(st, 1, { usingPlatform: true });
    findProjects(st);
    expect(me.projects).toEqual([]);
  });

  it('agents with stored time ≤ 0 do not search', () => {
    const st = makeState();
    addProject(st);
    const me = addPerson(st, 1, { usingPlatform: true, time: 0 });
    findProjects(st);
    expect(me.projects).toEqual([]);
  });

  it('pass 2: a platform #9 joins with probability p9join × D_max / d', () => {
    // Single project: D_max = d, so p = p9join = 0.3.
    const f = frequency(3000, (seed) => {
      const st = makeState({ seed });
      addProject(st, { x: 5, interest: 10 });
      const me = addPerson(st, 9, { usingPlatform: true, interest: 10 });
      findProjects(st);
      return me.projects.length === 1;
    });
    expect(f).toBeCloseTo(0.3, 1);
  });

  it('pass 5: offline non-platform #1s search with probability 0.2', () => {
    const f = frequency(3000, (seed) => {
      const st = makeState({ seed, params: { 'community-type': 'offline' } });
      addProject(st);
      const me = addPerson(st, 1);
      findProjects(st);
      return me.projects.length === 1;
    });
    expect(f).toBeCloseTo(0.2, 1);
  });

  it('pass 3: noise in {−1, 0} can pick a project up to 1 unit farther', () => {
    const f = frequency(2000, (seed) => {
      const st = makeState({ seed });
      const a = addProject(st, { x: 17, interest: 10 }); // d = 1
      addProject(st, { x: 16.5, interest: 10 }); // d = 1.5
      const me = addPerson(st, 1, { interest: 10 });
      findProjects(st);
      return me.projects[0] === a;
    });
    // a wins unless (noise_a, noise_b) = (0, −1): P = 3/4
    expect(f).toBeCloseTo(0.75, 1);
  });
});

describe('F2 find-projects (final)', () => {
  it('#1s append the PD-nearest unseen project; #9 join probability uses fresh PD draws', () => {
    const st = makeState({ variant: 'final' });
    const p = addProject(st);
    const one = addPerson(st, 1, { usingPlatform: true });
    findProjectsFinal(st);
    expect(one.projects).toEqual([p]);
    // Single project, platform user, online, no reputation points: PD = d, so p = p9join.
    const f = frequency(2000, (seed) => {
      const s2 = makeState({ seed, variant: 'final' });
      addProject(s2);
      const nine = addPerson(s2, 9, { usingPlatform: true });
      findProjectsFinal(s2);
      return nine.projects.length === 1;
    });
    expect(f).toBeCloseTo(0.3, 1);
  });
});
