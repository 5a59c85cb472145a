/**
 * S17 products-die (MODEL.md §7 S17).
 */
import { killLoneTask, killProduct } from '../entities';
import { argminBy, shuffled, sum } from '../helpers';
import type { Product, SimState } from '../types';

/** A product dies together with the lone tasks that point to it. */
export function killProductWithLoneTasks(st: SimState, q: Product): void {
  for (const l of st.lones.filter((x) => x.product === q)) killLoneTask(st, l);
  killProduct(st, q);
}

/** Runs S17. */
export function productsDie(st: SimState): void {
  for (const q of shuffled(st.rng, st.products)) {
    if (!q.alive || q.consumers.length > 0) continue;
    if (st.rng.float() < st.p.chanceProductsDie) {
      killProductWithLoneTasks(st, q);
      st.counters.productNoConsumerLeft++;
    }
  }
  if (st.p.numberOfProducts === 'one' && st.products.length > 1 && st.rng.float() < 0.5) {
    const weakest = argminBy(st.rng, st.products, (q) => sum(q.consumptionHistory));
    if (weakest) {
      killProductWithLoneTasks(st, weakest);
      st.counters.productsOutCompeted++;
    }
  }
}
