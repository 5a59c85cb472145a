/**
 * S1 find-projects (D2.2): six passes by role, platform use and community
 * type; each applies to agents with stored time > 0 (MODEL.md §7 S1).
 */
import { compactList, isNobodyEntry, listAppend, markListed, shuffled } from '../helpers';
import type { Person, Project, SimState } from '../types';
import { dist } from '../world';
import { farthestDistance, hullOf } from './farthest';

/** Reused output buffer of the per-tick convex hull. */
const hullBuf: number[] = [];

/** Number of live projects NOT in the person's list, with the listed ones stamped. */
function prepareOthers(st: SimState, p: Person): { stamp: number; others: number } {
  const stamp = ++st.stampCounter;
  const listed = markListed(p.projects, stamp);
  return { stamp, others: st.projects.length - listed };
}

/** argmin over O (projects not in my list) of distance + noise. */
function nearestOther(st: SimState, p: Person, stamp: number, noise: (() => number) | null, noiseMin: number): Project | null {
  return st.projectGrid.nearest(p.x, p.y, (q) => q.stamp !== stamp, st.rng, noise === null ? null : () => noise(), noiseMin);
}

/** Appends a found project; with fix.cleanProjectLists a `nobody` result is skipped (§9 B16). */
export function appendFound(st: SimState, p: Person, c: Project | null): void {
  if (c === null && st.fx.cleanProjectLists) return;
  listAppend(p, c);
}

/** fix.cleanProjectLists: drop dead projects and `nobody` from every contributor's list. */
export function pruneProjectLists(st: SimState): void {
  if (!st.fx.cleanProjectLists) return;
  for (const list of [st.ones, st.nines]) {
    for (const p of list) {
      if (p.projects.some(isNobodyEntry)) {
        compactList(p.projects);
        p.projects = p.projects.filter((e) => e !== null);
      }
    }
  }
}

/** Runs S1 for all six passes. */
export function findProjects(st: SimState): void {
  const rng = st.rng;
  pruneProjectLists(st);
  const p9join = st.p.prob9JoinProject;
  const online = st.p.communityType === 'online';
  // Projects do not move during S1: the hull is built once, on first use.
  let hull: number[] | null = null;
  const join9 = (p: Person, c: Project): void => {
    hull ??= hullOf(st.projects, hullBuf);
    // p = p9join × D_max / d(c, me), pure distances.
    const pr = (p9join * farthestDistance(hull, p.x, p.y)) / dist(c.x, c.y, p.x, p.y);
    if (rng.float() < pr) listAppend(p, c);
  };

  // Pass 1: platform #1s.
  for (const p of shuffled(rng, st.ones)) {
    if (!p.alive || !p.usingPlatform || !(p.time > 0)) continue;
    const { stamp } = prepareOthers(st, p);
    appendFound(st, p, nearestOther(st, p, stamp, null, 0));
  }
  // Pass 2: platform #9s.
  for (const p of shuffled(rng, st.nines)) {
    if (!p.alive || !p.usingPlatform || !(p.time > 0)) continue;
    const { stamp } = prepareOthers(st, p);
    const c = nearestOther(st, p, stamp, null, 0);
    if (c) join9(p, c);
  }
  if (online) {
    // Pass 3: non-platform #1s, noise in {−1, 0}.
    for (const p of shuffled(rng, st.ones)) {
      if (!p.alive || p.usingPlatform || !(p.time > 0)) continue;
      const { stamp } = prepareOthers(st, p);
      appendFound(st, p, nearestOther(st, p, stamp, () => rng.int(2) - 1, -1));
    }
    // Pass 4: non-platform #9s, noise in {−5..4}; join probability from pure distances.
    for (const p of shuffled(rng, st.nines)) {
      if (!p.alive || p.usingPlatform || !(p.time > 0)) continue;
      const { stamp } = prepareOthers(st, p);
      const c = nearestOther(st, p, stamp, () => rng.int(10) - 5, -5);
      if (c) join9(p, c);
    }
  } else {
    // Pass 5: offline non-platform #1s search with probability 0.2, noise {−2.5..1.5}.
    for (const p of shuffled(rng, st.ones)) {
      if (!p.alive || p.usingPlatform || !(p.time > 0)) continue;
      const { stamp, others } = prepareOthers(st, p);
      if (others > 0 && rng.float() < 0.2) appendFound(st, p, nearestOther(st, p, stamp, () => rng.int(5) - 2.5, -2.5));
    }
    // Pass 6: offline non-platform #9s add a uniformly random unseen project.
    for (const p of shuffled(rng, st.nines)) {
      if (!p.alive || p.usingPlatform || !(p.time > 0)) continue;
      const { stamp, others } = prepareOthers(st, p);
      if (others > 0 && rng.float() < p9join) {
        let k = rng.below(others);
        for (const q of st.projects) {
          if (q.stamp === stamp) continue;
          if (k-- === 0) {
            listAppend(p, q);
            break;
          }
        }
      }
    }
  }
}
