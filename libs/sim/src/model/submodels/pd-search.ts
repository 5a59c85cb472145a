/**
 * Indexed argmin / argmax of the final variant's project distance PD (F2).
 *
 * For agent p and project q at distance d, PD = (d + U)·c where
 * - U is fresh noise, uniform on {0..m−1} − m/2 (m = max-noise), when p is off
 *   the platform, the community is offline or q is private; otherwise U = 0;
 * - c = 1 − effect·v_q / v̄ when p is on the platform and q is public (v = total
 *   bounty or contributors' points, by reward-mechanism-2); otherwise c = 1.
 *   c depends on q only, so its range over all projects is known per pass.
 *
 * With U ∈ [uMin, uMax] (uMin ≤ 0 ≤ uMax) and c ∈ [cLo, cHi] (0 < cLo ≤ 1 ≤ cHi):
 * - any q with d ≥ R has PD ≥ lb(R) = (R + uMin)·(cLo if R + uMin ≥ 0 else cHi);
 * - any q with d ≤ D has PD ≤ ub(D) = (D + uMax)·(cHi if D + uMax ≥ 0 else cLo).
 * Both are monotone, which is what SpatialGrid.minBy / maxBy need. Projects with
 * c < C_MIN (a reputation or bounty far above the mean) would make the bounds
 * useless, so they are kept out of the bounds and always examined ("extra").
 * A relative slack covers floating-point rounding of the PD expression.
 */
import type { Person, Project, SimState } from '../types';
import { dist } from '../world';
import { contributorPoints } from './set-bounties';

/** Projects whose factor c is below this are always examined instead of bounded. */
const C_MIN = 0.5;
/** Relative slack on the bounds (rounding in PD is a few ulps). */
const SLACK = 1e-9;
const NONE: readonly Project[] = [];

/** Per-pass constants of PD: B̄, R per project (by index in st.projects) and R̄. */
export interface PdContext {
  bountyMean: number;
  /** contributorPoints of st.projects[i] (reputation mode only). */
  rep: Float64Array;
  repMean: number;
}

/** PD(project) as seen by agent p (d: their distance); draws noise when it applies. */
export function projectDistance(st: SimState, ctx: PdContext, q: Project, p: Person, d: number = dist(q.x, q.y, p.x, p.y)): number {
  const online = st.p.communityType === 'online';
  if (!p.usingPlatform || !online || q.isPrivate) d += st.rng.int(st.p.maxNoise) - st.p.maxNoise / 2;
  const mode = st.p.rewardMechanism2;
  if (p.usingPlatform && mode === 'bounties' && !q.isPrivate && q.totalBounty !== 0 && ctx.bountyMean !== 0) {
    d -= (d * st.p.bountiesEffect * q.totalBounty) / ctx.bountyMean;
  }
  if (p.usingPlatform && mode === 'reputation' && !q.isPrivate && ctx.repMean !== 0) {
    d -= (d * st.p.reputationEffect * (ctx.rep[q.idx] as number)) / ctx.repMean;
  }
  return d;
}

export class PdSearch {
  readonly ctx: PdContext;
  private readonly st: SimState;
  /** Factor range over the bounded projects, for platform agents. */
  private readonly cLo: number;
  private readonly cHi: number;
  /** Projects with c < C_MIN, in st.projects order; flagged by index in `isExtra`. */
  private readonly extra: Project[] = [];
  private readonly isExtra: Uint8Array;
  private readonly mHalf: number;
  private readonly uTop: number;
  private readonly anyPrivate: boolean;
  // Current query (set per call; read by the callbacks below).
  private agent: Person | null = null;
  private listed = 0;
  private uMin = 0;
  private uMax = 0;
  private qcLo = 1;
  private qcHi = 1;

  constructor(st: SimState) {
    this.st = st;
    const projects = st.projects;
    const n = projects.length;
    const mode = st.p.rewardMechanism2;
    const rep = new Float64Array(n);
    let b = 0;
    let r = 0;
    let anyPrivate = false;
    for (let i = 0; i < n; i++) {
      const q = projects[i] as Project;
      b += q.totalBounty;
      if (q.isPrivate) anyPrivate = true;
      if (mode === 'reputation') {
        const v = contributorPoints(q);
        rep[i] = v;
        r += v;
      }
    }
    this.anyPrivate = anyPrivate;
    this.ctx = { bountyMean: n > 0 ? b / n : 0, rep, repMean: n > 0 ? r / n : 0 };
    this.isExtra = new Uint8Array(n);
    let cLo = 1;
    let cHi = 1;
    for (let i = 0; i < n; i++) {
      const c = this.factor(projects[i] as Project);
      if (c < C_MIN) {
        this.extra.push(projects[i] as Project);
        this.isExtra[i] = 1;
      } else {
        if (c < cLo) cLo = c;
        if (c > cHi) cHi = c;
      }
    }
    this.cLo = cLo;
    this.cHi = cHi;
    const m = st.p.maxNoise;
    this.mHalf = m / 2;
    this.uTop = Math.max(Math.ceil(m) - 1, 0) - m / 2;
  }

  /** c of a project as seen by a platform agent (1 when no factor applies). */
  private factor(q: Project): number {
    const ctx = this.ctx;
    const p = this.st.p;
    if (q.isPrivate) return 1;
    if (p.rewardMechanism2 === 'bounties' && q.totalBounty !== 0 && ctx.bountyMean !== 0) return 1 - (p.bountiesEffect * q.totalBounty) / ctx.bountyMean;
    if (p.rewardMechanism2 === 'reputation' && ctx.repMean !== 0) return 1 - (p.reputationEffect * (ctx.rep[q.idx] as number)) / ctx.repMean;
    return 1;
  }

  /** Sets the noise and factor ranges that apply to agent p; returns the projects to examine unbounded. */
  private begin(p: Person, listed: number): readonly Project[] {
    this.agent = p;
    this.listed = listed;
    const noisy = !p.usingPlatform || this.st.p.communityType !== 'online' || this.anyPrivate;
    // uMin ≤ 0 ≤ uMax: projects without noise (U = 0) are covered too.
    this.uMin = noisy ? Math.min(-this.mHalf, 0) : 0;
    this.uMax = noisy ? Math.max(this.uTop, 0) : 0;
    this.qcLo = p.usingPlatform ? this.cLo : 1;
    this.qcHi = p.usingPlatform ? this.cHi : 1;
    return p.usingPlatform ? this.extra : NONE;
  }

  private readonly lowerBound = (r: number): number => {
    const a = r + this.uMin;
    const v = a >= 0 ? a * this.qcLo : a * this.qcHi;
    return v - SLACK * (1 + Math.abs(v));
  };

  private readonly upperBound = (d: number): number => {
    const a = d + this.uMax;
    const v = a >= 0 ? a * this.qcHi : a * this.qcLo;
    return v + SLACK * (1 + Math.abs(v));
  };

  /** PD of an examined project; NaN for a listed project (argmin over unseen ones) or an extra met in the grid. */
  private readonly pdUnlisted = (q: Project, d: number, fromExtra: boolean): number => {
    if (q.stamp === this.listed) return NaN;
    if (!fromExtra && (this.agent as Person).usingPlatform && this.isExtra[q.idx] === 1) return NaN;
    return projectDistance(this.st, this.ctx, q, this.agent as Person, d);
  };

  private readonly pdAll = (q: Project, d: number, fromExtra: boolean): number => {
    if (!fromExtra && (this.agent as Person).usingPlatform && this.isExtra[q.idx] === 1) return NaN;
    return projectDistance(this.st, this.ctx, q, this.agent as Person, d);
  };

  /** min-one-of (projects not stamped `listed`) [PD]: the nearest unseen project, or null. */
  nearestUnlisted(p: Person, listed: number): Project | null {
    const extra = this.begin(p, listed);
    return this.st.projectGrid.minBy(p.x, p.y, extra, this.pdUnlisted, this.lowerBound, this.st.rng);
  }

  /** max-one-of projects [PD]: the farthest project, or null when there is none. */
  farthest(p: Person): Project | null {
    const extra = this.begin(p, -1);
    return this.st.projectGrid.maxBy(p.x, p.y, extra, this.pdAll, this.upperBound, this.st.rng);
  }
}
