/**
 * Runtime entities and global state of the P2Pvalue model (MODEL.md §2).
 *
 * Entities reference each other directly (object references) for speed; a
 * dead entity keeps `alive = false` and, by NetLogo list semantics (§8.4),
 * behaves exactly like `nobody` wherever it is still referenced. Snapshots
 * (§8.2) are plain arrays of entities and every reader skips dead members.
 * Serialisation to plain JSON (ids) lives in snapshot.ts.
 */
import type { Rng } from '../rng/xoshiro128';
import type { ModelParams } from '../params/model-params';
import type { FixFlags } from '../params/port-config';
import type { ResolvedConfig } from '../params/sim-config';
import type { FriendIndex } from './friend-index';
import type { FriendPool } from './friend-pool';
import type { SpatialGrid } from './spatial-grid';

/** #1 (core contributor), #9 (occasional contributor) or #90 (consumer). */
export type Role = 1 | 9 | 90;

/** thanks: "not received" / "received from #9" / "received from #1". */
export const THANKS_NONE = 0;
export const THANKS_FROM_9 = 1;
export const THANKS_FROM_1 = 2;
export type Thanks = 0 | 1 | 2;

/**
 * One element of a contributor's project list (my-projects / my-projects-1s):
 * a project (dead = nobody), `null` (nobody), or a nested agent set / list of
 * projects (§9 B10, F5) that never equals an agent.
 */
export type ProjEntry = Project | null | Project[];

/** #1, #9 and #90 share one record; `role` is the NetLogo breed. */
export interface Person {
  id: number;
  alive: boolean;
  role: Role;
  x: number;
  y: number;
  /** Interest category; never changes (y may drift away from it, S16). */
  interest: number;
  myTime: number;
  /** Stored spare time (§2.2 note): written only at creation, S3 and role change. */
  time: number;
  /** Skill set as a bitmask over 0..9 (0 for a D2.2 #90, which owns no skill). */
  skill: number;
  usingPlatform: boolean;
  points: number;
  thanks: Thanks;
  /** my-projects(-1s): a NetLogo list (§8.4). */
  projects: ProjEntry[];
  /** my-tasks(-1s) snapshot; null = never set (NetLogo number 0). */
  tasksSnap: Task[] | null;
  /** my-lone-tasks(-1s) snapshot; null = never set. */
  loneSnap: LoneTask[] | null;
  /**
   * my-friends(-1s) snapshot; null = never set. Read and write it through `friendsSnapshot` /
   * `setFriendsSnapshot` (entities.ts): while `friendsSnapBefore` ≥ 0 it is held lazily and this
   * array is stale.
   */
  friendsSnap: Person[] | null;
  /**
   * −1, or a lazy snapshot taken when FriendLink.seq had reached this value: the snapshot is then
   * the other ends of my links with a smaller seq, plus those of `friendsGone`, in seq order.
   */
  friendsSnapBefore: number;
  /** Links of a lazy snapshot that were deleted since it was taken. */
  friendsGone: FriendLink[];
  /** contribution-history of the current role (last ≤ 10 values). */
  history: number[];
  /** my-total-contribution of the current role. */
  total: number;
  feelLoved: number;
  /** Value of the age clock at creation (time-in-community = clock − born). */
  born: number;
  timeWithNoLinks: number;
  usedFeatured: boolean;
  timeWithoutProducts: number;
  /** tasklinks (project tasks) and the clock value at which each was made. */
  tasks: Task[];
  taskBorn: number[];
  /** lonetasklinks. */
  lones: LoneTask[];
  /**
   * friendlinks, in creation order (ascending `seq`: links are appended and removed in place).
   * Deleted links may linger here (`alive` false) until the next compaction, so that a death does
   * not cost each friend a scan of its own list: read it only through `friendLinks` and count it
   * with `friendCount` (entities.ts). The last element, if any, is always live.
   */
  friendSlots: FriendLink[];
  /** Number of deleted links still held in `friendSlots`. */
  friendsDead: number;
  /**
   * The same friendlinks keyed by the other end, for O(1) "are we friends?" tests; it gives the
   * link's slot in `SimState.friendPool` (friend-index.ts).
   */
  friendMap: FriendIndex;
  /** consumerlinks (#90s only) and their creation clock. */
  products: Product[];
  productBorn: number[];
  // --- port-only bookkeeping (§11.4) ---
  /** Observation index at which it first became a contributor; −1 = never. */
  contribSince: number;
  /** Observation index at which it was created (tenure origin of #90s). */
  createdObs: number;
  everOne: boolean;
  lifetime: number;
  lifetimeHours: number;
  /** Position in its role list (swap-remove). */
  idx: number;
  /** Scratch mark for de-duplication without allocation. */
  stamp: number;
}

/** friendlink with times-worked-together; kept in one of three global buckets. */
export interface FriendLink {
  a: Person;
  b: Person;
  /** Slot in `SimState.friendPool`, which holds times-worked-together (`friendTimes`). */
  slot: number;
  born: number;
  /** 0: times = 1, 1: 2 ≤ times ≤ 4, 2: times ≥ 5 (the three S5 forgetting draws). */
  bucket: number;
  bidx: number;
  /** False once deleted (it may still sit in an end's `friendSlots` until compaction). */
  alive: boolean;
  /**
   * Creation rank: increasing with creation time, so sorting a person's links by it restores their
   * order in `friendSlots` (not serialised; a resumed state gets an equivalent ranking).
   */
  seq: number;
}

/** Project task (t4sk). */
export interface Task {
  id: number;
  alive: boolean;
  /** Creating project; when it is dead the task is an orphan (my-project = nobody). */
  project: Project;
  typ3: number;
  interest: number;
  timeRequired: number;
  modularity: number;
  born: number;
  featured: boolean;
  bounty: number;
  x: number;
  y: number;
  contributors: Person[];
  idx: number;
  stamp: number;
}

/** Lone task (outside projects). */
export interface LoneTask {
  id: number;
  alive: boolean;
  typ3: number;
  interest: number;
  timeRequired: number;
  modularity: number;
  born: number;
  x: number;
  y: number;
  contributors: Person[];
  /** my-product-L (null = nobody; dead = nobody). */
  product: Product | null;
  idx: number;
  cell: number;
  stamp: number;
}

export interface Project {
  id: number;
  alive: boolean;
  numTasks: number;
  interest: number;
  /** Live tasks whose my-project is this project (maintained index). */
  tasks: Task[];
  /** my-tasks-projects snapshot. */
  tasksSnap: Task[];
  /** current-contributors snapshot. */
  contribSnap: Person[];
  productionActivity: number;
  productionHistory: number[];
  likes: number;
  likesHistory: number[];
  subjective: boolean;
  rewardLevel: number;
  /** my-product (null = nobody; dead = nobody). */
  product: Product | null;
  born: number;
  isPrivate: boolean;
  isOnPlatform: boolean;
  totalBounty: number;
  x: number;
  y: number;
  /** Products whose mon-project holds this project as a direct element. */
  directIn: Product[];
  idx: number;
  cell: number;
  stamp: number;
}

export interface Product {
  id: number;
  alive: boolean;
  interest: number;
  volume: number;
  consumptionActivity: number;
  consumptionHistory: number[];
  /** mon-project list (§9 B7); null until D2.2 setup assigns it (number 0). */
  monProject: ProjEntry[];
  born: number;
  x: number;
  y: number;
  consumers: Person[];
  /** projectproductlinks. */
  projectLinks: Project[];
  idx: number;
  cell: number;
  stamp: number;
}

/** Global counters of §2.3 (all start at 0). */
export interface Counters {
  onesLeft: number;
  ninesLeft: number;
  ninetiesLeft: number;
  ninetiesLeftNoProduct: number;
  nineLeftNoInterest: number;
  nineLeftDropCons: number;
  nineLeftBurnout: number;
  oneLeftBurnout: number;
  new9sTotal: number;
  new90sTotal: number;
  new90sChance: number;
  new9AttractedBy90s: number;
  nineToOne: number;
  oneToNine: number;
  ninetyToNine: number;
  ninetyUsedFeatured: number;
  tasksCompleted: number;
  newTasksCount: number;
  newProductsCount: number;
  countNewProjects: number;
  projectsDied: number;
  projectsFinished: number;
  loneTasksFinished: number;
  productNoConsumerLeft: number;
  productsOutCompeted: number;
  contributions1s: number;
  contributions9s: number;
  timeContributed1s: number;
  timeContributed9s: number;
  oneDroppedTask: number;
  nineDroppedTask: number;
  oneDroppedProject: number;
  nineDroppedProject: number;
  timeNo1s: number;
  timeNo9s: number;
  timeNo90s: number;
  timeNoProducts: number;
  timeNoTasks: number;
  new1Count: number;
  productsConsumed: number;
}

/** Why a contributor (or #90) left: port-only archive record (§11.4). */
export type ExitReason = 'no-interest' | 'consumption-drop' | 'burnout' | 'no-product';

/** Compact archive of departed contributors and #90s for the §11.4 measures. */
export interface DepartedArchive {
  /** Contributors: lifetime contribution, t0, t1, ever-#1 flag (0/1), reason. */
  cLifetime: number[];
  cT0: number[];
  cT1: number[];
  cEverOne: number[];
  cReason: ExitReason[];
  /** #90 spells: creation observation index, end index, observed exit (1) or censored by conversion (0). */
  nT0: number[];
  nT1: number[];
  nExit: number[];
}

/** Stop reasons of §11.4. */
export type StopReason = 'no90s' | 'no1s' | 'no9s' | 'noProducts' | 'noTasks' | 'huge' | 'timeLimit' | 'aborted' | `error:${string}`;

/** Complete mutable model state. */
export interface SimState {
  readonly cfg: ResolvedConfig;
  readonly p: ModelParams;
  readonly fx: Readonly<FixFlags>;
  readonly isFinal: boolean;
  rng: Rng;
  /** NetLogo `ticks`. */
  ticks: number;
  /** Number of S21 all-age executions: every age is clock − born. */
  clock: number;
  /** Number of observations so far minus one (0 after setup, i after the i-th go). */
  obs: number;
  /** Observation index the current step will produce (0 during setup): arrival/exit stamps. */
  curObs: number;
  nextId: number;
  stampCounter: number;
  /** Next FriendLink.seq. */
  friendSeq: number;
  friendPool: FriendPool;
  ones: Person[];
  nines: Person[];
  nineties: Person[];
  projects: Project[];
  /** All live project tasks, orphans included (the t4sks breed). */
  tasks: Task[];
  /** Live tasks whose project has died (§9 B17). */
  orphans: Task[];
  lones: LoneTask[];
  products: Product[];
  friendBuckets: [FriendLink[], FriendLink[], FriendLink[]];
  taskLinkCount: number;
  loneLinkCount: number;
  consumerLinkCount: number;
  /** Live tasks (orphans included) by inter3st, each bucket sorted by id. */
  tasksByInterest: Map<number, Task[]>;
  /** Number of live lone tasks by inter3st. */
  loneCountByInterest: Map<number, number>;
  /** Number of live products by inter3st. */
  productCountByInterest: Map<number, number>;
  /** Live projects by inter3st (S12 likes). */
  projectsByInterest: Map<number, Project[]>;
  projectGrid: SpatialGrid<Project>;
  loneGrid: SpatialGrid<LoneTask>;
  productGrid: SpatialGrid<Product>;
  counters: Counters;
  /** prod[0..10], con[0..10]: index 10 is the newest. */
  prod: number[];
  con: number[];
  /** chance-90-find-a-task as used by the rules (halved at setup when the platform is off, B11). */
  chance90FindTask: number;
  initialProducts: number;
  /** Consecutive-tick variants of the stop counters (fix.consecutiveStop). */
  streakNo1s: number;
  streakNo9s: number;
  streakNo90s: number;
  streakNoProducts: number;
  streakNoTasks: number;
  stopped: boolean;
  stopReason: StopReason | null;
  /** §9.3 runtime-error situations met, by code (E1..E8). */
  runtimeErrors: Record<string, number>;
  /** Port-only: contributions made while #1 and in total (link-ticks). */
  linkTicksOne: number;
  linkTicksAll: number;
  departed: DepartedArchive;
  /** First observation index at which a NetLogo plot would have raised an error (§9 F8). */
  plotErrorTick: number | null;
  /** First observation index with #1 + #9 = 0 (time to collapse). */
  collapseTick: number | null;
}
