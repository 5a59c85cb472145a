import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/xoshiro128';
import { addFriendLink, friendLinks, friendOf, friendsSnapshot, killPerson, removeFriendLink, setFriendsSnapshot, takeFriendsSnapshot } from './entities';
import { addPerson, makeState } from './testing/build-state';
import type { Person } from './types';

const ids = (ps: readonly Person[] | null): number[] | null => (ps === null ? null : ps.map((p) => p.id));

describe('lazy my-friends snapshots', () => {
  it('equal an eager copy taken at the same moment, whatever links are added or deleted afterwards', () => {
    const st = makeState();
    const rng = new Rng(42);
    const people = Array.from({ length: 30 }, () => addPerson(st, 9));
    const link = (): void => {
      const a = rng.oneOf(people) as Person;
      const b = rng.oneOf(people) as Person;
      if (a !== b && !a.friendMap.has(b)) addFriendLink(st, a, b);
    };
    const unlink = (): void => {
      const a = rng.oneOf(people) as Person;
      const l = rng.oneOf(friendLinks(a));
      if (l) removeFriendLink(st, l);
    };
    for (let i = 0; i < 200; i++) link();
    for (let round = 0; round < 40; round++) {
      // Snapshot a few people, remember the eager copies, churn the network, compare.
      const taken = people.filter(() => rng.float() < 0.3);
      const eager = new Map(taken.map((p) => [p, friendLinks(p).map((l) => friendOf(l, p).id)]));
      for (const p of taken) takeFriendsSnapshot(st, p);
      for (let i = 0; i < 15; i++) (rng.float() < 0.5 ? link : unlink)();
      for (const p of taken) if (rng.float() < 0.5) expect(ids(friendsSnapshot(p))).toEqual(eager.get(p));
      for (let i = 0; i < 15; i++) (rng.float() < 0.5 ? link : unlink)();
      for (const p of taken) expect(ids(friendsSnapshot(p))).toEqual(eager.get(p));
    }
  });

  it('keep dead friends (readers skip them), are replaced by setFriendsSnapshot and dropped at death', () => {
    const st = makeState();
    const [a, b, c] = [addPerson(st, 1), addPerson(st, 9), addPerson(st, 9)] as [Person, Person, Person];
    addFriendLink(st, a, b);
    addFriendLink(st, a, c);
    takeFriendsSnapshot(st, a);
    killPerson(st, b, 'burnout');
    expect(ids(friendsSnapshot(a))).toEqual([b.id, c.id]);
    expect(a.friendsGone).toHaveLength(0); // materialised once, then held as a plain array

    setFriendsSnapshot(c, null);
    expect(friendsSnapshot(c)).toBeNull();
    takeFriendsSnapshot(st, c);
    killPerson(st, c, 'burnout');
    expect(c.friendsGone).toHaveLength(0);
    expect(c.friendsSnapBefore).toBe(-1);
  });
});
