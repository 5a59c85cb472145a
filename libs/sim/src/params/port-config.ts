/**
 * Port-only configuration (MODEL.md §10.1): variant, fidelity, the individual
 * `fix.*` flags of §9, runtime-error handling and the volume options.
 */

/** Which NetLogo source the run follows. */
export type Variant = 'D2.2' | 'final';
/** 'faithful' reproduces every §9 quirk; 'corrected' switches every fix on. */
export type Fidelity = 'faithful' | 'corrected';
/** §7 S6 / §9 F1: D2.2 task completion (default) or the final bracket bug. */
export type TaskCompletion = 'd22' | 'final-bug';
/** §7.25: product-volume increments. */
export type VolumeRule = 'd22' | 'pareto';
/** §9.3: guard NetLogo runtime-error situations, or end the run there. */
export type RuntimeErrorMode = 'guard' | 'abort';

/**
 * Every individual correction of MODEL.md §9 (the `fix.*` flags). In config
 * they may be given with or without the `fix.` prefix.
 */
export const FIX_FLAGS = [
  /** B1/F6: per-task points and bounty payout also under "'points' only". */
  'pointsRegimeName',
  /** B2: #1 third drop branch threshold 0.5 instead of the typo. */
  'oneDropTypo',
  /** B3: count the dropper's friends on each task. */
  'friendDrop',
  /** B4: drop one of the dropper's own lone-task links. */
  'ownLoneTaskDrop',
  /** B5: forget one of the agent's own friendlinks. */
  'forgetOwnFriends',
  /** B6: lonely project = no other contributor on any of its tasks. */
  'lonelyProjects',
  /** B7: finished task adds volume to its project's my-product. */
  'taskVolume',
  /** B8: proposal interest ± RandInt(3) − RandInt(3), clamped to [0, N−1]. */
  'proposalInterest',
  /** B9: corrected typ3 rule of §7.24 (skills 0..9, no 0 over-representation). */
  'taskSkills',
  /** B10/F5: converts store the project agent itself in their list. */
  'convertProjects',
  /** B11: derived local value instead of overwriting chance-90-find-a-task. */
  'noParamMutation',
  /** B12: #9 baseline burn-out only under "none". */
  'nineBurnoutBracket',
  /** B13: #1s compute feel-loved with the S19 rule every tick. */
  'oneFeelLoved',
  /** B14: stop counters count consecutive ticks. */
  'consecutiveStop',
  /** B15: activity set to 0 when a project/product has no contributors/consumers. */
  'staleActivity',
  /** B16: skip `nobody` and prune dead projects in project lists. */
  'cleanProjectLists',
  /** B17: a dying project kills every one of its tasks (no orphans). */
  'noOrphans',
  /** B23: final increments count-new-projects for every new project. */
  'countNewProjects',
  /** F3: final sets the project interest before creating its tasks. */
  'finalTaskInterest',
  /** F4: a task spawned in S9 does not inherit bounty and featured?. */
  'spawnResetsBounty',
] as const;

/** Name of one `fix.*` flag (without the `fix.` prefix). */
export type FixFlag = (typeof FIX_FLAGS)[number];

/** Resolved fix flags: every flag present. */
export type FixFlags = Record<FixFlag, boolean>;
