/**
 * S21 all-age and S22 update-community-activity (MODEL.md §7 S21, S22).
 */
import type { SimState } from '../types';

/**
 * S21: every age (time-in-community, entity ages, link ages) is stored as
 * clock − born, so ageing everything by one tick is a single increment.
 */
export function allAge(st: SimState): void {
  st.clock++;
}

/** S22: shifts the production and consumption windows. */
export function updateCommunityActivity(st: SimState): void {
  let prod = 0;
  for (const p of st.projects) prod += p.productionActivity;
  prod += st.loneLinkCount;
  let con = 0;
  for (const q of st.products) con += q.consumptionActivity;
  st.prod.shift();
  st.prod.push(prod);
  st.con.shift();
  st.con.push(con);
}
