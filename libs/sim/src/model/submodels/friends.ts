/**
 * S5 make-and-lose-friends (MODEL.md §7 S5).
 */
import {
  addFriendLink,
  byLinkSeq,
  friendCount,
  friendLinkCount,
  friendLinks,
  friendOf,
  friendTimesMovesBucket,
  incFriendTimes,
  removeFriendLink,
  takeFriendsSnapshot,
} from '../entities';
import { nlRound, nOfInPlace, shuffled } from '../helpers';
import type { FriendLink, Person, SimState } from '../types';

/** Appends the members of `cs` not yet stamped with `stamp`, stamping them. */
function addUnstamped(out: Person[], cs: readonly Person[], stamp: number): void {
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i] as Person;
    if (c.stamp !== stamp) {
      c.stamp = stamp;
      out.push(c);
    }
  }
}

/**
 * W: other contributors on my lone tasks ∪ my tasks, read through the S3 snapshots.
 * Every member of W, and p itself, is left stamped with the current stamp. `out` is cleared and filled.
 */
export function coWorkers(st: SimState, p: Person, out: Person[] = []): Person[] {
  const stamp = ++st.stampCounter;
  p.stamp = stamp;
  out.length = 0;
  const lones = p.loneSnap;
  if (lones !== null) for (const l of lones) if (l.alive) addUnstamped(out, l.contributors, stamp);
  const tasks = p.tasksSnap;
  if (tasks !== null) for (const t of tasks) if (t.alive) addUnstamped(out, t.contributors, stamp);
  return out;
}

/** Scratch for W and for my links into W (used only within one socialise call). */
const scratchW: Person[] = [];
const scratchLinks: FriendLink[] = [];

/** Sorts links by creation rank (insertion sort for the usual handful, else the built-in sort). */
function sortBySeq(ls: FriendLink[]): void {
  if (ls.length > 16) {
    ls.sort(byLinkSeq);
    return;
  }
  for (let i = 1; i < ls.length; i++) {
    const l = ls[i] as FriendLink;
    let j = i - 1;
    while (j >= 0 && (ls[j] as FriendLink).seq > l.seq) {
      ls[j + 1] = ls[j] as FriendLink;
      j--;
    }
    ls[j + 1] = l;
  }
}

/** The three forgetting draws (world-wide links as coded, §9 B5; own links with fix.forgetOwnFriends). */
function forget(st: SimState, p: Person): void {
  if (friendLinkCount(st) === 0) return;
  const rng = st.rng;
  const f = st.p.chanceForgetFriend;
  for (let b = 0; b < 3; b++) {
    // Bucket b is forgotten with probability f / 2^b.
    if (!(rng.float() < (b === 0 ? f : b === 1 ? f / 2 : f / 4))) continue;
    let l: FriendLink | undefined;
    if (st.fx.forgetOwnFriends) l = rng.oneOf(friendLinks(p).filter((x) => x.bucket === b));
    else l = rng.oneOf(st.friendBuckets[b] as FriendLink[]);
    if (l) removeFriendLink(st, l);
  }
}

function socialise(st: SimState, p: Person): void {
  const W = coWorkers(st, p, scratchW);
  // My existing friendships inside W get times-worked-together + 1, in the order of my links
  // (creation order), because that order decides how links move between the forgetting buckets.
  // Those friends are stamped "already a friend", so befriending below needs no per-pair lookup.
  const inW = st.stampCounter;
  const isFriend = ++st.stampCounter;
  if (W.length < friendCount(p)) {
    // Usual case, a dense network: my degree exceeds |W|, so look W up in my friend map. Only the
    // increments that move a link to another bucket depend on their order (bucket removal swaps
    // the last link into the gap); they are few (times 1 → 2 or 4 → 5), so only they are sorted
    // by creation rank, and every other increment is done on the spot.
    // The map gives the link's slot, so only a moving link's object is read (see friend-pool.ts).
    const moving = scratchLinks;
    const pool = st.friendPool;
    const times = pool.times; // no link is created or deleted in this loop, so it is not reallocated
    for (const w of W) {
      const slot = p.friendMap.get(w);
      if (slot !== undefined) {
        w.stamp = isFriend;
        const t = times[slot] as number;
        if (friendTimesMovesBucket(t)) moving.push(pool.at(slot));
        else times[slot] = t + 1;
      }
    }
    sortBySeq(moving);
    for (const l of moving) incFriendTimes(st, l);
    moving.length = 0;
  } else {
    // Large W (a big shared project): one pass over my links, which are in creation order already.
    for (const l of friendLinks(p)) {
      const f = friendOf(l, p);
      if (f.stamp === inW) {
        incFriendTimes(st, l);
        f.stamp = isFriend;
      }
    }
  }
  for (const w of nOfInPlace(st.rng, W, nlRound(W.length / 2))) if (w.stamp !== isFriend) addFriendLink(st, p, w);
  W.length = 0;
  if (p.role === 9) takeFriendsSnapshot(st, p);
  forget(st, p);
  if (p.role === 1) takeFriendsSnapshot(st, p);
}

/** Runs S5 for #1s then #9s with at least one task link. */
export function makeAndLoseFriends(st: SimState): void {
  for (const p of shuffled(st.rng, st.ones)) if (p.alive && p.tasks.length >= 1) socialise(st, p);
  for (const p of shuffled(st.rng, st.nines)) if (p.alive && p.tasks.length >= 1) socialise(st, p);
}
