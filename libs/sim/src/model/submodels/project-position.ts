/**
 * S12 update-project-position (MODEL.md §7 S12): list ordering by activity,
 * likes and crowd-funding (platform on), by contributor counts (online), then
 * clamping, task re-placement and lone-task drift.
 */
import { placeAround } from '../entities';
import { mean, median, pushHistory, recentTrend } from '../helpers';
import { netlogoError } from '../runtime-errors';
import type { Person, SimState } from '../types';

/**
 * Interests that have a project within ±2: near[i − lo] = 1. Built once per S12 from the
 * interest index, so the per-person test is an array read instead of five Map lookups.
 */
function interestsNearProjects(st: SimState): { lo: number; near: Uint8Array } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const k of st.projectsByInterest.keys()) {
    if (!Number.isInteger(k)) return null; // never in the model (interests are integers)
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  if (lo > hi) return { lo: 0, near: new Uint8Array(0) };
  lo -= 2;
  const near = new Uint8Array(hi + 2 - lo + 1);
  for (const k of st.projectsByInterest.keys()) for (let d = -2; d <= 2; d++) near[k + d - lo] = 1;
  return { lo, near };
}

function likes(st: SimState, people: readonly Person[], index: { lo: number; near: Uint8Array } | null): void {
  for (const p of people) {
    // L = projects with |inter3st − interest| ≤ 2.
    let any = false;
    if (index !== null) any = index.near[p.interest - index.lo] === 1;
    else for (let d = -2; d <= 2 && !any; d++) if (st.projectsByInterest.has(p.interest + d)) any = true;
    if (!any || !(st.rng.float() < 0.1)) continue;
    for (let d = -2; d <= 2; d++) {
      const b = st.projectsByInterest.get(p.interest + d);
      if (b) for (const q of b) q.likes++;
    }
  }
}

/** Runs S12. */
export function updateProjectPosition(st: SimState): void {
  const rng = st.rng;
  const online = st.p.communityType === 'online';
  if (st.p.platformFeatures) {
    for (const proj of st.projects) {
      const h = proj.productionHistory;
      if (h.length < 4) continue;
      const m = mean(h);
      if (!(m > 0)) continue;
      const delta = recentTrend(h);
      if (rng.float() < 0.1) proj.x = Math.max(proj.x + delta / (m * 10), -4);
    }
    const index = interestsNearProjects(st);
    likes(st, st.ones, index);
    likes(st, st.nines, index);
    likes(st, st.nineties, index);
    for (const proj of st.projects) {
      pushHistory(proj.likesHistory, proj.likes);
      const h = proj.likesHistory;
      if (h.length >= 4) {
        const m = mean(h);
        if (m > 0) {
          const delta = recentTrend(h);
          if (rng.float() < 0.1) proj.x = Math.max(proj.x + (delta / m) * 2, -4);
        }
      }
      if (proj.numTasks < 3) proj.x += 1; // crowd-funding push
    }
  } else if (online) {
    const counts = st.projects.map((q) => q.contribSnap.reduce((n, c) => n + (c.alive ? 1 : 0), 0));
    const m = mean(counts);
    st.projects.forEach((q, i) => {
      q.x += (counts[i] as number) > m ? 1 : -1;
    });
  }
  for (const proj of st.projects) {
    proj.x = Math.min(17, Math.max(-4, proj.x));
    st.projectGrid.move(proj);
  }
  if (st.p.platformFeatures || online) {
    for (const t of st.tasks) {
      if (!t.project.alive) {
        // §9 E2: an orphan reads its dead project's position; guard = stay put.
        netlogoError(st, 'E2');
        continue;
      }
      placeAround(st, t, t.project.x, t.project.y);
    }
  }
  if (st.lones.length > 0) {
    const med = median(st.lones.map((l) => l.contributors.length));
    for (const l of st.lones) {
      l.x += l.contributors.length > med ? 0.1 : -0.1;
      l.x = Math.min(17, Math.max(-4, l.x));
      st.loneGrid.move(l);
    }
  }
}
