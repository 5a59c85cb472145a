import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/xoshiro128';
import { addFriendLink, friendCount, friendLinkBetween, friendLinks, friendOf, friendTimes, incFriendTimes, killPerson, removeFriendLink } from './entities';
import { addPerson, makeState } from './testing/build-state';
import type { FriendLink, Person } from './types';

describe('friendlinks with dead slots', () => {
  it('read exactly as an order-preserving list would, through any churn of links and deaths', () => {
    const st = makeState();
    const rng = new Rng(7);
    const people = Array.from({ length: 25 }, () => addPerson(st, 9));
    // Reference: each person's friends (other ends) in creation order, edited with splice.
    const ref = new Map<Person, Person[]>(people.map((p) => [p, []]));
    const refTimes = new Map<string, number>();
    const key = (a: Person, b: Person): string => `${Math.min(a.id, b.id)}-${Math.max(a.id, b.id)}`;
    const unref = (a: Person, b: Person): void => {
      for (const [x, y] of [[a, b], [b, a]] as const) {
        const list = ref.get(x) as Person[];
        list.splice(list.indexOf(y), 1);
      }
      refTimes.delete(key(a, b));
    };
    const live = (): Person[] => people.filter((p) => p.alive);
    for (let step = 0; step < 2000; step++) {
      const r = rng.float();
      const a = rng.oneOf(live()) as Person;
      const b = rng.oneOf(live()) as Person;
      if (r < 0.5) {
        if (a === b || friendLinkBetween(st, a, b)) continue;
        addFriendLink(st, a, b);
        (ref.get(a) as Person[]).push(b);
        (ref.get(b) as Person[]).push(a);
        refTimes.set(key(a, b), 1);
      } else if (r < 0.85) {
        const l = rng.oneOf(friendLinks(a));
        if (!l) continue;
        removeFriendLink(st, l);
        unref(a, friendOf(l, a));
      } else if (r < 0.99) {
        const l = rng.oneOf(friendLinks(a));
        if (!l) continue;
        incFriendTimes(st, l);
        refTimes.set(key(l.a, l.b), (refTimes.get(key(l.a, l.b)) as number) + 1);
      } else if (live().length > 5) {
        for (const f of [...(ref.get(a) as Person[])]) unref(a, f);
        killPerson(st, a, 'burnout');
        // A newcomer keeps the population up.
        const n = addPerson(st, 9);
        people.push(n);
        ref.set(n, []);
      }
      // Every few steps, read everyone (which compacts); otherwise let dead slots pile up.
      if (step % 7 !== 0) continue;
      for (const p of live()) {
        expect(friendCount(p)).toBe((ref.get(p) as Person[]).length);
        expect(friendLinks(p).map((l) => friendOf(l, p).id)).toEqual((ref.get(p) as Person[]).map((q) => q.id));
        for (const l of friendLinks(p)) expect(friendTimes(st, l)).toBe(refTimes.get(key(l.a, l.b)));
      }
    }
    // Dead slots never outnumber live ones, so memory stays within twice the degree.
    for (const p of live()) expect(p.friendsDead * 2).toBeLessThanOrEqual(p.friendSlots.length);
    expect(st.friendBuckets.flat()).toHaveLength(refTimes.size);
  });

  it('keep the last slot live, so a death deletes its links last to first', () => {
    const st = makeState();
    const [me, a, b, c] = [addPerson(st, 9), addPerson(st, 9), addPerson(st, 9), addPerson(st, 9)] as [Person, Person, Person, Person];
    for (const o of [a, b, c]) addFriendLink(st, me, o);
    addFriendLink(st, a, b);
    addFriendLink(st, a, c);
    // a's slots: me, b, c. Deleting a–b leaves a dead slot in the middle; deleting a–c pops it too.
    removeFriendLink(st, friendLinkBetween(st, a, b) as FriendLink);
    expect(a.friendsDead).toBe(1);
    removeFriendLink(st, friendLinkBetween(st, a, c) as FriendLink);
    expect(a.friendSlots.map((l) => friendOf(l, a))).toEqual([me]);
    expect(a.friendsDead).toBe(0);
    killPerson(st, me, 'burnout');
    for (const o of [a, b, c]) expect(friendCount(o)).toBe(0);
    expect(st.friendBuckets.flat()).toHaveLength(0);
  });
});
