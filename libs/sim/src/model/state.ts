/**
 * Construction of an empty model state from a resolved configuration.
 */
import { toModelParams } from '../params/model-params';
import type { ResolvedConfig } from '../params/sim-config';
import { Rng } from '../rng/xoshiro128';
import { FriendPool } from './friend-pool';
import { SpatialGrid } from './spatial-grid';
import type { Counters, DepartedArchive, LoneTask, Product, Project, SimState } from './types';

/** All §2.3 counters at 0. */
export function zeroCounters(): Counters {
  return {
    onesLeft: 0,
    ninesLeft: 0,
    ninetiesLeft: 0,
    ninetiesLeftNoProduct: 0,
    nineLeftNoInterest: 0,
    nineLeftDropCons: 0,
    nineLeftBurnout: 0,
    oneLeftBurnout: 0,
    new9sTotal: 0,
    new90sTotal: 0,
    new90sChance: 0,
    new9AttractedBy90s: 0,
    nineToOne: 0,
    oneToNine: 0,
    ninetyToNine: 0,
    ninetyUsedFeatured: 0,
    tasksCompleted: 0,
    newTasksCount: 0,
    newProductsCount: 0,
    countNewProjects: 0,
    projectsDied: 0,
    projectsFinished: 0,
    loneTasksFinished: 0,
    productNoConsumerLeft: 0,
    productsOutCompeted: 0,
    contributions1s: 0,
    contributions9s: 0,
    timeContributed1s: 0,
    timeContributed9s: 0,
    oneDroppedTask: 0,
    nineDroppedTask: 0,
    oneDroppedProject: 0,
    nineDroppedProject: 0,
    timeNo1s: 0,
    timeNo9s: 0,
    timeNo90s: 0,
    timeNoProducts: 0,
    timeNoTasks: 0,
    new1Count: 0,
    productsConsumed: 0,
  };
}

/** An empty departed-agents archive. */
export function emptyArchive(): DepartedArchive {
  return { cLifetime: [], cT0: [], cT1: [], cEverOne: [], cReason: [], nT0: [], nT1: [], nExit: [] };
}

/**
 * A state with no agents (before setup). Tests use it to build small worlds
 * by hand and run a single submodel on them.
 */
export function createEmptyState(cfg: ResolvedConfig, rng: Rng = new Rng(cfg.seed)): SimState {
  const p = toModelParams(cfg.params);
  return {
    cfg,
    p,
    fx: cfg.fixes,
    isFinal: cfg.variant === 'final',
    rng,
    ticks: 0,
    clock: 0,
    obs: 0,
    curObs: 0,
    nextId: 0,
    stampCounter: 0,
    friendSeq: 0,
    friendPool: new FriendPool(),
    ones: [],
    nines: [],
    nineties: [],
    projects: [],
    tasks: [],
    orphans: [],
    lones: [],
    products: [],
    friendBuckets: [[], [], []],
    taskLinkCount: 0,
    loneLinkCount: 0,
    consumerLinkCount: 0,
    tasksByInterest: new Map(),
    loneCountByInterest: new Map(),
    productCountByInterest: new Map(),
    projectsByInterest: new Map(),
    projectGrid: new SpatialGrid<Project>(2),
    loneGrid: new SpatialGrid<LoneTask>(2),
    productGrid: new SpatialGrid<Product>(2),
    counters: zeroCounters(),
    prod: new Array<number>(11).fill(0),
    con: new Array<number>(11).fill(0),
    chance90FindTask: p.chance90FindTask,
    initialProducts: 0,
    streakNo1s: 0,
    streakNo9s: 0,
    streakNo90s: 0,
    streakNoProducts: 0,
    streakNoTasks: 0,
    stopped: false,
    stopReason: null,
    runtimeErrors: {},
    linkTicksOne: 0,
    linkTicksAll: 0,
    departed: emptyArchive(),
    plotErrorTick: null,
    collapseTick: null,
  };
}
