/**
 * S23 stop checks (MODEL.md §7 S23, §9 B14).
 */
import type { SimState, StopReason } from '../types';

/** Runs S23; sets st.stopped / st.stopReason when the run ends. */
export function stopChecks(st: SimState): void {
  const c = st.counters;
  const no1 = st.ones.length === 0;
  const no9 = st.nines.length === 0;
  const no90 = st.nineties.length === 0;
  const noProd = st.products.length === 0;
  const noTasks = st.tasks.length + st.lones.length === 0;
  if (no1) c.timeNo1s++;
  if (no9) c.timeNo9s++;
  if (no90) c.timeNo90s++;
  if (noProd) c.timeNoProducts++;
  if (noTasks) c.timeNoTasks++;
  st.streakNo1s = no1 ? st.streakNo1s + 1 : 0;
  st.streakNo9s = no9 ? st.streakNo9s + 1 : 0;
  st.streakNo90s = no90 ? st.streakNo90s + 1 : 0;
  st.streakNoProducts = noProd ? st.streakNoProducts + 1 : 0;
  st.streakNoTasks = noTasks ? st.streakNoTasks + 1 : 0;
  const consecutive = st.fx.consecutiveStop;
  const checks: [number, StopReason][] = consecutive
    ? [
        [st.streakNo90s, 'no90s'],
        [st.streakNo1s, 'no1s'],
        [st.streakNo9s, 'no9s'],
        [st.streakNoProducts, 'noProducts'],
        [st.streakNoTasks, 'noTasks'],
      ]
    : [
        [c.timeNo90s, 'no90s'],
        [c.timeNo1s, 'no1s'],
        [c.timeNo9s, 'no9s'],
        [c.timeNoProducts, 'noProducts'],
        [c.timeNoTasks, 'noTasks'],
      ];
  for (const [v, reason] of checks) {
    if (v === 26) {
      st.stopped = true;
      st.stopReason = reason;
      return;
    }
  }
  if (st.ones.length > 200 || st.nines.length > 10000 || st.nineties.length > 10000) {
    st.stopped = true;
    st.stopReason = 'huge';
  }
}
