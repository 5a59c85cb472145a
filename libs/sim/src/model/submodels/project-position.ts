/**
 * S12 update-project-position (MODEL.md §7 S12): list ordering by activity,
 * likes and crowd-funding (platform on), by contributor counts (online), then
 * clamping, task re-placement and lone-task drift.
 */
import { placeAround } from '../entities';
import { mean, median, pushHistory, recentTrend } from '../helpers';
import { netlogoError } from '../runtime-errors';
import type { Person, SimState } from '../types';

function likes(st: SimState, people: readonly Person[]): void {
  for (const p of people) {
    // L = projects with |inter3st − interest| ≤ 2.
    let any = false;
    for (let d = -2; d <= 2 && !any; d++) if (st.projectsByInterest.has(p.interest + d)) any = true;
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
    likes(st, st.ones);
    likes(st, st.nines);
    likes(st, st.nineties);
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
