/**
 * S10 projects-die (MODEL.md §7 S10, §9 B17): projects listed (as a direct
 * element) by no #1 or #9 die with probability chance-unpopular-project-dies,
 * killing the tasks of their snapshot; newer tasks become orphans.
 */
import { killProject, killTask } from '../entities';
import { shuffled } from '../helpers';
import type { SimState } from '../types';

/** Runs S10. */
export function projectsDie(st: SimState): void {
  const stamp = ++st.stampCounter;
  for (const list of [st.ones, st.nines]) {
    for (const p of list) {
      for (const e of p.projects) if (e && !Array.isArray(e) && e.alive) e.stamp = stamp;
    }
  }
  for (const proj of shuffled(st.rng, st.projects)) {
    if (!proj.alive || proj.stamp === stamp) continue;
    if (!(st.rng.float() < st.p.chanceUnpopularProjectDies)) continue;
    st.counters.projectsDied++;
    for (const t of proj.tasksSnap) if (t.alive && t.project === proj) killTask(st, t);
    if (st.fx.noOrphans) for (const t of proj.tasks.slice()) killTask(st, t);
    killProject(st, proj);
  }
}
