/**
 * A person's friendlinks keyed by the other end's id: an open-addressing hash table (linear
 * probing, at most ¾ full) in one Int32Array.
 *
 * S5 looks up every co-worker of every contributor in its friend table each tick: hundreds of
 * lookups per contributor in a dense 10× community. A `Map<Person, …>` lookup walks a chain of
 * heap objects; here a lookup reads the co-worker's id and one or two adjacent entries of a table
 * that stays in cache for the whole loop.
 *
 * Each entry is a pair [key, value]: key = id + 1 (0 marks an empty entry); value ≥ 0 is the
 * link's slot in `FriendPool`, and value < 0 means that this end has seen the link at
 * times-worked-together ≥ 5 and has made ~value increments since (see `friendTimes` in
 * entities.ts). A link at ≥ 5 never changes forgetting bucket again, so those increments need not
 * touch the shared pool, whose slots are scattered across memory. Two words an entry and a load
 * of up to ¾ keep the table small: it is read at random, once per co-worker.
 */
import type { Person } from './types';

const EMPTY = new Int32Array(0);
/** Smallest capacity (entries) once the first link is added. */
const MIN_CAPACITY = 4;

export class FriendIndex {
  /** Entries as [key, value] pairs (see the file header). */
  data: Int32Array = EMPTY;
  /** Number of links. */
  size = 0;
  private mask = 0;
  /** 32 − log2(capacity): Fibonacci hashing keeps the top bits of key · 2^32/φ. */
  private shift = 32;

  /** Index in `data` of the entry of the person with this id, or −1. */
  find(id: number): number {
    if (this.size === 0) return -1;
    const d = this.data;
    const key = id + 1;
    const mask = this.mask;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = d[i * 2] as number;
      if (k === key) return i * 2;
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Whether `p` is a friend. */
  has(p: Person): boolean {
    return this.find(p.id) >= 0;
  }

  /** Adds the link to `p` (not yet present) held in pool slot `slot`. */
  set(p: Person, slot: number): void {
    if (this.size + 1 > (this.mask + 1) * 0.75) this.grow();
    this.insert(p.id + 1, slot);
    this.size++;
  }

  /** Removes the link to `p` if present. */
  delete(p: Person): void {
    const e = this.find(p.id);
    if (e < 0) return;
    const d = this.data;
    const mask = this.mask;
    // Backward-shift deletion: move up every later entry of the run that may sit at the gap.
    let gap = e / 2;
    let j = gap;
    for (;;) {
      j = (j + 1) & mask;
      const k = d[j * 2] as number;
      if (k === 0) break;
      const home = Math.imul(k, 0x9e3779b1) >>> this.shift;
      // The entry at j may move to the gap unless its home lies cyclically in (gap, j].
      const stays = gap <= j ? gap < home && home <= j : gap < home || home <= j;
      if (stays) continue;
      d[gap * 2] = k;
      d[gap * 2 + 1] = d[j * 2 + 1] as number;
      gap = j;
    }
    d[gap * 2] = 0;
    this.size--;
  }

  private insert(key: number, value: number): void {
    const d = this.data;
    const mask = this.mask;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (d[i * 2] !== 0) i = (i + 1) & mask;
    d[i * 2] = key;
    d[i * 2 + 1] = value;
  }

  private grow(): void {
    const old = this.data;
    const capacity = Math.max(MIN_CAPACITY, (this.mask + 1) * 2);
    this.data = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
    for (let e = 0; e < old.length; e += 2) {
      const k = old[e] as number;
      if (k !== 0) this.insert(k, old[e + 1] as number);
    }
  }
}
