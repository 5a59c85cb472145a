/**
 * S11 calc-recent-activity (MODEL.md §7 S11, §9 B15).
 */
import { pushHistory, refill } from '../helpers';
import type { SimState } from '../types';
import { productionActivity } from './activity';

/** Runs S11. */
export function calcRecentActivity(st: SimState): void {
  for (const proj of st.projects) {
    proj.tasksSnap = refill(proj.tasksSnap, proj.tasks);
    const pa = productionActivity(st, proj);
    if (pa !== null) {
      proj.productionActivity = pa;
      pushHistory(proj.productionHistory, pa);
    } else if (st.fx.staleActivity) {
      proj.productionActivity = 0;
    }
  }
}
