/**
 * S7 give-out-reward (MODEL.md §7 S7): completed projects (num-tasks = 0)
 * thank and/or pay the contributors of their S3 current-contributors snapshot.
 */
import { nOf, shuffled } from '../helpers';
import type { Person, Project, SimState } from '../types';
import { THANKS_FROM_1, THANKS_FROM_9, THANKS_NONE } from '../types';

function liveContributors(proj: Project): Person[] {
  return proj.contribSnap.filter((c) => c.alive);
}

/** NetLogo `min-n-of k … [time]`: the k smallest, ties broken at random. */
export function lowestTime(st: SimState, ps: readonly Person[], k: number): Person[] {
  const s = shuffled(st.rng, ps);
  // Stable sort after a shuffle = uniformly random order among equal keys.
  s.sort((a, b) => a.time - b.time);
  return s.slice(0, Math.max(0, Math.floor(k)));
}

function thanksStep(st: SimState, done: readonly Project[]): void {
  for (const proj of done) {
    const cs = liveContributors(proj);
    const n = cs.length;
    for (const c of nOf(st.rng, cs, Math.floor(n / 2))) c.thanks = THANKS_FROM_9;
    for (const c of lowestTime(st, cs, st.rng.int(n / 3))) c.thanks = THANKS_FROM_1;
  }
  const f = st.p.chanceForgetThanks;
  for (const p of st.ones) if (st.rng.float() < f) p.thanks = THANKS_NONE;
  for (const p of st.nines) if (st.rng.float() < f) p.thanks = THANKS_NONE;
}

function pointsStep(st: SimState, done: readonly Project[]): void {
  for (const proj of done) {
    const rl = proj.rewardLevel;
    for (const c of liveContributors(proj)) {
      c.points += proj.subjective ? st.rng.normal(rl, rl / 2) : rl;
    }
  }
}

/** Runs S7. */
export function giveOutReward(st: SimState): void {
  const regime = st.p.rewardMechanism;
  if (regime === 'none') {
    for (const list of [st.ones, st.nines]) {
      for (const p of list) {
        p.thanks = THANKS_NONE;
        p.points = 0;
      }
    }
    return;
  }
  const done = shuffled(
    st.rng,
    st.projects.filter((p) => p.numTasks === 0),
  );
  if (regime === "'thanks' only" || regime === 'both') thanksStep(st, done);
  if (regime === "'points' only" || regime === 'both') pointsStep(st, done);
}
