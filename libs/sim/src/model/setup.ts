/**
 * `setup` (MODEL.md §3.1 and §5): creates products, projects with tasks,
 * lone tasks, #1s, #9s and #90s, then the initial activity windows.
 */
import { befriend, friendLinks, linkConsumer, linkLone, linkProjectProduct, linkTask, newLoneTask, newPerson, newProduct, setFriendsSnapshot } from './entities';
import { drawSkills, drawUsingPlatform, hasSkill, nlRound, nOf } from './helpers';
import { blankProject, createTasks, drawProjectBasicsD22, drawProjectBasicsFinal, drawWork, positionProject, replaceTasks } from './project-factory';
import { netlogoError } from './runtime-errors';
import { consumptionActivity, productionActivity } from './submodels/activity';
import type { LoneTask, Person, Product, Project, Role, SimState, Task } from './types';
import { dist } from './world';

/** Creates one lone task as in setup / S9 (interest, position, work, typ3, product). */
export function createLoneTask(st: SimState): LoneTask {
  const interest = st.rng.int(st.p.numInterestCategories);
  const l = newLoneTask(st, 0, -25 + interest, interest);
  drawWork(st, l);
  l.typ3 = st.rng.int(9);
  l.product = st.rng.oneOf(st.products) ?? null;
  return l;
}

function setupProducts(st: SimState): void {
  for (let i = 0; i < st.initialProducts; i++) {
    const interest = st.rng.int(st.p.numInterestCategories);
    const prod = newProduct(st, -10, -25 + interest, interest);
    prod.volume = st.rng.int(100);
  }
}

/** Links a setup project to its nearest product and rebuilds that product's mon-project (§9 B7). */
function linkSetupProduct(st: SimState, proj: Project): void {
  const prod = st.productGrid.nearest(proj.x, proj.y, null, st.rng);
  if (!prod) {
    netlogoError(st, 'E7');
    proj.product = null;
    return;
  }
  proj.product = prod;
  linkProjectProduct(proj, prod);
  // One element: the agent set of all projects linked to the product so far.
  prod.monProject = [prod.projectLinks.slice()];
}

function setupProjects(st: SimState): void {
  const n = st.p.initialProjects;
  const N = st.p.numInterestCategories;
  for (let i = 0; i < n; i++) {
    const proj = blankProject(st, 5, 0);
    if (!st.isFinal) {
      const k = drawProjectBasicsD22(st, proj);
      const interest = st.rng.int(N);
      positionProject(st, proj, interest, 5, -25 + interest);
      createTasks(st, proj, k, interest, proj.x, proj.y, st.fx.taskSkills ? 'unset' : 'set');
    } else {
      const k = drawProjectBasicsFinal(st, proj);
      if (st.fx.finalTaskInterest) {
        // F3 corrected: interest and position first, then tasks around it.
        const interest = st.rng.int(N);
        proj.isOnPlatform = st.rng.float() < st.p.proportionOnplatformProjects;
        positionProject(st, proj, interest, 5, -25 + interest);
        createTasks(st, proj, k, interest, proj.x, proj.y, 'unset');
      } else {
        createTasks(st, proj, k, 0, proj.x, proj.y, 'unset');
        const interest = st.rng.int(N);
        proj.isOnPlatform = st.rng.float() < st.p.proportionOnplatformProjects;
        positionProject(st, proj, interest, 5, -25 + interest);
        replaceTasks(st, proj);
      }
    }
    linkSetupProduct(st, proj);
  }
}

function contributorBase(st: SimState, role: Role): Person {
  const N = st.p.numInterestCategories;
  const interest = st.rng.int(N);
  const x = role === 1 ? 18 : 19 + st.rng.int(6);
  const p = newPerson(st, role, x, -25 + interest, interest);
  p.myTime = 1 + st.rng.int(role === 1 ? 40 : 20);
  p.time = p.myTime;
  p.skill = drawSkills(st.rng);
  p.usingPlatform = drawUsingPlatform(st);
  return p;
}

function setupContributor(st: SimState, role: Role): void {
  const p = contributorBase(st, role);
  const proj = st.projectGrid.nearest(p.x, p.y, null, st.rng);
  p.projects = [proj];
  let used = 0;
  if (proj) {
    for (const t of proj.tasks) {
      if (hasSkill(p.skill, t.typ3) && linkTask(st, p, t)) used += t.modularity;
    }
  }
  p.tasksSnap = p.tasks.slice();
  p.time = p.myTime - used;
  if (p.time > 0) {
    const l = st.loneGrid.nearest(p.x, p.y, null, st.rng);
    if (l) linkLone(st, p, l);
    p.loneSnap = p.lones.slice();
  }
  const meanH = role === 1 ? 0.7 : 0.6;
  for (let i = 0; i < 10; i++) p.history.push(nlRound(st.rng.exponential(meanH)));
  p.total = p.tasks.length;
  // Co-workers: other contributors on my tasks (earlier agents' links are visible).
  const stamp = ++st.stampCounter;
  p.stamp = stamp;
  const cw: Person[] = [];
  for (const t of p.tasks) {
    for (const c of t.contributors) {
      if (c.stamp !== stamp) {
        c.stamp = stamp;
        cw.push(c);
      }
    }
  }
  for (const f of nOf(st.rng, cw, nlRound(cw.length / 2))) befriend(st, p, f);
  setFriendsSnapshot(p, friendLinks(p).map((l) => (l.a === p ? l.b : l.a)));
}

function setupNineties(st: SimState): void {
  const N = st.p.numInterestCategories;
  const touched = new Set<Product>();
  for (let i = 0; i < st.p.initialNumber90s; i++) {
    let interest: number;
    const only = st.products[0];
    if (st.p.numberOfProducts === 'one' && only) {
      interest = Math.min(50, Math.max(0, only.interest + st.rng.int(20) - 10));
    } else interest = st.rng.int(N);
    const x = -22 + st.rng.int(8);
    const p = newPerson(st, 90, x, -25 + interest, interest);
    p.usingPlatform = drawUsingPlatform(st);
    if (st.isFinal) p.skill = drawSkills(st.rng);
    const prod = st.productGrid.nearest(p.x, p.y, null, st.rng);
    if (!prod) {
      netlogoError(st, 'E7');
      continue;
    }
    linkConsumer(st, p, prod);
    touched.add(prod);
  }
  // The product recomputes its consumption-activity at every new link; only
  // the last value survives and distances do not change during setup.
  const meanVol = st.products.reduce((s, q) => s + q.volume, 0) / st.products.length;
  for (const prod of touched) prod.consumptionActivity = consumptionActivity(prod, meanVol);
}

/** Runs NetLogo `setup` on an empty state. */
export function setup(st: SimState): void {
  st.curObs = 0;
  // §9 B11: halved when the platform is off (faithful overwrites the slider; same value either way).
  st.chance90FindTask = st.p.platformFeatures ? st.p.chance90FindTask : st.p.chance90FindTask / 2;
  const mode = st.p.numberOfProducts;
  st.initialProducts = mode === 'one' ? 1 : mode === 'a few' ? 2 + st.rng.int(5) : st.rng.int(100);
  setupProducts(st);
  setupProjects(st);
  for (let i = 0; i < st.p.initialProjects; i++) createLoneTask(st);
  for (let i = 0; i < st.p.initialNumber1s; i++) setupContributor(st, 1);
  for (let i = 0; i < st.p.initialNumber9s; i++) {
    setupContributor(st, 9);
  }
  for (const proj of st.projects) proj.contribSnap = contributorsOf(st, proj.tasks);
  setupNineties(st);
  // Initial activity (only the newest window slot is non-zero, §4).
  let prod = 0;
  for (const proj of st.projects) {
    const pa = productionActivity(st, proj);
    if (pa !== null) proj.productionActivity = pa;
    prod += proj.productionActivity;
  }
  prod += st.loneLinkCount;
  let con = 0;
  for (const q of st.products) con += q.consumptionActivity;
  st.prod[10] = prod;
  st.con[10] = con;
  st.ticks = 0;
}

/** Union of the contributors of some tasks (an agent set: no duplicates), written into `out`. */
export function contributorsOf(st: SimState, tasks: readonly Task[], out: Person[] = []): Person[] {
  const stamp = ++st.stampCounter;
  // Overwrite in place and fix the length once: assigning `length` is slow,
  // and this runs for every project twice per tick.
  let n = 0;
  for (const t of tasks) {
    if (!t.alive) continue;
    for (const c of t.contributors) {
      if (c.stamp !== stamp) {
        c.stamp = stamp;
        out[n++] = c;
      }
    }
  }
  if (out.length !== n) out.length = n;
  return out;
}

/** Mean distance from (x, y) to a set of persons. */
export function meanDistance(x: number, y: number, ps: readonly Person[]): number {
  let s = 0;
  for (const p of ps) s += dist(x, y, p.x, p.y);
  return s / ps.length;
}
