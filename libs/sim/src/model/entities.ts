/**
 * Creation, linking and death of entities. These helpers keep every derived
 * index (role lists, grids, interest buckets, link counters, friend buckets,
 * orphan list) consistent, so submodels only express the rules.
 */
import { insertAt, removeAt } from './arrays';
import { FriendIndex } from './friend-index';
import { forwardOne } from './world';
import type { ExitReason, FriendLink, LoneTask, Person, Product, Project, Role, SimState, Task } from './types';
import { THANKS_NONE } from './types';

/** Allocates the next NetLogo `who`-like id (shared by all turtles). */
export function nextId(st: SimState): number {
  return st.nextId++;
}

/** Fresh stamp value for allocation-free de-duplication. */
export function nextStamp(st: SimState): number {
  return ++st.stampCounter;
}

// ---------------------------------------------------------------- lists

/**
 * Removes `item` from an array by identity (keeps order). Every array this is used on holds an
 * item at most once, so searching from the end finds the same index; it makes the "remove the
 * last link" loops of killPerson / killTask O(1) per link instead of O(degree).
 */
export function removeItem<T>(arr: T[], item: T): boolean {
  const i = arr.lastIndexOf(item);
  if (i < 0) return false;
  removeAt(arr, i);
  return true;
}


function insertById<T extends { id: number }>(arr: T[], item: T): void {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((arr[mid] as T).id < item.id) lo = mid + 1;
    else hi = mid;
  }
  insertAt(arr, lo, item);
}


function swapRemove<T extends { idx: number }>(arr: T[], item: T): void {
  const last = arr.pop() as T;
  if (last !== item) {
    arr[item.idx] = last;
    last.idx = item.idx;
  }
}

function bump(map: Map<number, number>, key: number, delta: number): void {
  const v = (map.get(key) ?? 0) + delta;
  if (v === 0) map.delete(key);
  else map.set(key, v);
}

// ---------------------------------------------------------------- persons

/** The live list of a role. */
export function roleList(st: SimState, role: Role): Person[] {
  return role === 1 ? st.ones : role === 9 ? st.nines : st.nineties;
}

/** Creates a person with every variable at its NetLogo zero value. */
export function newPerson(st: SimState, role: Role, x: number, y: number, interest: number): Person {
  const p: Person = {
    id: nextId(st),
    alive: true,
    role,
    x,
    y,
    interest,
    myTime: 0,
    time: 0,
    skill: 0,
    usingPlatform: false,
    points: 0,
    thanks: THANKS_NONE,
    projects: [],
    tasksSnap: null,
    loneSnap: null,
    friendsSnap: null,
    friendsSnapBefore: -1,
    friendsGone: [],
    history: [],
    total: 0,
    feelLoved: 0,
    born: st.clock,
    timeWithNoLinks: 0,
    usedFeatured: false,
    timeWithoutProducts: 0,
    tasks: [],
    taskBorn: [],
    lones: [],
    friendSlots: [],
    friendsDead: 0,
    friendMap: new FriendIndex(),
    products: [],
    productBorn: [],
    contribSince: role === 90 ? -1 : st.curObs,
    createdObs: st.curObs,
    everOne: role === 1,
    lifetime: 0,
    lifetimeHours: 0,
    idx: 0,
    stamp: 0,
  };
  const list = roleList(st, role);
  p.idx = list.length;
  list.push(p);
  return p;
}

/** Moves a live person to another role list (breed change); variables are handled by the caller. */
export function changeRoleList(st: SimState, p: Person, role: Role): void {
  swapRemove(roleList(st, p.role), p);
  p.role = role;
  const list = roleList(st, role);
  p.idx = list.length;
  list.push(p);
  if (role === 1) p.everOne = true;
  if (role !== 90 && p.contribSince < 0) p.contribSince = st.curObs;
}

/** Kills a person and all its links; archives it for the port-only measures. */
export function killPerson(st: SimState, p: Person, reason: ExitReason): void {
  if (!p.alive) return;
  // Nothing reads a dead person's snapshot; dropping a lazy one spares collecting all its links.
  if (p.friendsSnapBefore >= 0) setFriendsSnapshot(p, null);
  while (p.tasks.length > 0) unlinkTask(st, p, p.tasks[p.tasks.length - 1] as Task);
  while (p.lones.length > 0) unlinkLone(st, p, p.lones[p.lones.length - 1] as LoneTask);
  // The last slot is always live: links go last to first, an order the bucket positions depend on.
  while (p.friendSlots.length > 0) removeFriendLink(st, p.friendSlots[p.friendSlots.length - 1] as FriendLink);
  while (p.products.length > 0) unlinkConsumer(st, p, p.products[p.products.length - 1] as Product);
  swapRemove(roleList(st, p.role), p);
  p.alive = false;
  const a = st.departed;
  if (p.role === 90) {
    a.nT0.push(p.createdObs);
    a.nT1.push(st.curObs);
    a.nExit.push(1);
  } else {
    a.cLifetime.push(p.lifetime);
    a.cT0.push(p.contribSince);
    a.cT1.push(st.curObs);
    a.cEverOne.push(p.everOne ? 1 : 0);
    a.cReason.push(reason);
  }
}

/** Records the end of a #90 spell by conversion (right-censored for #90 survival). */
export function archiveNinetyConversion(st: SimState, p: Person): void {
  st.departed.nT0.push(p.createdObs);
  st.departed.nT1.push(st.curObs);
  st.departed.nExit.push(0);
}

// ---------------------------------------------------------------- links

/** Creates a tasklink (no-op if it exists, §8.5). Returns true if created. */
export function linkTask(st: SimState, p: Person, t: Task): boolean {
  // Check the shorter side: #1s can hold hundreds of task links.
  if (p.tasks.length <= t.contributors.length ? p.tasks.includes(t) : t.contributors.includes(p)) return false;
  p.tasks.push(t);
  p.taskBorn.push(st.clock);
  t.contributors.push(p);
  st.taskLinkCount++;
  return true;
}

/** Deletes a tasklink if present. */
export function unlinkTask(st: SimState, p: Person, t: Task): void {
  const i = p.tasks.lastIndexOf(t); // unique; the kill loops remove from the end
  if (i < 0) return;
  removeAt(p.tasks, i);
  removeAt(p.taskBorn, i);
  removeItem(t.contributors, p);
  st.taskLinkCount--;
}

/** Creates a lonetasklink (no-op if it exists). */
export function linkLone(st: SimState, p: Person, l: LoneTask): boolean {
  if (p.lones.length <= l.contributors.length ? p.lones.includes(l) : l.contributors.includes(p)) return false;
  p.lones.push(l);
  l.contributors.push(p);
  st.loneLinkCount++;
  return true;
}

/** Deletes a lonetasklink if present. */
export function unlinkLone(st: SimState, p: Person, l: LoneTask): void {
  if (!removeItem(p.lones, l)) return;
  removeItem(l.contributors, p);
  st.loneLinkCount--;
}

/** The friendlink between a and b, if any. */
export function friendLinkBetween(st: SimState, a: Person, b: Person): FriendLink | undefined {
  const fm = a.friendMap;
  const e = fm.find(b.id);
  if (e < 0) return undefined;
  const value = fm.data[e + 1] as number;
  // a's entry holds the slot until a has counted on it locally (friend-index.ts); b's may still.
  return value >= 0 ? st.friendPool.at(value) : friendLinks(a).find((l) => friendOf(l, a) === b);
}

/** Whether a and b are friends. */
export function areFriends(a: Person, b: Person): boolean {
  return a.friendMap.has(b);
}

/**
 * times-worked-together of a live friendlink: the pool's count plus the increments each end has
 * kept in its own friend table since it saw the link at ≥ 5 (friend-index.ts).
 */
export function friendTimes(st: SimState, l: FriendLink): number {
  return (st.friendPool.times[l.slot] as number) + localIncrements(l.a, l.b) + localIncrements(l.b, l.a);
}

function localIncrements(p: Person, other: Person): number {
  const fm = p.friendMap;
  const value = fm.data[fm.find(other.id) + 1] as number;
  return value < 0 ? ~value : 0;
}

/** The other end of a friendlink. */
export function friendOf(l: FriendLink, me: Person): Person {
  return l.a === me ? l.b : l.a;
}

/** Forgetting bucket of a link (FriendLink.bucket is always bucketOf of its times). */
function bucketOf(times: number): number {
  return times <= 1 ? 0 : times <= 4 ? 1 : 2;
}

function bucketInsert(st: SimState, l: FriendLink): void {
  const b = st.friendBuckets[l.bucket] as FriendLink[];
  l.bidx = b.length;
  b.push(l);
}

function bucketRemove(st: SimState, l: FriendLink): void {
  const b = st.friendBuckets[l.bucket] as FriendLink[];
  const last = b.pop() as FriendLink;
  if (last !== l) {
    b[l.bidx] = last;
    last.bidx = l.bidx;
  }
}

/** Creates a friendlink with times-worked-together = 1 (no-op if it exists). */
export function befriend(st: SimState, a: Person, b: Person): boolean {
  if (a === b || areFriends(a, b)) return false;
  addFriendLink(st, a, b);
  return true;
}

/** Creates a friendlink the caller knows does not exist yet (a ≠ b). */
export function addFriendLink(st: SimState, a: Person, b: Person): void {
  const l: FriendLink = { a, b, slot: 0, born: st.clock, bucket: 0, bidx: 0, alive: true, seq: st.friendSeq++ };
  l.slot = st.friendPool.add(l, 1);
  bucketInsert(st, l);
  a.friendSlots.push(l);
  b.friendSlots.push(l);
  a.friendMap.set(b, l.slot);
  b.friendMap.set(a, l.slot);
}

/** times-worked-together += 1, moving the link between forgetting buckets. */
export function incFriendTimes(st: SimState, l: FriendLink): void {
  const times = st.friendPool.times;
  const t = (times[l.slot] as number) + 1;
  times[l.slot] = t;
  const nb = bucketOf(t);
  if (nb !== l.bucket) {
    bucketRemove(st, l);
    l.bucket = nb;
    bucketInsert(st, l);
  }
}

/** Whether a link with these times is in the last forgetting bucket, which it never leaves. */
export function friendTimesInLastBucket(times: number): boolean {
  return times >= 5;
}

/** Whether incFriendTimes on a link with these times would move it to another forgetting bucket (the only order-sensitive case). */
export function friendTimesMovesBucket(times: number): boolean {
  return times === 1 || times === 4;
}

/** Deletes a friendlink. */
export function removeFriendLink(st: SimState, l: FriendLink): void {
  if (l.seq < l.a.friendsSnapBefore) l.a.friendsGone.push(l);
  if (l.seq < l.b.friendsSnapBefore) l.b.friendsGone.push(l);
  bucketRemove(st, l);
  l.alive = false;
  dropFriendSlot(l.a, l);
  dropFriendSlot(l.b, l);
  l.a.friendMap.delete(l.b);
  l.b.friendMap.delete(l.a);
  st.friendPool.remove(l.slot);
}

/**
 * Takes a deleted link out of one end's slots. Removing it in place cost a scan and a shift of
 * that end's list, and a death removes one link from each friend's list: in a dense network
 * (degree in the hundreds at 10× the default community) that was quadratic in the degree. So
 * only a link at the end is popped (with the dead ones it uncovers); any other stays as a dead
 * slot, and the list is compacted, order kept, once half of it is dead or when it is read.
 */
function dropFriendSlot(p: Person, l: FriendLink): void {
  const s = p.friendSlots;
  if (s[s.length - 1] !== l) {
    if (++p.friendsDead * 2 > s.length) compactFriendSlots(p);
    return;
  }
  s.pop();
  while (s.length > 0 && !(s[s.length - 1] as FriendLink).alive) {
    s.pop();
    p.friendsDead--;
  }
}

function compactFriendSlots(p: Person): void {
  const s = p.friendSlots;
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const l = s[i] as FriendLink;
    if (l.alive) s[w++] = l;
  }
  s.length = w;
  p.friendsDead = 0;
}

/** The friendlinks of `p` in creation order (live ones only; do not hold across deletions). */
export function friendLinks(p: Person): readonly FriendLink[] {
  if (p.friendsDead > 0) compactFriendSlots(p);
  return p.friendSlots;
}

/** Number of friendlinks of `p`. */
export function friendCount(p: Person): number {
  return p.friendSlots.length - p.friendsDead;
}

// ---------------------------------------------------------------- friend snapshots

/**
 * Takes the my-friends snapshot of `p` (the other ends of its current friendlinks, in link order)
 * in O(1). Snapshots are taken every tick by every contributor but read rarely (S18 mentoring,
 * the silo plot, serialisation), and copying them costs the degree, which grows with the
 * community; so the snapshot only records the link counter, and deletions of older links are
 * collected in `friendsGone` until it is read.
 */
export function takeFriendsSnapshot(st: SimState, p: Person): void {
  p.friendsSnapBefore = st.friendSeq;
  p.friendsGone.length = 0;
  if (p.friendsSnap === null) p.friendsSnap = [];
}

/** Sets the my-friends snapshot to a given list (or null = never set), ending a lazy one. */
export function setFriendsSnapshot(p: Person, snap: Person[] | null): void {
  p.friendsSnap = snap;
  p.friendsSnapBefore = -1;
  p.friendsGone.length = 0;
}

/** The my-friends snapshot of `p` (null = never set); a lazy one is materialised and kept. */
export function friendsSnapshot(p: Person): Person[] | null {
  const before = p.friendsSnapBefore;
  if (before < 0) return p.friendsSnap;
  // The links held at snapshot time: those still here (in seq order already) merged with the
  // deleted ones, by seq.
  const gone = p.friendsGone;
  gone.sort(byLinkSeq);
  const fs = friendLinks(p);
  const snap = p.friendsSnap ?? [];
  snap.length = 0;
  let i = 0;
  let j = 0;
  for (;;) {
    const l = i < fs.length ? (fs[i] as FriendLink) : undefined;
    const g = j < gone.length ? (gone[j] as FriendLink) : undefined;
    const lOk = l !== undefined && l.seq < before;
    if (!lOk && g === undefined) break;
    if (lOk && (g === undefined || l.seq < g.seq)) {
      snap.push(friendOf(l, p));
      i++;
    } else {
      snap.push(friendOf(g as FriendLink, p));
      j++;
    }
  }
  setFriendsSnapshot(p, snap);
  return snap;
}

/** Comparator of friendlinks by creation rank. */
export const byLinkSeq = (x: FriendLink, y: FriendLink): number => x.seq - y.seq;

/** Number of friendlinks in the world. */
export function friendLinkCount(st: SimState): number {
  return st.friendBuckets[0].length + st.friendBuckets[1].length + st.friendBuckets[2].length;
}

/** Creates a consumerlink (no-op if it exists). */
export function linkConsumer(st: SimState, p: Person, prod: Product): boolean {
  if (p.products.includes(prod)) return false;
  p.products.push(prod);
  p.productBorn.push(st.clock);
  prod.consumers.push(p);
  st.consumerLinkCount++;
  return true;
}

/** Deletes a consumerlink if present. */
export function unlinkConsumer(st: SimState, p: Person, prod: Product): void {
  const i = p.products.lastIndexOf(prod); // unique; the kill loops remove from the end
  if (i < 0) return;
  removeAt(p.products, i);
  removeAt(p.productBorn, i);
  removeItem(prod.consumers, p);
  st.consumerLinkCount--;
}

/** Creates the projectproductlink and sets nothing else. */
export function linkProjectProduct(p: Project, prod: Product): void {
  if (!prod.projectLinks.includes(p)) insertById(prod.projectLinks, p);
}

// ---------------------------------------------------------------- projects

/** Creates a project at (x, y) with zero/empty variables. */
export function newProject(st: SimState, x: number, y: number): Project {
  const p: Project = {
    id: nextId(st),
    alive: true,
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
    born: st.clock,
    isPrivate: false,
    isOnPlatform: false,
    totalBounty: 0,
    x,
    y,
    directIn: [],
    idx: st.projects.length,
    cell: 0,
    stamp: 0,
  };
  st.projects.push(p);
  st.projectGrid.insert(p);
  addProjectInterest(st, p);
  return p;
}

function addProjectInterest(st: SimState, p: Project): void {
  let b = st.projectsByInterest.get(p.interest);
  if (!b) {
    b = [];
    st.projectsByInterest.set(p.interest, b);
  }
  insertById(b, p);
}

function removeProjectInterest(st: SimState, p: Project): void {
  const b = st.projectsByInterest.get(p.interest);
  if (!b) return;
  removeItem(b, p);
  if (b.length === 0) st.projectsByInterest.delete(p.interest);
}

/** Sets a project's inter3st, keeping the interest index right. */
export function setProjectInterest(st: SimState, p: Project, interest: number): void {
  removeProjectInterest(st, p);
  p.interest = interest;
  addProjectInterest(st, p);
}

/** Moves a project (x/y already clamped by the caller). */
export function moveProject(st: SimState, p: Project, x: number, y: number): void {
  p.x = x;
  p.y = y;
  st.projectGrid.move(p);
}

/**
 * Kills a project: its product link goes; its remaining live tasks become
 * orphans (§9 B17) unless the caller killed them first.
 */
export function killProject(st: SimState, p: Project): void {
  if (!p.alive) return;
  p.alive = false;
  swapRemove(st.projects, p);
  st.projectGrid.remove(p);
  removeProjectInterest(st, p);
  if (p.product) removeItem(p.product.projectLinks, p);
  for (const t of p.tasks) st.orphans.push(t);
  p.tasks = [];
}

// ---------------------------------------------------------------- tasks

/** Creates a task of `project` at (x, y); typ3/interest/etc. are set by the caller. */
export function newTask(st: SimState, project: Project, x: number, y: number, interest: number): Task {
  const t: Task = {
    id: nextId(st),
    alive: true,
    project,
    typ3: 0,
    interest,
    timeRequired: 0,
    modularity: 0,
    born: st.clock,
    featured: false,
    bounty: 0,
    x,
    y,
    contributors: [],
    idx: st.tasks.length,
    stamp: 0,
  };
  st.tasks.push(t);
  if (project.alive) project.tasks.push(t);
  else st.orphans.push(t);
  let b = st.tasksByInterest.get(interest);
  if (!b) {
    b = [];
    st.tasksByInterest.set(interest, b);
  }
  insertById(b, t);
  return t;
}

/** Places a task one unit from (x, y) in a random integer heading (forward 1 is skipped at the world edge). */
export function placeAround(st: SimState, t: { x: number; y: number }, x: number, y: number): void {
  t.x = x;
  t.y = y;
  forwardOne(t, st.rng.int(360));
}

/** Kills a task and its links. */
export function killTask(st: SimState, t: Task): void {
  if (!t.alive) return;
  t.alive = false;
  swapRemove(st.tasks, t);
  if (t.project.alive) removeItem(t.project.tasks, t);
  else removeItem(st.orphans, t);
  const b = st.tasksByInterest.get(t.interest);
  if (b) {
    removeItem(b, t);
    if (b.length === 0) st.tasksByInterest.delete(t.interest);
  }
  while (t.contributors.length > 0) unlinkTask(st, t.contributors[t.contributors.length - 1] as Person, t);
}

/** Creates a lone task at (x, y). */
export function newLoneTask(st: SimState, x: number, y: number, interest: number): LoneTask {
  const l: LoneTask = {
    id: nextId(st),
    alive: true,
    typ3: 0,
    interest,
    timeRequired: 0,
    modularity: 0,
    born: st.clock,
    x,
    y,
    contributors: [],
    product: null,
    idx: st.lones.length,
    cell: 0,
    stamp: 0,
  };
  st.lones.push(l);
  st.loneGrid.insert(l);
  bump(st.loneCountByInterest, interest, 1);
  return l;
}

/** Kills a lone task and its links. */
export function killLoneTask(st: SimState, l: LoneTask): void {
  if (!l.alive) return;
  l.alive = false;
  swapRemove(st.lones, l);
  st.loneGrid.remove(l);
  bump(st.loneCountByInterest, l.interest, -1);
  while (l.contributors.length > 0) unlinkLone(st, l.contributors[l.contributors.length - 1] as Person, l);
}

// ---------------------------------------------------------------- products

/** Creates a product at (x, y). */
export function newProduct(st: SimState, x: number, y: number, interest: number): Product {
  const p: Product = {
    id: nextId(st),
    alive: true,
    interest,
    volume: 0,
    consumptionActivity: 0,
    consumptionHistory: [],
    monProject: [],
    born: st.clock,
    x,
    y,
    consumers: [],
    projectLinks: [],
    idx: st.products.length,
    cell: 0,
    stamp: 0,
  };
  st.products.push(p);
  st.productGrid.insert(p);
  bump(st.productCountByInterest, interest, 1);
  return p;
}

/** Kills a product, its consumer and project links. Lone tasks pointing to it are killed by the caller (S17). */
export function killProduct(st: SimState, p: Product): void {
  if (!p.alive) return;
  p.alive = false;
  swapRemove(st.products, p);
  st.productGrid.remove(p);
  bump(st.productCountByInterest, p.interest, -1);
  while (p.consumers.length > 0) unlinkConsumer(st, p.consumers[p.consumers.length - 1] as Person, p);
  p.projectLinks.length = 0;
}
