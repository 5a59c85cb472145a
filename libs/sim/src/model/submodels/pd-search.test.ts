import { describe, it, expect } from 'vitest';
import { Rng } from '../../rng/xoshiro128';
import { argmaxBy, argminBy } from '../helpers';
import { addPerson, addProject, makeState } from '../testing/build-state';
import type { Project, SimState } from '../types';
import { PdSearch, projectDistance } from './pd-search';

/** Total variation distance between two winner-frequency tables of n draws each. */
function tv(a: Map<Project | null, number>, b: Map<Project | null, number>, n: number): number {
  let s = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) s += Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0));
  return s / (2 * n);
}

function count(m: Map<Project | null, number>, k: Project | null): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

/** Projects on an integer lattice (many distance ties), some private, some with points (reputation). */
function world(params: Record<string, number | string | boolean>): SimState {
  const st = makeState({ variant: 'final', params });
  for (let i = 0; i < 40; i++) {
    const q = addProject(st, { x: -4 + (i % 7) * 3, interest: (i * 7) % 50 });
    q.isPrivate = i % 5 === 0;
    q.totalBounty = i % 3 === 0 ? i : 0;
    if (i % 4 === 0) q.contribSnap = [addPerson(st, 1, { points: i === 8 ? 400 : i })];
  }
  return st;
}

describe('F2 indexed PD search', () => {
  const cases: [string, Record<string, number | string | boolean>, boolean][] = [
    ['reputation, off-platform agent', {}, false],
    ['reputation, platform agent (one far-above-mean project)', { reputationEffect: 0.3 }, true],
    ['bounties, platform agent', { 'reward-mechanism-2': 'bounties', bountiesEffect: 0.25 }, true],
    ['offline, platform agent (noise and factor)', { 'community-type': 'offline' }, true],
  ];
  for (const [name, params, platform] of cases) {
    it(`argmin and argmax have the full-scan distribution: ${name}`, () => {
      const st = world(params);
      const me = addPerson(st, 9, { x: 3.3, y: -2.2, usingPlatform: platform });
      const listed = ++st.stampCounter;
      (st.projects[3] as Project).stamp = listed;
      const others = st.projects.filter((q) => q.stamp !== listed);
      const n = 3000;
      const scan = { min: new Map<Project | null, number>(), max: new Map<Project | null, number>() };
      const grid = { min: new Map<Project | null, number>(), max: new Map<Project | null, number>() };
      for (let i = 0; i < n; i++) {
        const search = new PdSearch(st);
        st.rng = new Rng(i);
        count(scan.min, argminBy(st.rng, others, (q) => projectDistance(st, search.ctx, q, me)));
        count(scan.max, argmaxBy(st.rng, st.projects, (q) => projectDistance(st, search.ctx, q, me)));
        st.rng = new Rng(n + i);
        count(grid.min, search.nearestUnlisted(me, listed));
        count(grid.max, search.farthest(me));
      }
      expect(grid.min.has(st.projects[3] as Project)).toBe(false);
      expect(tv(scan.min, grid.min, n)).toBeLessThan(0.06);
      expect(tv(scan.max, grid.max, n)).toBeLessThan(0.06);
    });
  }
});
