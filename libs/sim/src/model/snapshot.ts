/**
 * Serialisation of the model state to plain JSON data and back.
 *
 * References become ids; a dead entity is written as −1 / omitted, which is
 * exact because a dead agent behaves as `nobody` everywhere (§8.4) and every
 * stored agent set skips dead members when read. Ordered collections (role
 * lists, link lists, contributor lists, snapshots) are written in order;
 * derived indexes (grids, interest buckets) are rebuilt, and they keep their
 * members sorted by id, so a restored state draws exactly the same random
 * numbers for the same decisions as the original.
 */
import type { ResolvedConfig } from '../params/sim-config';
import { Rng } from '../rng/xoshiro128';
import { createEmptyState } from './state';
import { friendLinks, friendOf, friendsSnapshot, friendTimes, setFriendsSnapshot } from './entities';
import { FriendIndex } from './friend-index';
import type { Counters, DepartedArchive, FriendLink, LoneTask, Person, ProjEntry, Product, Project, Role, SimState, StopReason, Task, Thanks } from './types';

/** A project-list element: project id (−1 = nobody) or a nested set of ids. */
type EntryJson = number | number[];

interface PersonJson {
  id: number;
  role: Role;
  x: number;
  y: number;
  interest: number;
  myTime: number;
  time: number;
  skill: number;
  usingPlatform: boolean;
  points: number;
  thanks: Thanks;
  projects: EntryJson[];
  tasksSnap: number[] | null;
  loneSnap: number[] | null;
  friendsSnap: number[] | null;
  history: number[];
  total: number;
  feelLoved: number;
  born: number;
  timeWithNoLinks: number;
  usedFeatured: boolean;
  timeWithoutProducts: number;
  tasks: number[];
  taskBorn: number[];
  lones: number[];
  friends: number[];
  products: number[];
  productBorn: number[];
  contribSince: number;
  createdObs: number;
  everOne: boolean;
  lifetime: number;
  lifetimeHours: number;
}

interface TaskJson {
  id: number;
  project: number;
  typ3: number;
  interest: number;
  timeRequired: number;
  modularity: number;
  born: number;
  featured: boolean;
  bounty: number;
  x: number;
  y: number;
  contributors: number[];
}

interface LoneJson {
  id: number;
  typ3: number;
  interest: number;
  timeRequired: number;
  modularity: number;
  born: number;
  x: number;
  y: number;
  contributors: number[];
  product: number;
}

interface ProjectJson {
  id: number;
  numTasks: number;
  interest: number;
  tasks: number[];
  tasksSnap: number[];
  contribSnap: number[];
  productionActivity: number;
  productionHistory: number[];
  likes: number;
  likesHistory: number[];
  subjective: boolean;
  rewardLevel: number;
  product: number;
  born: number;
  isPrivate: boolean;
  isOnPlatform: boolean;
  totalBounty: number;
  x: number;
  y: number;
  directIn: number[];
}

interface ProductJson {
  id: number;
  interest: number;
  volume: number;
  consumptionActivity: number;
  consumptionHistory: number[];
  monProject: EntryJson[];
  born: number;
  x: number;
  y: number;
  consumers: number[];
  projectLinks: number[];
}

/** Plain-JSON form of a SimState (without the configuration). */
export interface StateJson {
  rng: number[];
  ticks: number;
  clock: number;
  obs: number;
  curObs: number;
  nextId: number;
  stampCounter: number;
  ones: PersonJson[];
  nines: PersonJson[];
  nineties: PersonJson[];
  projects: ProjectJson[];
  tasks: TaskJson[];
  orphans: number[];
  lones: LoneJson[];
  products: ProductJson[];
  friendBuckets: [number, number, number, number][][];
  taskLinkCount: number;
  loneLinkCount: number;
  consumerLinkCount: number;
  counters: Counters;
  prod: number[];
  con: number[];
  chance90FindTask: number;
  initialProducts: number;
  streaks: number[];
  stopped: boolean;
  stopReason: StopReason | null;
  runtimeErrors: Record<string, number>;
  linkTicksOne: number;
  linkTicksAll: number;
  departed: DepartedArchive;
  plotErrorTick: number | null;
  collapseTick: number | null;
}

const liveIds = (xs: readonly { id: number; alive: boolean }[]): number[] => xs.filter((x) => x.alive).map((x) => x.id);

function friendsSnapIds(p: Person): number[] | null {
  const snap = friendsSnapshot(p);
  return snap ? liveIds(snap) : null;
}
const refId = (x: { id: number; alive: boolean } | null): number => (x && x.alive ? x.id : -1);

function entryToJson(e: ProjEntry): EntryJson {
  if (Array.isArray(e)) return liveIds(e);
  return refId(e);
}

function personToJson(p: Person): PersonJson {
  return {
    id: p.id,
    role: p.role,
    x: p.x,
    y: p.y,
    interest: p.interest,
    myTime: p.myTime,
    time: p.time,
    skill: p.skill,
    usingPlatform: p.usingPlatform,
    points: p.points,
    thanks: p.thanks,
    projects: p.projects.map(entryToJson),
    tasksSnap: p.tasksSnap ? liveIds(p.tasksSnap) : null,
    loneSnap: p.loneSnap ? liveIds(p.loneSnap) : null,
    friendsSnap: friendsSnapIds(p),
    history: p.history.slice(),
    total: p.total,
    feelLoved: p.feelLoved,
    born: p.born,
    timeWithNoLinks: p.timeWithNoLinks,
    usedFeatured: p.usedFeatured,
    timeWithoutProducts: p.timeWithoutProducts,
    tasks: p.tasks.map((t) => t.id),
    taskBorn: p.taskBorn.slice(),
    lones: p.lones.map((l) => l.id),
    friends: friendLinks(p).map((l) => (l.a === p ? l.b.id : l.a.id)),
    products: p.products.map((q) => q.id),
    productBorn: p.productBorn.slice(),
    contribSince: p.contribSince,
    createdObs: p.createdObs,
    everOne: p.everOne,
    lifetime: p.lifetime,
    lifetimeHours: p.lifetimeHours,
  };
}

/** Serialises a state to plain JSON-compatible data. */
export function serializeState(st: SimState): StateJson {
  return {
    rng: st.rng.getState(),
    ticks: st.ticks,
    clock: st.clock,
    obs: st.obs,
    curObs: st.curObs,
    nextId: st.nextId,
    stampCounter: st.stampCounter,
    ones: st.ones.map(personToJson),
    nines: st.nines.map(personToJson),
    nineties: st.nineties.map(personToJson),
    projects: st.projects.map((q) => ({
      id: q.id,
      numTasks: q.numTasks,
      interest: q.interest,
      tasks: q.tasks.map((t) => t.id),
      tasksSnap: liveIds(q.tasksSnap),
      contribSnap: liveIds(q.contribSnap),
      productionActivity: q.productionActivity,
      productionHistory: q.productionHistory.slice(),
      likes: q.likes,
      likesHistory: q.likesHistory.slice(),
      subjective: q.subjective,
      rewardLevel: q.rewardLevel,
      product: refId(q.product),
      born: q.born,
      isPrivate: q.isPrivate,
      isOnPlatform: q.isOnPlatform,
      totalBounty: q.totalBounty,
      x: q.x,
      y: q.y,
      directIn: liveIds(q.directIn),
    })),
    tasks: st.tasks.map((t) => ({
      id: t.id,
      project: refId(t.project),
      typ3: t.typ3,
      interest: t.interest,
      timeRequired: t.timeRequired,
      modularity: t.modularity,
      born: t.born,
      featured: t.featured,
      bounty: t.bounty,
      x: t.x,
      y: t.y,
      contributors: t.contributors.map((c) => c.id),
    })),
    orphans: st.orphans.map((t) => t.id),
    lones: st.lones.map((l) => ({
      id: l.id,
      typ3: l.typ3,
      interest: l.interest,
      timeRequired: l.timeRequired,
      modularity: l.modularity,
      born: l.born,
      x: l.x,
      y: l.y,
      contributors: l.contributors.map((c) => c.id),
      product: refId(l.product),
    })),
    products: st.products.map((q) => ({
      id: q.id,
      interest: q.interest,
      volume: q.volume,
      consumptionActivity: q.consumptionActivity,
      consumptionHistory: q.consumptionHistory.slice(),
      monProject: q.monProject.map(entryToJson),
      born: q.born,
      x: q.x,
      y: q.y,
      consumers: q.consumers.map((c) => c.id),
      projectLinks: liveIds(q.projectLinks),
    })),
    friendBuckets: st.friendBuckets.map((b) => b.map((l) => [l.a.id, l.b.id, friendTimes(st, l), l.born] as [number, number, number, number])),
    taskLinkCount: st.taskLinkCount,
    loneLinkCount: st.loneLinkCount,
    consumerLinkCount: st.consumerLinkCount,
    counters: { ...st.counters },
    prod: st.prod.slice(),
    con: st.con.slice(),
    chance90FindTask: st.chance90FindTask,
    initialProducts: st.initialProducts,
    streaks: [st.streakNo1s, st.streakNo9s, st.streakNo90s, st.streakNoProducts, st.streakNoTasks],
    stopped: st.stopped,
    stopReason: st.stopReason,
    runtimeErrors: { ...st.runtimeErrors },
    linkTicksOne: st.linkTicksOne,
    linkTicksAll: st.linkTicksAll,
    departed: {
      cLifetime: st.departed.cLifetime.slice(),
      cT0: st.departed.cT0.slice(),
      cT1: st.departed.cT1.slice(),
      cEverOne: st.departed.cEverOne.slice(),
      cReason: st.departed.cReason.slice(),
      nT0: st.departed.nT0.slice(),
      nT1: st.departed.nT1.slice(),
      nExit: st.departed.nExit.slice(),
    },
    plotErrorTick: st.plotErrorTick,
    collapseTick: st.collapseTick,
  };
}

function get<T>(m: Map<number, T>, id: number, what: string): T {
  const v = m.get(id);
  if (v === undefined) throw new Error(`snapshot: unknown ${what} id ${id}`);
  return v;
}

/**
 * Gives every friendlink a `seq` consistent with the order of every person's `friends` list (a
 * topological order of the "comes before in some list" relation; the creation order is one, so
 * one exists). Only relative order within one list is ever read. Returns the next free seq.
 */
function rankFriendLinks(persons: Iterable<Person>, linkCount: number): number {
  const after = new Map<FriendLink, FriendLink[]>();
  const before = new Map<FriendLink, number>();
  for (const p of persons) {
    const fs = p.friendSlots; // freshly restored: no dead slots
    for (let i = 0; i < fs.length; i++) {
      const l = fs[i] as FriendLink;
      if (!before.has(l)) before.set(l, 0);
      if (i === 0) continue;
      const prev = fs[i - 1] as FriendLink;
      const succ = after.get(prev);
      if (succ) succ.push(l);
      else after.set(prev, [l]);
      before.set(l, (before.get(l) ?? 0) + 1);
    }
  }
  const ready: FriendLink[] = [];
  for (const [l, n] of before) if (n === 0) ready.push(l);
  let seq = 0;
  while (ready.length > 0) {
    const l = ready.pop() as FriendLink;
    l.seq = seq++;
    for (const m of after.get(l) ?? []) {
      const n = (before.get(m) as number) - 1;
      before.set(m, n);
      if (n === 0) ready.push(m);
    }
  }
  if (seq !== linkCount) throw new Error('snapshot: friendlink orders are inconsistent');
  return seq;
}

/** Rebuilds a state from its JSON form under the given configuration. */
export function deserializeState(cfg: ResolvedConfig, j: StateJson): SimState {
  const st = createEmptyState(cfg, Rng.fromState(j.rng));
  const persons = new Map<number, Person>();
  const projects = new Map<number, Project>();
  const tasks = new Map<number, Task>();
  const lones = new Map<number, LoneTask>();
  const products = new Map<number, Product>();
  // Orphans point at a dead project; any dead project is equivalent (it is `nobody`).
  const deadProject: Project = {
    id: -1,
    alive: false,
    numTasks: 0,
    interest: 0,
    tasks: [],
    tasksSnap: [],
    contribSnap: [],
    productionActivity: 0,
    productionHistory: [],
    likes: 0,
    likesHistory: [],
    subjective: false,
    rewardLevel: 0,
    product: null,
    born: 0,
    isPrivate: false,
    isOnPlatform: false,
    totalBounty: 0,
    x: 0,
    y: 0,
    directIn: [],
    idx: -1,
    cell: 0,
    stamp: 0,
  };

  const mkPerson = (pj: PersonJson, idx: number): Person => {
    const p: Person = {
      id: pj.id,
      alive: true,
      role: pj.role,
      x: pj.x,
      y: pj.y,
      interest: pj.interest,
      myTime: pj.myTime,
      time: pj.time,
      skill: pj.skill,
      usingPlatform: pj.usingPlatform,
      points: pj.points,
      thanks: pj.thanks,
      projects: [],
      tasksSnap: null,
      loneSnap: null,
      friendsSnap: null,
      friendsSnapBefore: -1,
      friendsGone: [],
      history: pj.history.slice(),
      total: pj.total,
      feelLoved: pj.feelLoved,
      born: pj.born,
      timeWithNoLinks: pj.timeWithNoLinks,
      usedFeatured: pj.usedFeatured,
      timeWithoutProducts: pj.timeWithoutProducts,
      tasks: [],
      taskBorn: pj.taskBorn.slice(),
      lones: [],
      friendSlots: [],
      friendsDead: 0,
      friendMap: new FriendIndex(),
      products: [],
      productBorn: pj.productBorn.slice(),
      contribSince: pj.contribSince,
      createdObs: pj.createdObs,
      everOne: pj.everOne,
      lifetime: pj.lifetime,
      lifetimeHours: pj.lifetimeHours,
      idx,
      stamp: 0,
    };
    persons.set(p.id, p);
    return p;
  };
  st.ones = j.ones.map(mkPerson);
  st.nines = j.nines.map(mkPerson);
  st.nineties = j.nineties.map(mkPerson);

  st.projects = j.projects.map((q, idx) => {
    const proj: Project = {
      ...deadProject,
      id: q.id,
      alive: true,
      numTasks: q.numTasks,
      interest: q.interest,
      tasks: [],
      tasksSnap: [],
      contribSnap: [],
      productionActivity: q.productionActivity,
      productionHistory: q.productionHistory.slice(),
      likes: q.likes,
      likesHistory: q.likesHistory.slice(),
      subjective: q.subjective,
      rewardLevel: q.rewardLevel,
      born: q.born,
      isPrivate: q.isPrivate,
      isOnPlatform: q.isOnPlatform,
      totalBounty: q.totalBounty,
      x: q.x,
      y: q.y,
      directIn: [],
      idx,
    };
    projects.set(proj.id, proj);
    return proj;
  });
  st.products = j.products.map((q, idx) => {
    const prod: Product = {
      id: q.id,
      alive: true,
      interest: q.interest,
      volume: q.volume,
      consumptionActivity: q.consumptionActivity,
      consumptionHistory: q.consumptionHistory.slice(),
      monProject: [],
      born: q.born,
      x: q.x,
      y: q.y,
      consumers: [],
      projectLinks: [],
      idx,
      cell: 0,
      stamp: 0,
    };
    products.set(prod.id, prod);
    return prod;
  });
  st.tasks = j.tasks.map((t, idx) => {
    const task: Task = {
      id: t.id,
      alive: true,
      project: t.project >= 0 ? get(projects, t.project, 'project') : deadProject,
      typ3: t.typ3,
      interest: t.interest,
      timeRequired: t.timeRequired,
      modularity: t.modularity,
      born: t.born,
      featured: t.featured,
      bounty: t.bounty,
      x: t.x,
      y: t.y,
      contributors: [],
      idx,
      stamp: 0,
    };
    tasks.set(task.id, task);
    return task;
  });
  st.lones = j.lones.map((l, idx) => {
    const lone: LoneTask = {
      id: l.id,
      alive: true,
      typ3: l.typ3,
      interest: l.interest,
      timeRequired: l.timeRequired,
      modularity: l.modularity,
      born: l.born,
      x: l.x,
      y: l.y,
      contributors: [],
      product: l.product >= 0 ? get(products, l.product, 'product') : null,
      idx,
      cell: 0,
      stamp: 0,
    };
    lones.set(lone.id, lone);
    return lone;
  });

  const projEntry = (e: EntryJson): ProjEntry => (Array.isArray(e) ? e.map((id) => get(projects, id, 'project')) : e < 0 ? null : get(projects, e, 'project'));

  // Second pass: references.
  for (const pj of [...j.ones, ...j.nines, ...j.nineties]) {
    const p = get(persons, pj.id, 'person');
    p.projects = pj.projects.map(projEntry);
    p.tasksSnap = pj.tasksSnap ? pj.tasksSnap.map((id) => get(tasks, id, 'task')) : null;
    p.loneSnap = pj.loneSnap ? pj.loneSnap.map((id) => get(lones, id, 'lone task')) : null;
    setFriendsSnapshot(p, pj.friendsSnap ? pj.friendsSnap.map((id) => get(persons, id, 'person')) : null);
    p.tasks = pj.tasks.map((id) => get(tasks, id, 'task'));
    p.lones = pj.lones.map((id) => get(lones, id, 'lone task'));
    p.products = pj.products.map((id) => get(products, id, 'product'));
  }
  for (const q of j.projects) {
    const proj = get(projects, q.id, 'project');
    proj.tasks = q.tasks.map((id) => get(tasks, id, 'task'));
    proj.tasksSnap = q.tasksSnap.map((id) => get(tasks, id, 'task'));
    proj.contribSnap = q.contribSnap.map((id) => get(persons, id, 'person'));
    proj.product = q.product >= 0 ? get(products, q.product, 'product') : null;
    proj.directIn = q.directIn.map((id) => get(products, id, 'product'));
  }
  for (const q of j.products) {
    const prod = get(products, q.id, 'product');
    prod.monProject = q.monProject.map(projEntry);
    prod.consumers = q.consumers.map((id) => get(persons, id, 'person'));
    prod.projectLinks = q.projectLinks.map((id) => get(projects, id, 'project'));
  }
  for (const t of j.tasks) get(tasks, t.id, 'task').contributors = t.contributors.map((id) => get(persons, id, 'person'));
  for (const l of j.lones) get(lones, l.id, 'lone task').contributors = l.contributors.map((id) => get(persons, id, 'person'));
  st.orphans = j.orphans.map((id) => get(tasks, id, 'task'));

  // Friend links: buckets in order, then each person's own order.
  const linkByPair = new Map<string, FriendLink>();
  st.friendBuckets = j.friendBuckets.map((b, bucket) =>
    b.map(([a, bId, times, born], bidx) => {
      const l: FriendLink = { a: get(persons, a, 'person'), b: get(persons, bId, 'person'), slot: 0, born, bucket, bidx, alive: true, seq: 0 };
      l.slot = st.friendPool.add(l, times);
      linkByPair.set(`${Math.min(a, bId)},${Math.max(a, bId)}`, l);
      return l;
    }),
  ) as SimState['friendBuckets'];
  for (const pj of [...j.ones, ...j.nines, ...j.nineties]) {
    const p = get(persons, pj.id, 'person');
    p.friendSlots = pj.friends.map((o) => {
      const l = linkByPair.get(`${Math.min(pj.id, o)},${Math.max(pj.id, o)}`);
      if (!l) throw new Error(`snapshot: missing friendlink ${pj.id}-${o}`);
      p.friendMap.set(friendOf(l, p), l.slot);
      return l;
    });
  }
  st.friendSeq = rankFriendLinks(persons.values(), linkByPair.size);

  // Derived indexes (sorted by id, hence independent of history).
  const byId = <T extends { id: number }>(xs: T[]): T[] => xs.slice().sort((a, b) => a.id - b.id);
  for (const t of byId(st.tasks)) {
    const b = st.tasksByInterest.get(t.interest);
    if (b) b.push(t);
    else st.tasksByInterest.set(t.interest, [t]);
  }
  for (const q of byId(st.projects)) {
    const b = st.projectsByInterest.get(q.interest);
    if (b) b.push(q);
    else st.projectsByInterest.set(q.interest, [q]);
    st.projectGrid.insert(q);
  }
  for (const l of st.lones) {
    st.loneCountByInterest.set(l.interest, (st.loneCountByInterest.get(l.interest) ?? 0) + 1);
    st.loneGrid.insert(l);
  }
  for (const q of st.products) {
    st.productCountByInterest.set(q.interest, (st.productCountByInterest.get(q.interest) ?? 0) + 1);
    st.productGrid.insert(q);
  }

  st.ticks = j.ticks;
  st.clock = j.clock;
  st.obs = j.obs;
  st.curObs = j.curObs;
  st.nextId = j.nextId;
  st.stampCounter = j.stampCounter;
  st.taskLinkCount = j.taskLinkCount;
  st.loneLinkCount = j.loneLinkCount;
  st.consumerLinkCount = j.consumerLinkCount;
  st.counters = { ...j.counters };
  st.prod = j.prod.slice();
  st.con = j.con.slice();
  st.chance90FindTask = j.chance90FindTask;
  st.initialProducts = j.initialProducts;
  [st.streakNo1s, st.streakNo9s, st.streakNo90s, st.streakNoProducts, st.streakNoTasks] = j.streaks as [number, number, number, number, number];
  st.stopped = j.stopped;
  st.stopReason = j.stopReason;
  st.runtimeErrors = { ...j.runtimeErrors };
  st.linkTicksOne = j.linkTicksOne;
  st.linkTicksAll = j.linkTicksAll;
  st.departed = {
    cLifetime: j.departed.cLifetime.slice(),
    cT0: j.departed.cT0.slice(),
    cT1: j.departed.cT1.slice(),
    cEverOne: j.departed.cEverOne.slice(),
    cReason: j.departed.cReason.slice(),
    nT0: j.departed.nT0.slice(),
    nT1: j.departed.nT1.slice(),
    nExit: j.departed.nExit.slice(),
  };
  st.plotErrorTick = j.plotErrorTick;
  st.collapseTick = j.collapseTick;
  return st;
}
