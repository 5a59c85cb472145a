/**
 * S8 finished-projects and birth-a-product (MODEL.md §7 S8, §9 E1).
 */
import { killProject, killTask, linkProjectProduct, newProduct } from '../entities';
import { shuffled } from '../helpers';
import { netlogoError } from '../runtime-errors';
import type { Project, SimState } from '../types';
import { WORLD_MAX } from '../world';
import { projectIncrement, projectVolumeGain } from './volume';

/** Creates the product of a finished project that had none alive. */
export function birthAProduct(st: SimState, proj: Project): void {
  let y = -25 + proj.interest;
  if (!st.isFinal && st.p.numberOfProducts === 'one' && proj.interest >= 50) y = -28 + proj.interest;
  if (y >= WORLD_MAX) {
    // §9 E1: setting y outside the world; guard = clamp to 25.
    netlogoError(st, 'E1');
    y = 25;
  }
  const prod = newProduct(st, -10, y, proj.interest);
  prod.volume = st.cfg.volumeRule === 'pareto' ? projectIncrement(st) : st.rng.int(100);
  prod.monProject = [proj];
  proj.directIn.push(prod);
  const n = proj.contribSnap.filter((c) => c.alive).length;
  for (let i = 0; i < 10; i++) prod.consumptionHistory.push(st.rng.int(n) * st.rng.int(20));
  linkProjectProduct(proj, prod);
  st.counters.newProductsCount++;
}

/** Runs S8. */
export function finishedProjects(st: SimState): void {
  for (const proj of shuffled(st.rng, st.projects)) {
    if (!proj.alive || proj.numTasks !== 0) continue;
    const prod = proj.product;
    if (prod && prod.alive) prod.volume += projectVolumeGain(st, prod.volume);
    else birthAProduct(st, proj);
    st.counters.projectsFinished++;
    if (st.fx.noOrphans) for (const t of proj.tasks.slice()) killTask(st, t);
    killProject(st, proj);
  }
}
