/**
 * S19 exit (MODEL.md §7 S19, §9 B12, B13): #9s without interest matches or
 * after a consumption drop, #90s without a matching product, and burn-out.
 * Means and medians are over the agents still alive at each turn.
 */
import { killPerson } from '../entities';
import { mean as meanOf, median, shuffled } from '../helpers';
import type { Person, SimState } from '../types';
import { THANKS_FROM_1, THANKS_FROM_9, THANKS_NONE } from '../types';

/** Lazily recomputed mean/median of a role's points; invalidated when a member leaves. */
class PointsStats {
  private m: number | null = null;
  private med: number | null = null;
  constructor(private readonly list: () => readonly Person[]) {}
  invalidate(): void {
    this.m = null;
    this.med = null;
  }
  mean(): number {
    if (this.m === null) this.m = meanOf(this.list().map((p) => p.points));
    return this.m;
  }
  median(): number {
    if (this.med === null) this.med = median(this.list().map((p) => p.points));
    return this.med;
  }
}

/** feel-loved by the S19 rule (no draw; "points only" uses the mean, "both" the median). */
export function feelLovedS19(st: SimState, p: Person, stats: PointsStats): number {
  const regime = st.p.rewardMechanism;
  if (regime === 'none') return 0;
  if (regime === "'thanks' only") return p.thanks === THANKS_FROM_9 ? 0.005 : p.thanks === THANKS_FROM_1 ? 0.01 : 0;
  if (regime === "'points' only") return p.points > stats.mean() ? 0.005 : 0;
  let fl = p.thanks === THANKS_NONE ? 0 : p.feelLoved;
  if (p.points > stats.median()) fl = 0.005;
  if (p.thanks === THANKS_FROM_9) fl = 0.005;
  else if (p.thanks === THANKS_FROM_1) fl = 0.01;
  return fl;
}

function interestHasWork(st: SimState, interest: number): boolean {
  return st.tasksByInterest.has(interest) || st.loneCountByInterest.has(interest);
}

/** Runs S19. */
export function exit(st: SimState): void {
  const rng = st.rng;
  const c = st.counters;
  const nineStats = new PointsStats(() => st.nines);
  const oneStats = new PointsStats(() => st.ones);
  const leave9 = (p: Person, reason: 'no-interest' | 'consumption-drop' | 'burnout'): void => {
    killPerson(st, p, reason);
    nineStats.invalidate();
    c.ninesLeft++;
  };
  const leave1 = (p: Person): void => {
    killPerson(st, p, 'burnout');
    oneStats.invalidate();
    c.onesLeft++;
    c.oneLeftBurnout++;
  };

  if (st.fx.oneFeelLoved) {
    // §9 B13 corrected: #1s compute feel-loved with the S19 rule over #1 points.
    for (const p of st.ones) p.feelLoved = feelLovedS19(st, p, oneStats);
  }

  // 1. #9s with no interest match.
  for (const p of shuffled(rng, st.nines)) {
    if (!p.alive) continue;
    p.feelLoved = feelLovedS19(st, p, nineStats);
    if (p.tasks.length === 0 && p.lones.length === 0) p.timeWithNoLinks++;
    if (!interestHasWork(st, p.interest) && rng.float() < st.p.chance9sExit - p.feelLoved) {
      leave9(p, 'no-interest');
      c.nineLeftNoInterest++;
    }
  }
  // 2. #9s after a consumption drop.
  const con = st.con;
  const dropped = meanOf(con, 8, 11) < meanOf(con, 0, 8);
  for (const p of shuffled(rng, st.nines)) {
    if (!p.alive) continue;
    if (dropped && rng.float() < st.p.chance9sExit - p.feelLoved) {
      leave9(p, 'consumption-drop');
      c.nineLeftDropCons++;
    }
  }
  // 3. #90s without a product of exactly their interest.
  for (const p of shuffled(rng, st.nineties)) {
    if (!p.alive) continue;
    if (p.products.length === 0) p.timeWithoutProducts++;
    if (!st.productCountByInterest.has(p.interest) && rng.float() < st.p.chance90sExit) {
      killPerson(st, p, 'no-product');
      c.ninetiesLeft++;
      c.ninetiesLeftNoProduct++;
    }
  }
  // 4. Burn-out passes, in table order.
  const cb = st.p.chance1BurnOut;
  const regime = st.p.rewardMechanism;
  const burn9 = (p: Person): void => {
    leave9(p, 'burnout');
    c.nineLeftBurnout++;
  };
  if (regime === 'none') {
    for (const p of shuffled(rng, st.ones)) if (p.alive && rng.float() < cb / 2) leave1(p);
  }
  if (regime === 'none' || !st.fx.nineBurnoutBracket) {
    // §9 B12: the baseline #9 burn-out applies in every regime as coded.
    for (const p of shuffled(rng, st.nines)) if (p.alive && rng.float() < cb) burn9(p);
  }
  if (regime === "'thanks' only") {
    for (const p of shuffled(rng, st.ones)) {
      if (p.alive && (p.thanks === THANKS_NONE || p.thanks === THANKS_FROM_9) && rng.float() < cb) leave1(p);
    }
    for (const p of shuffled(rng, st.nines)) {
      if (p.alive && p.thanks === THANKS_NONE && rng.float() < 5 * cb) burn9(p);
    }
  } else if (regime === "'points' only") {
    for (const p of shuffled(rng, st.ones)) {
      if (p.alive && p.points < oneStats.median() && rng.float() < cb) leave1(p);
    }
    for (const p of shuffled(rng, st.nines)) {
      if (p.alive && p.points < nineStats.median() && rng.float() < 5 * cb) burn9(p);
    }
  } else if (regime === 'both') {
    for (const p of shuffled(rng, st.ones)) {
      if (p.alive && (p.thanks === THANKS_NONE || p.thanks === THANKS_FROM_9 || p.points < oneStats.mean()) && rng.float() < cb) leave1(p);
    }
    for (const p of shuffled(rng, st.nines)) {
      if (p.alive && (p.thanks === THANKS_NONE || p.points < nineStats.mean()) && rng.float() < 5 * cb) burn9(p);
    }
  }
}
