/**
 * F2 find-projects (final; MODEL.md §7 F2, §9 E5): one pass per role using
 * the noisy, bounty/reputation-shortened project distance PD.
 */
import { argmaxBy, argminBy, markListed, shuffled } from '../helpers';
import { netlogoError } from '../runtime-errors';
import type { Person, Project, SimState } from '../types';
import { dist } from '../world';
import { appendFound, pruneProjectLists } from './find-projects';
import { contributorPoints } from './set-bounties';

/** Per-pass constants of PD: B̄, R per project and R̄. */
interface PdContext {
  bountyMean: number;
  rep: Map<Project, number>;
  repMean: number;
}

function pdContext(st: SimState): PdContext {
  const n = st.projects.length;
  let b = 0;
  let r = 0;
  const rep = new Map<Project, number>();
  for (const q of st.projects) {
    b += q.totalBounty;
    const v = contributorPoints(q);
    rep.set(q, v);
    r += v;
  }
  return { bountyMean: n > 0 ? b / n : 0, rep, repMean: n > 0 ? r / n : 0 };
}

/** PD(project) as seen by agent p; draws noise when it applies. */
export function projectDistance(st: SimState, ctx: PdContext, q: Project, p: Person): number {
  let d = dist(q.x, q.y, p.x, p.y);
  const online = st.p.communityType === 'online';
  if (!p.usingPlatform || !online || q.isPrivate) d += st.rng.int(st.p.maxNoise) - st.p.maxNoise / 2;
  const mode = st.p.rewardMechanism2;
  if (p.usingPlatform && mode === 'bounties' && !q.isPrivate && q.totalBounty !== 0 && ctx.bountyMean !== 0) {
    d -= (d * st.p.bountiesEffect * q.totalBounty) / ctx.bountyMean;
  }
  if (p.usingPlatform && mode === 'reputation' && !q.isPrivate && ctx.repMean !== 0) {
    d -= (d * st.p.reputationEffect * (ctx.rep.get(q) ?? 0)) / ctx.repMean;
  }
  return d;
}

/** Runs F2. */
export function findProjectsFinal(st: SimState): void {
  const rng = st.rng;
  pruneProjectLists(st);
  const ctx = pdContext(st);
  const others = (p: Person): Project[] => {
    const stamp = ++st.stampCounter;
    markListed(p.projects, stamp);
    return st.projects.filter((q) => q.stamp !== stamp);
  };
  for (const p of shuffled(rng, st.ones)) {
    if (!p.alive || !(p.time > 0)) continue;
    appendFound(st, p, argminBy(rng, others(p), (q) => projectDistance(st, ctx, q, p)));
  }
  for (const p of shuffled(rng, st.nines)) {
    if (!p.alive || !(p.time > 0)) continue;
    const c = argminBy(rng, others(p), (q) => projectDistance(st, ctx, q, p));
    if (!c) continue;
    // Four separate evaluation rounds, each with fresh noise.
    const num = projectDistance(st, ctx, c, p);
    const far = argmaxBy(rng, st.projects, (q) => projectDistance(st, ctx, q, p)) as Project;
    const den = projectDistance(st, ctx, far, p);
    let prob: number;
    if (num === 0 || den === 0) {
      // §9 E5: division by zero; guard: p = 0 if PD(F) is 0, else 1.
      netlogoError(st, 'E5');
      prob = den === 0 ? 0 : 1;
    } else {
      prob = st.p.prob9JoinProject / (num / den);
    }
    if (rng.float() < prob) appendFound(st, p, c);
  }
}
