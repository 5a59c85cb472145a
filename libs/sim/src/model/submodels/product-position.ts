/**
 * S15 update-product-position (MODEL.md §7 S15).
 */
import { mean, recentTrend } from '../helpers';
import type { SimState } from '../types';
import { meanVolume } from './consume-products';

/** Runs S15. */
export function updateProductPosition(st: SimState): void {
  const m = meanVolume(st);
  for (const q of st.products) {
    const h = q.consumptionHistory;
    if (h.length >= 4) {
      const hm = mean(h);
      if (hm > 0) {
        const delta = recentTrend(h);
        if (st.rng.float() < 0.1) q.x = Math.max(q.x - (delta / hm) * 10, -14);
      }
    }
    q.x += q.volume > m ? -0.1 : 0.1;
    if (q.volume > 1.5 * m) q.x -= 0.2;
    if (q.volume < 0.5 * m) q.x += 0.2;
    q.x = Math.min(-6, Math.max(-14, q.x));
    st.productGrid.move(q);
  }
}
