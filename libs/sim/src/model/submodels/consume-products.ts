/**
 * S14 consume-products (MODEL.md §7 S14, §9 B15).
 */
import { linkConsumer, unlinkConsumer } from '../entities';
import { pushHistory, shuffled } from '../helpers';
import type { Person, Product, SimState } from '../types';
import { consumptionActivity } from './activity';

/** Mean volume of all products (0 products → 0, so the +1 denominator stays finite). */
export function meanVolume(st: SimState): number {
  if (st.products.length === 0) return 0;
  let s = 0;
  for (const q of st.products) s += q.volume;
  return s / st.products.length;
}

function pickProduct(st: SimState, p: Person): void {
  const rng = st.rng;
  if (st.products.length === 0) return;
  // Q non-empty is tested first; then U() (left operand of `or`) is always drawn.
  if (st.products.length <= p.products.length) return;
  const wants = rng.float() < st.p.chance90PicksAnotherProduct || p.products.length === 0;
  if (!wants) return;
  const mine = p.products;
  const q = st.productGrid.nearest(p.x, p.y, (x) => !mine.includes(x), rng);
  if (q) linkConsumer(st, p, q);
}

/** Runs S14. */
export function consumeProducts(st: SimState): void {
  for (const p of shuffled(st.rng, st.nineties)) {
    if (p.alive && p.products.length < 3) pickProduct(st, p);
  }
  const mv = meanVolume(st);
  for (const q of st.products) {
    if (q.consumers.length >= 1) {
      q.consumptionActivity = consumptionActivity(q, mv);
      pushHistory(q.consumptionHistory, q.consumptionActivity);
    } else if (st.fx.staleActivity) {
      q.consumptionActivity = 0;
    }
  }
  const b = st.p.chanceConsumerLinkBreaks;
  for (const p of st.nineties) {
    for (let i = p.products.length - 1; i >= 0; i--) {
      if (st.rng.float() < b) unlinkConsumer(st, p, p.products[i] as Product);
    }
  }
}
