/**
 * S5 make-and-lose-friends (MODEL.md §7 S5).
 */
import { befriend, friendLinkCount, friendOf, incFriendTimes, removeFriendLink } from '../entities';
import { nlRound, nOf, shuffled } from '../helpers';
import type { FriendLink, Person, SimState } from '../types';

/** W: other contributors on my lone tasks ∪ my tasks, read through the S3 snapshots. */
export function coWorkers(st: SimState, p: Person): Person[] {
  const stamp = ++st.stampCounter;
  p.stamp = stamp;
  const out: Person[] = [];
  const add = (cs: readonly Person[]): void => {
    for (const c of cs) {
      if (c.stamp !== stamp) {
        c.stamp = stamp;
        out.push(c);
      }
    }
  };
  for (const l of p.loneSnap ?? []) if (l.alive) add(l.contributors);
  for (const t of p.tasksSnap ?? []) if (t.alive) add(t.contributors);
  return out;
}

/** Refreshes the friends snapshot from the live friendlinks. */
export function refreshFriends(p: Person): void {
  p.friendsSnap = p.friends.map((l) => friendOf(l, p));
}

/** The three forgetting draws (world-wide links as coded, §9 B5; own links with fix.forgetOwnFriends). */
function forget(st: SimState, p: Person): void {
  if (friendLinkCount(st) === 0) return;
  const rng = st.rng;
  const f = st.p.chanceForgetFriend;
  const probs = [f, f / 2, f / 4];
  for (let b = 0; b < 3; b++) {
    if (!(rng.float() < (probs[b] as number))) continue;
    let l: FriendLink | undefined;
    if (st.fx.forgetOwnFriends) l = rng.oneOf(p.friends.filter((x) => x.bucket === b));
    else l = rng.oneOf(st.friendBuckets[b] as FriendLink[]);
    if (l) removeFriendLink(st, l);
  }
}

function socialise(st: SimState, p: Person): void {
  const W = coWorkers(st, p);
  // coWorkers stamped every member of W (and me) with the current stamp, so
  // scanning my own links finds the existing friendships in O(deg + |W|).
  const inW = st.stampCounter;
  for (const l of p.friends) {
    if (friendOf(l, p).stamp === inW) incFriendTimes(st, l);
  }
  for (const w of nOf(st.rng, W, nlRound(W.length / 2))) befriend(st, p, w);
  if (p.role === 9) refreshFriends(p);
  forget(st, p);
  if (p.role === 1) refreshFriends(p);
}

/** Runs S5 for #1s then #9s with at least one task link. */
export function makeAndLoseFriends(st: SimState): void {
  for (const p of shuffled(st.rng, st.ones)) if (p.alive && p.tasks.length >= 1) socialise(st, p);
  for (const p of shuffled(st.rng, st.nines)) if (p.alive && p.tasks.length >= 1) socialise(st, p);
}
