import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/xoshiro128';
import { FriendIndex } from './friend-index';
import type { Person } from './types';

/** The value of p's entry, or undefined. */
function valueOf(idx: FriendIndex, p: Person): number | undefined {
  const e = idx.find(p.id);
  return e < 0 ? undefined : idx.data[e + 1];
}

describe('FriendIndex', () => {
  it('agrees with a Map through any churn of insertions and deletions', () => {
    const rng = new Rng(11);
    // Ids from a narrow and a wide range, so that probe runs collide and wrap around the table.
    const people = Array.from({ length: 600 }, (_, i) => ({ id: i < 300 ? i : i * 7919 }) as Person);
    const idx = new FriendIndex();
    const ref = new Map<Person, number>();
    for (let step = 0; step < 20000; step++) {
      const p = people[rng.below(step < 10000 ? people.length : 40)] as Person;
      if (rng.float() < 0.55) {
        if (!ref.has(p)) {
          idx.set(p, step);
          ref.set(p, step);
        }
      } else {
        idx.delete(p);
        ref.delete(p);
      }
      if (step % 97 === 0) {
        expect(idx.size).toBe(ref.size);
        for (const q of people) {
          expect(valueOf(idx, q)).toBe(ref.get(q));
          expect(idx.has(q)).toBe(ref.has(q));
        }
      }
    }
  });

  it('keeps values written in place through growth and deletions of other entries', () => {
    const idx = new FriendIndex();
    const people = Array.from({ length: 50 }, (_, i) => ({ id: i }) as Person);
    for (const p of people) idx.set(p, p.id);
    for (const p of people) idx.data[idx.find(p.id) + 1] = ~p.id;
    for (let i = 0; i < 50; i += 3) idx.delete(people[i] as Person);
    for (let i = 50; i < 120; i++) idx.set({ id: i } as Person, i);
    for (const p of people) expect(valueOf(idx, p)).toBe(p.id % 3 === 0 ? undefined : ~p.id);
  });
});
