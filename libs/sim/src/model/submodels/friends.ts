/**
 * S5 make-and-lose-friends (MODEL.md §7 S5).
 */
import {
  addFriendLink,
  byLinkSeq,
  friendCount,
  friendLinkCount,
  friendLinks,
  friendTimesInLastBucket,
  friendTimesMovesBucket,
  incFriendTimes,
  removeFriendLink,
  takeFriendsSnapshot,
} from '../entities';
import { nlRound, nOfInPlace, shuffled } from '../helpers';
import { IdPositions } from '../id-positions';
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

/**
 * Times-worked-together + 1 on my friendships with the co-workers W, which are stamped `isFriend`.
 *
 * NetLogo increments them in the order of my links (creation order), and that order decides how
 * links move between the forgetting buckets (bucket removal swaps the last link into the gap); but
 * only the increments that move a link (times 1 → 2 or 4 → 5) depend on their order. So those few
 * are sorted by creation rank and done last, and every other increment is done where it is found.
 * My friend table gives the link's pool slot, so only a moving link's object is read (see
 * friend-pool.ts), and a link already at ≥ 5 is counted in the table itself (friend-index.ts).
 *
 * The friends in W are found by looking each member of W up in my table, or, when the table is
 * small for |W| (a dense network or a big shared project), by scanning the table in memory order
 * against an id map of W: the table is read at random otherwise, a cache miss per lookup.
 */
function countFriendsAmongCoWorkers(st: SimState, p: Person, W: readonly Person[], isFriend: number): void {
  const moving = scratchLinks;
  const pool = st.friendPool;
  const times = pool.times; // no link is created or deleted here, so it is not reallocated
  const fm = p.friendMap;
  const d = fm.data;
  const count = (w: Person, e: number): void => {
    w.stamp = isFriend;
    const value = d[e + 1] as number;
    if (value < 0) {
      d[e + 1] = value - 1; // one more local increment (~value counts them)
      return;
    }
    const t = times[value] as number;
    if (friendTimesInLastBucket(t)) d[e + 1] = ~1;
    else if (friendTimesMovesBucket(t)) moving.push(pool.at(value));
    else times[value] = t + 1;
  };
  if (d.length > SCAN_TABLE_PER_COWORKER * 2 * W.length) {
    for (let i = 0; i < W.length; i++) {
      const w = W[i] as Person;
      const e = fm.find(w.id);
      if (e >= 0) count(w, e);
    }
  } else {
    const positions = scratchPositions;
    positions.reset(W.length);
    for (let i = 0; i < W.length; i++) positions.add((W[i] as Person).id + 1, i);
    for (let e = 0; e < d.length; e += 2) {
      const key = d[e] as number;
      if (key === 0) continue;
      const i = positions.get(key);
      if (i >= 0) count(W[i] as Person, e);
    }
  }
  sortBySeq(moving);
  for (const l of moving) incFriendTimes(st, l);
  moving.length = 0;
}

/**
 * Table entries per co-worker below which scanning my friend table beats looking W up in it: a
 * scan reads eight entries a cache line in order, a lookup misses the cache about once.
 */
const SCAN_TABLE_PER_COWORKER = 8;
const scratchPositions = new IdPositions();

function socialise(st: SimState, p: Person): void {
  const W = coWorkers(st, p, scratchW);
  // My friends in W are stamped "already a friend", so befriending below needs no per-pair lookup.
  const isFriend = ++st.stampCounter;
  if (friendCount(p) > 0) countFriendsAmongCoWorkers(st, p, W, isFriend);
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
