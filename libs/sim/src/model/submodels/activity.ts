/**
 * Activity formulas shared by setup, S11 (production) and S14 (consumption).
 */
import type { Product, Project, SimState } from '../types';
import { dist } from '../world';

/**
 * production-activity (S11): L / mean distance from the project to the
 * distinct contributors of its live tasks, where L counts task links (a
 * contributor with two tasks counts twice). null when the project has no
 * tasks or no contributors (the old value then persists, §9 B15).
 */
export function productionActivity(st: SimState, proj: Project): number | null {
  const tasks = proj.tasks;
  if (tasks.length === 0) return null;
  const stamp = ++st.stampCounter;
  let links = 0;
  let k = 0;
  let dsum = 0;
  for (const t of tasks) {
    links += t.contributors.length;
    for (const c of t.contributors) {
      if (c.stamp !== stamp) {
        c.stamp = stamp;
        k++;
        dsum += dist(proj.x, proj.y, c.x, c.y);
      }
    }
  }
  if (k === 0) return null;
  return links / (dsum / k);
}

/**
 * consumption-activity (S14): (n / mean distance to consumers) ×
 * (volume / (mean volume of all products + 1)). Caller ensures n ≥ 1.
 */
export function consumptionActivity(prod: Product, meanVolume: number): number {
  const cs = prod.consumers;
  let dsum = 0;
  for (const c of cs) dsum += dist(prod.x, prod.y, c.x, c.y);
  return (cs.length / (dsum / cs.length)) * (prod.volume / (meanVolume + 1));
}
