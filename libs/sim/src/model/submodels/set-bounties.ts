/**
 * F1 set-bounties (final, reward-mechanism-2 = "bounties"; MODEL.md §7 F1, §9 E4).
 */
import { shuffled } from '../helpers';
import { netlogoError } from '../runtime-errors';
import type { Project, SimState } from '../types';

/** Σ points of a project's current-contributors snapshot. */
export function contributorPoints(proj: Project): number {
  let s = 0;
  for (const c of proj.contribSnap) if (c.alive) s += c.points;
  return s;
}

/** Runs F1. */
export function setBounties(st: SimState): void {
  if (st.p.rewardMechanism2 !== 'bounties') return;
  const rng = st.rng;
  // Pp and Pa are "recomputed per task"; points only change when a bounty is
  // set, so they are cached and recomputed after each deduction.
  let cache: Map<Project, number> | null = null;
  let pa = 0;
  const refresh = (): void => {
    cache = new Map();
    let s = 0;
    for (const q of st.projects) {
      const v = contributorPoints(q);
      cache.set(q, v);
      s += v;
    }
    pa = s / st.projects.length;
  };
  for (const t of shuffled(rng, st.tasks)) {
    if (!t.alive) continue;
    const proj = t.project;
    if (!proj.alive) {
      // §9 E4: an orphan reads its dead project's contributors; guard = skip.
      netlogoError(st, 'E4');
      continue;
    }
    if (t.contributors.length !== 0 || !(rng.float() < st.p.probSetBounty)) continue;
    if (cache === null) refresh();
    const pp = (cache as unknown as Map<Project, number>).get(proj) ?? 0;
    if (!(pp > pa)) continue;
    t.bounty = 0.1 * pp;
    for (const c of proj.contribSnap) if (c.alive) c.points -= 0.1 * c.points;
    cache = null;
  }
  for (const proj of st.projects) {
    let s = 0;
    for (const t of proj.tasks) s += t.bounty;
    proj.totalBounty = s;
  }
}
