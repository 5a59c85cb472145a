import { describe, it, expect } from 'vitest';
import { Rng } from '../rng/xoshiro128';
import { killProject } from './entities';
import { argminBy, listAppend, listHas, listRemove, nlRound, nOf, median } from './helpers';
import { addPerson, addProject, makeState } from './testing/build-state';
import { forwardOne } from './world';

describe('§8 NetLogo semantics', () => {
  it('round is ⌊x + 0.5⌋ and median averages the middle pair', () => {
    expect(nlRound(2.5)).toBe(3);
    expect(nlRound(-2.5)).toBe(-2);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it('argmin breaks ties uniformly at random', () => {
    const rng = new Rng(1);
    let a = 0;
    for (let i = 0; i < 4000; i++) if (argminBy(rng, ['a', 'b', 'c'], (x) => (x === 'c' ? 1 : 0)) === 'a') a++;
    expect(a / 4000).toBeCloseTo(0.5, 1);
    expect(argminBy(rng, [], () => 0)).toBeNull();
  });

  it('n-of truncates a fractional size and draws without replacement', () => {
    const rng = new Rng(2);
    const s = nOf(rng, [1, 2, 3, 4, 5], 2.9);
    expect(s).toHaveLength(2);
    expect(new Set(s).size).toBe(2);
  });

  it('a dead agent in a list equals nobody and every other dead agent (§8.4)', () => {
    const st = makeState();
    const p1 = addProject(st);
    const p2 = addProject(st);
    const p3 = addProject(st);
    const me = addPerson(st, 9);
    me.projects = [p1, p2, [p3]];
    expect(listHas(me.projects, p3)).toBe(false); // nested sets never equal an agent
    expect(listHas(me.projects, null)).toBe(false);
    killProject(st, p1);
    expect(listHas(me.projects, null)).toBe(true); // dead p1 == nobody
    killProject(st, p2);
    expect(listHas(me.projects, p1)).toBe(true);
    expect(listRemove(me.projects, null)).toBe(2); // removes every equal element
    expect(me.projects).toHaveLength(1);
  });

  it('appending nobody repeatedly is stored once (unobservable compaction)', () => {
    const st = makeState();
    const me = addPerson(st, 1);
    for (let i = 0; i < 100; i++) listAppend(me, null);
    expect(me.projects).toEqual([null]);
  });

  it('a forward step that would leave the world is not performed (no wrap)', () => {
    const pos = { x: 25, y: 0 };
    forwardOne(pos, 90);
    expect(pos).toEqual({ x: 25, y: 0 });
    forwardOne(pos, 270);
    expect(pos).toEqual({ x: 24, y: 0 });
    const p2 = { x: 0, y: 0 };
    forwardOne(p2, 0); // heading 0 = north = +y
    expect(p2).toEqual({ x: 0, y: 1 });
  });
});
