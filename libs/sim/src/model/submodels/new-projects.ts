/**
 * S13 new-projects (MODEL.md §7 S13, §9 B8, B23, F3): contributor proposals
 * and hatching of siblings by rising projects, in both variants.
 */
import { linkProjectProduct, setProjectInterest } from '../entities';
import { mean, recentTrend, shuffled } from '../helpers';
import {
  blankProject,
  createTasks,
  drawProjectBasicsD22,
  drawProjectBasicsFinal,
  positionProject,
} from '../project-factory';
import { netlogoError } from '../runtime-errors';
import type { Person, Project, SimState } from '../types';

/** NetLogo floored `mod`. */
export function nlMod(a: number, m: number): number {
  return a - m * Math.floor(a / m);
}

/** Links a new project to a product and appends it to that product's mon-project (a direct element). */
function attachProduct(proj: Project, prod: Project['product']): void {
  proj.product = prod;
  if (!prod || !prod.alive) return;
  linkProjectProduct(proj, prod);
  prod.monProject.push(proj);
  proj.directIn.push(prod);
}

/** With probability 0.8 the nearest product, else nobody (E7 if there is none). */
function proposalProduct(st: SimState, proj: Project): void {
  if (!(st.rng.float() < 0.8)) {
    proj.product = null;
    return;
  }
  const prod = st.productGrid.nearest(proj.x, proj.y, null, st.rng);
  if (!prod) {
    netlogoError(st, 'E7');
    proj.product = null;
    return;
  }
  attachProduct(proj, prod);
}

/** Proposal interest, D2.2: interest + RandInt(3) (§9 B8) or the corrected clamped ±2. */
function proposalInterestD22(st: SimState, p: Person): number {
  if (st.fx.proposalInterest) {
    const v = p.interest + st.rng.int(3) - st.rng.int(3);
    return Math.min(st.p.numInterestCategories - 1, Math.max(0, v));
  }
  return p.interest + st.rng.int(3);
}

/** A contributor proposes a new project. */
export function proposeProject(st: SimState, p: Person): Project {
  const proj = blankProject(st, p.x, p.y);
  if (!st.isFinal) {
    const n = drawProjectBasicsD22(st, proj);
    const interest = proposalInterestD22(st, p);
    const y = interest >= 50 ? -28 + interest : -25 + interest;
    positionProject(st, proj, interest, 5, y);
    createTasks(st, proj, n, interest, proj.x, proj.y, 'unset');
    proposalProduct(st, proj);
    st.counters.countNewProjects++;
    return proj;
  }
  const n = drawProjectBasicsFinal(st, proj);
  if (st.fx.finalTaskInterest) {
    proj.isOnPlatform = p.usingPlatform && st.rng.float() < st.p.proportionOnplatformProjects;
    const interest = nlMod(p.interest + st.rng.int(3) - st.rng.int(3), 50);
    positionProject(st, proj, interest, 5, -25 + interest);
    createTasks(st, proj, n, interest, proj.x, proj.y, 'unset');
  } else {
    // §9 F3: tasks first, with inter3st 0, around the proposer's position.
    createTasks(st, proj, n, 0, p.x, p.y, 'unset');
    proj.isOnPlatform = p.usingPlatform && st.rng.float() < st.p.proportionOnplatformProjects;
    const interest = nlMod(p.interest + st.rng.int(3) - st.rng.int(3), 50);
    positionProject(st, proj, interest, 5, -25 + interest);
  }
  proposalProduct(st, proj);
  if (st.fx.countNewProjects) st.counters.countNewProjects++;
  return proj;
}

/** A rising project hatches a sibling (copies the parent's variables, then redraws some). */
export function hatchSibling(st: SimState, parent: Project): Project {
  const sib = blankProject(st, parent.x, parent.y);
  // Kept from the parent (§8.6 hatch): likes, my-product, production-activity, is-private?, is-on-platform?, total-bounty.
  sib.likes = parent.likes;
  sib.productionActivity = parent.productionActivity;
  sib.isPrivate = parent.isPrivate;
  sib.isOnPlatform = parent.isOnPlatform;
  sib.totalBounty = parent.totalBounty;
  sib.likesHistory = [];
  const inherited = parent.product;
  if (!st.isFinal) {
    const n = drawProjectBasicsD22(st, sib);
    const interest = parent.interest > 3 ? parent.interest + st.rng.int(3) - st.rng.int(3) : parent.interest + st.rng.int(3);
    positionProject(st, sib, interest, parent.x, interest >= 50 ? 25 : -25 + interest);
    createTasks(st, sib, n, interest, sib.x, sib.y, 'unset');
  } else {
    const n = drawProjectBasicsFinal(st, sib);
    if (st.fx.finalTaskInterest) {
      sib.isOnPlatform = st.rng.float() < st.p.proportionOnplatformProjects;
      const interest = nlMod(parent.interest + st.rng.int(3) - st.rng.int(3), 50);
      positionProject(st, sib, interest, parent.x, -25 + interest);
      createTasks(st, sib, n, interest, sib.x, sib.y, 'unset');
    } else {
      // §9 F3: tasks take the parent's interest and sit around the parent's position.
      setProjectInterest(st, sib, parent.interest);
      createTasks(st, sib, n, parent.interest, parent.x, parent.y, 'unset');
      sib.isOnPlatform = st.rng.float() < st.p.proportionOnplatformProjects;
      const interest = nlMod(parent.interest + st.rng.int(3) - st.rng.int(3), 50);
      positionProject(st, sib, interest, parent.x, -25 + interest);
    }
  }
  attachProduct(sib, inherited);
  return sib;
}

/** Runs S13. */
export function newProjects(st: SimState): void {
  const rng = st.rng;
  const c = st.p.chanceProposeProject;
  for (const p of shuffled(rng, st.ones)) if (p.alive && rng.float() < c) proposeProject(st, p);
  for (const p of shuffled(rng, st.nines)) if (p.alive && rng.float() < c) proposeProject(st, p);
  for (const proj of shuffled(rng, st.projects)) {
    if (!proj.alive) continue;
    const h = proj.productionHistory;
    if (h.length < 4 || !(mean(h) > 0)) continue;
    const u = rng.float();
    if (u < st.p.chanceProjectHatches && recentTrend(h) > 0) hatchSibling(st, proj);
  }
}
