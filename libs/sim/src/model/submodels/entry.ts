/**
 * S18 entry (MODEL.md §7 S18): consumption-triggered and chance arrivals of
 * #90s, consumption-triggered #9s mentored by the nearest #1's friends.
 */
import { befriend, friendsSnapshot, newPerson, takeFriendsSnapshot } from '../entities';
import { argminBy, drawSkills, drawUsingPlatform, mean, nlRound, nOf } from '../helpers';
import type { Person, SimState } from '../types';
import { dist } from '../world';

/** A new #90 (no product link yet). */
export function newNinety(st: SimState): Person {
  const interest = st.rng.int(st.p.numInterestCategories);
  const x = -22 + st.rng.int(8);
  const p = newPerson(st, 90, x, -25 + interest, interest);
  p.usingPlatform = drawUsingPlatform(st);
  if (st.isFinal) p.skill = drawSkills(st.rng);
  return p;
}

/** A new #9 entrant, mentored by the nearest #1. */
export function newNineEntrant(st: SimState): Person {
  const rng = st.rng;
  const interest = rng.int(st.p.numInterestCategories);
  const x = 19 + rng.int(6);
  const p = newPerson(st, 9, x, -25 + interest, interest);
  p.myTime = 1 + rng.int(20);
  p.time = p.myTime;
  p.skill = drawSkills(rng);
  p.usingPlatform = drawUsingPlatform(st);
  p.projects = [null];
  p.tasksSnap = [];
  p.history = [0];
  if (st.ones.length > 0) {
    const mentor = argminBy(rng, st.ones, (m) => dist(m.x, m.y, p.x, p.y)) as Person;
    const fs = (friendsSnapshot(mentor) ?? []).filter((f) => f.alive && f !== p);
    for (const f of nOf(rng, fs, Math.floor(fs.length / 2))) befriend(st, p, f);
  }
  if (st.isFinal) takeFriendsSnapshot(st, p);
  return p;
}

/** Runs S18. */
export function entry(st: SimState): void {
  const con = st.con;
  const m3 = mean(con, 8, 11);
  const m11 = mean(con);
  const c = st.counters;
  if (con[0] !== 0 && m3 > m11 * st.p.new90sBarrier) {
    const n = nlRound(st.p.initialNumber90s / 10);
    for (let i = 0; i < n; i++) {
      newNinety(st);
      c.new90sTotal++;
    }
  }
  if (st.rng.float() < 1 - 0.5 * st.p.new90sBarrier) {
    for (let i = 0; i < 10; i++) {
      newNinety(st);
      c.new90sTotal++;
      c.new90sChance++;
    }
  }
  if (m3 > m11 * st.p.new9sBarrier) {
    const n = Math.max(1, nlRound(st.p.initialNumber9s / 10));
    for (let i = 0; i < n; i++) {
      newNineEntrant(st);
      c.new9sTotal++;
      c.new9AttractedBy90s++;
    }
  }
}
