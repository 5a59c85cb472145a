/**
 * Slots of the live friendlinks, with their times-worked-together in one typed array.
 *
 * S5 raises times-worked-together on every friendship among a contributor's co-workers, every
 * tick: hundreds of links per contributor in a dense 10× community, spread over a heap far larger
 * than the cache. Reading the counter from the link object cost a cache miss per link; a person's
 * friend table gives the slot instead, and the counters of all links sit together here, so the link
 * object is touched only when the increment moves it to another forgetting bucket. Increments of a
 * link already at ≥ 5 go to the incrementing end's table entry instead (friend-index.ts): the
 * count here is then a part of times-worked-together, which `friendTimes` (entities.ts) sums.
 */
import type { FriendLink } from './types';

export class FriendPool {
  /** times-worked-together by slot (free slots hold stale values). */
  times = new Int32Array(1024);
  private readonly links: (FriendLink | null)[] = [];
  private readonly free: number[] = [];

  /** Gives `l` a slot holding `times`; returns the slot. */
  add(l: FriendLink, times: number): number {
    let slot: number;
    if (this.free.length > 0) {
      slot = this.free.pop() as number;
      this.links[slot] = l;
    } else {
      slot = this.links.length;
      this.links.push(l);
      if (slot === this.times.length) {
        const grown = new Int32Array(slot * 2);
        grown.set(this.times);
        this.times = grown;
      }
    }
    this.times[slot] = times;
    return slot;
  }

  /** Frees the slot of a deleted link. */
  remove(slot: number): void {
    this.links[slot] = null;
    this.free.push(slot);
  }

  /** The live link in `slot`. */
  at(slot: number): FriendLink {
    return this.links[slot] as FriendLink;
  }
}
