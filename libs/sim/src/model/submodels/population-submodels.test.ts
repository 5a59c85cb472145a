import { describe, it, expect } from 'vitest';
import { befriend, friendCount, linkTask, setFriendsSnapshot } from '../entities';
import { addPerson, addProduct, addProject, addTask, frequency, makeState } from '../testing/build-state';
import { changeBreed } from './change-breed';
import { entry } from './entry';
import { exit } from './exit';
import { stopChecks } from './stop-checks';

describe('S18 entry', () => {
  it('#9 entrants are mentored by the nearest #1: they befriend ⌊f/2⌋ of its friends', () => {
    const st = makeState({ params: { 'new-90s-barrier': 2, 'new-9s-barrier': 1 } });
    const mentor = addPerson(st, 1);
    const fs = [1, 2, 3, 4].map(() => addPerson(st, 9, { time: 0 }));
    for (const f of fs) befriend(st, mentor, f);
    setFriendsSnapshot(mentor, fs);
    st.con = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1];
    entry(st);
    const newcomer = st.nines[st.nines.length - 1]!;
    expect(st.counters.new9sTotal).toBe(1);
    expect(friendCount(newcomer)).toBe(2);
    expect(newcomer.projects).toEqual([null]);
    expect(newcomer.history).toEqual([0]);
    expect(st.counters.new90sTotal).toBe(0); // con[0] = 0 guard and barrier 2 → no #90s
  });
});

describe('S19 exit', () => {
  it('B12: the baseline #9 burn-out applies in every regime; fix.nineBurnoutBracket limits it to "none"', () => {
    const run = (seed: number, fix: boolean): boolean => {
      const st = makeState({
        seed,
        fixes: { nineBurnoutBracket: fix },
        params: { 'reward-mechanism': "'thanks' only", 'chance-1-burn-out': 0.1, 'chance-9s-exit': 0, 'chance-90s-exit': 0 },
      });
      const proj = addProject(st);
      const t = addTask(st, proj); // interest match: no no-interest exit
      const me = addPerson(st, 9, { interest: proj.interest });
      me.thanks = 1; // thanked: no regime-specific burn-out
      linkTask(st, me, t);
      exit(st);
      return !me.alive;
    };
    expect(frequency(3000, (s) => run(s, false))).toBeCloseTo(0.1, 1);
    expect(frequency(500, (s) => run(s, true))).toBe(0);
  });

  it('#90s without a product of exactly their interest leave with chance-90s-exit', () => {
    const f = frequency(2000, (seed) => {
      const st = makeState({ seed, params: { 'chance-90s-exit': 0.3 } });
      addProduct(st, { interest: 11 });
      const me = addPerson(st, 90, { interest: 10 });
      exit(st);
      return !me.alive;
    });
    expect(f).toBeCloseTo(0.3, 1);
  });
});

describe('S20 change-breed', () => {
  it('#90 → #9 stores its project inside a nested set (B10); fix.convertProjects stores the agent', () => {
    for (const fix of [false, true]) {
      const st = makeState({ fixes: { convertProjects: fix }, params: { 'chance-90-find-a-task': 1 } });
      const proj = addProject(st, { interest: 12 });
      const t = addTask(st, proj);
      const me = addPerson(st, 90, { interest: 10 });
      changeBreed(st);
      expect(me.role).toBe(9);
      expect(me.tasks).toEqual([t]);
      expect(me.projects).toEqual(fix ? [proj] : [[proj]]);
      expect(me.history).toEqual([0]);
      expect(st.counters.ninetyToNine).toBe(1);
    }
  });

  it('#90s with no task within ±2 interest stay', () => {
    const st = makeState({ params: { 'chance-90-find-a-task': 1 } });
    addTask(st, addProject(st, { interest: 13 }));
    const me = addPerson(st, 90, { interest: 10 });
    changeBreed(st);
    expect(me.role).toBe(90);
  });

  it('#9 → #1 on a rising history; #1 → #9 on a falling one (history reset)', () => {
    const st = makeState({ params: { 'chance-9-become-1': 1, 'chance-1-become-9': 1 } });
    const up = addPerson(st, 9, { history: [0, 0, 0, 5, 5, 5] });
    const down = addPerson(st, 1, { history: [5, 5, 5, 0, 0, 0] });
    changeBreed(st);
    expect(up.role).toBe(1);
    expect(up.x).toBe(18);
    expect(down.role).toBe(9);
    expect(down.history).toEqual([0]);
    expect(down.total).toBe(0);
  });
});

describe('S23 stop checks (B14)', () => {
  it('cumulative counters stop at 26 total ticks; fix.consecutiveStop needs 26 in a row', () => {
    for (const fix of [false, true]) {
      const st = makeState({ fixes: { consecutiveStop: fix } });
      addPerson(st, 9);
      addPerson(st, 90);
      addProduct(st);
      addTask(st, addProject(st));
      let stopAt = -1;
      for (let i = 0; i < 60 && stopAt < 0; i++) {
        if (i === 13) addPerson(st, 1); // a #1 appears for one tick
        if (i === 14) st.ones.length = 0;
        stopChecks(st);
        if (st.stopped) stopAt = i;
      }
      expect(st.stopReason).toBe('no1s');
      expect(stopAt).toBe(fix ? 14 + 25 : 26);
    }
  });

  it('a huge community stops the run', () => {
    const st = makeState();
    for (let i = 0; i < 201; i++) addPerson(st, 1);
    addPerson(st, 9);
    addPerson(st, 90);
    addProduct(st);
    addTask(st, addProject(st));
    stopChecks(st);
    expect(st.stopReason).toBe('huge');
  });
});
