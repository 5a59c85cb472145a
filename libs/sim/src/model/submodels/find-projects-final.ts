/**
 * F2 find-projects (final; MODEL.md §7 F2, §9 E5): one pass per role using
 * the noisy, bounty/reputation-shortened project distance PD.
 *
 * The argmin (nearest unseen project) and argmax (farthest project, #9s) of PD
 * use the project grid with distance bounds instead of a scan of all projects
 * (see pd-search.ts). Every examined project gets a fresh, i.i.d. PD draw, so
 * the winners have the distribution of the full scan; fewer numbers are drawn.
 */
import { markListed, shuffled } from '../helpers';
import { netlogoError } from '../runtime-errors';
import type { Project, SimState } from '../types';
import { appendFound, pruneProjectLists } from './find-projects';
import { PdSearch, projectDistance } from './pd-search';

export { projectDistance, type PdContext } from './pd-search';

/** Runs F2. */
export function findProjectsFinal(st: SimState): void {
  const rng = st.rng;
  pruneProjectLists(st);
  const search = new PdSearch(st);
  for (const p of shuffled(rng, st.ones)) {
    if (!p.alive || !(p.time > 0)) continue;
    const stamp = ++st.stampCounter;
    markListed(p.projects, stamp);
    appendFound(st, p, search.nearestUnlisted(p, stamp));
  }
  for (const p of shuffled(rng, st.nines)) {
    if (!p.alive || !(p.time > 0)) continue;
    const stamp = ++st.stampCounter;
    markListed(p.projects, stamp);
    const c = search.nearestUnlisted(p, stamp);
    if (!c) continue;
    // Four separate evaluation rounds, each with fresh noise.
    const num = projectDistance(st, search.ctx, c, p);
    const far = search.farthest(p) as Project;
    const den = projectDistance(st, search.ctx, far, p);
    let prob: number;
    if (num === 0 || den === 0) {
      // §9 E5: division by zero; guard: p = 0 if PD(F) is 0, else 1.
      netlogoError(st, 'E5');
      prob = den === 0 ? 0 : 1;
    } else {
      prob = st.p.prob9JoinProject / (num / den);
    }
    if (rng.float() < prob) appendFound(st, p, c);
  }
}
