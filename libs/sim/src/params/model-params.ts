/**
 * Typed, camel-cased view of the 54 resolved NetLogo parameters, so the hot
 * model code reads fields instead of string-keyed records.
 */
import type { ResolvedParams } from './resolve-params';

/** Reward regime names exactly as the NetLogo chooser (with embedded quotes). */
export type RewardMechanism = 'none' | "'thanks' only" | "'points' only" | 'both';
export type CommunityType = 'online' | 'offline';
export type NumberOfProducts = 'one' | 'a few' | 'many';
export type RewardMechanism2 = 'baseline-both' | 'reputation' | 'bounties';

/** All interface parameters with typed values. */
export interface ModelParams {
  initialNumber1s: number;
  initialNumber9s: number;
  initialTasks: number;
  propSubjective: number;
  initialNumber90s: number;
  propConsumedEachTime: number;
  numInterestCategories: number;
  initialProjects: number;
  chanceFindingNewTask: number;
  rewardMechanism: RewardMechanism;
  communityType: CommunityType;
  numberOfProducts: NumberOfProducts;
  platformFeatures: boolean;
  proportionUsingPlatform: number;
  new90sBarrier: number;
  meanTimeRequired: number;
  maxModularity: number;
  prob9JoinProject: number;
  prob9FriendsTask: number;
  prob9NoneFriendTask: number;
  prob1DropLonelyProject: number;
  prob9DropProject: number;
  chanceForgetFriend: number;
  chanceForgetThanks: number;
  chanceUnpopularProjectDies: number;
  chanceProposeProject: number;
  chanceProjectHatches: number;
  chance90PicksAnotherProduct: number;
  chanceConsumerLinkBreaks: number;
  new9sBarrier: number;
  chance9sExit: number;
  chance90sExit: number;
  chance1BurnOut: number;
  chance9Become1: number;
  chance1Become9: number;
  chanceProductsDie: number;
  chanceNewLoneTask: number;
  chance90FindTask: number;
  propInitiallyPrivate: number;
  proportionOnplatformProjects: number;
  featuredNeeds: boolean;
  rewardMechanism2: RewardMechanism2;
  prob9FindsFeaturedNeed: number;
  probProjectAdvertises: number;
  probSetBounty: number;
  propProductlessProj: number;
  maxNoise: number;
  bountiesEffect: number;
  reputationEffect: number;
  taskProjectVolumeRatio: number;
  chance9ChasesBounty: number;
  chance9PicksFriendsTasks: number;
  maxProjectInitialVolume: number;
  volumeIncrementRatio: number;
}

/** NetLogo name → ModelParams field. */
export const PARAM_FIELDS: Readonly<Record<string, keyof ModelParams>> = {
  'initial-number-1s': 'initialNumber1s',
  'initial-number-9s': 'initialNumber9s',
  'initial-tasks': 'initialTasks',
  'prop-of-projects-reward-subjective': 'propSubjective',
  'initial-number-90s': 'initialNumber90s',
  'prop-consumed-each-time': 'propConsumedEachTime',
  'num-interest-categories': 'numInterestCategories',
  'initial-projects': 'initialProjects',
  'chance-of-finding-new-task': 'chanceFindingNewTask',
  'reward-mechanism': 'rewardMechanism',
  'community-type': 'communityType',
  'number-of-products': 'numberOfProducts',
  'platform-features': 'platformFeatures',
  'proportion-using-platform': 'proportionUsingPlatform',
  'new-90s-barrier': 'new90sBarrier',
  'mean-time-required': 'meanTimeRequired',
  'max-modularity': 'maxModularity',
  'prob-9-decides-to-join-project': 'prob9JoinProject',
  'prob-9-contributes-to-friends-task': 'prob9FriendsTask',
  'prob-9-contributes-to-none-friend-task': 'prob9NoneFriendTask',
  'prob-1-drop-lonely-project': 'prob1DropLonelyProject',
  'prob-9-drop-a-lonely-or-no-tasks-project': 'prob9DropProject',
  'chance-forget-a-friend': 'chanceForgetFriend',
  'chance-forget-thanks': 'chanceForgetThanks',
  'chance-unpopular-project-dies': 'chanceUnpopularProjectDies',
  'chance-contributor-proposes-a-new-project': 'chanceProposeProject',
  'chance-a-project-hatches-a-project': 'chanceProjectHatches',
  'chance-90-picks-another-product': 'chance90PicksAnotherProduct',
  'chance-consumer-link-breaks': 'chanceConsumerLinkBreaks',
  'new-9s-barrier': 'new9sBarrier',
  'chance-9s-exit': 'chance9sExit',
  'chance-90s-exit': 'chance90sExit',
  'chance-1-burn-out': 'chance1BurnOut',
  'chance-9-become-1': 'chance9Become1',
  'chance-1-become-9': 'chance1Become9',
  'chance-products-die': 'chanceProductsDie',
  'chance-new-loneTask': 'chanceNewLoneTask',
  'chance-90-find-a-task': 'chance90FindTask',
  'prop-of-projects-initially-private': 'propInitiallyPrivate',
  'proportion-onplatform-projects': 'proportionOnplatformProjects',
  'featured-needs?': 'featuredNeeds',
  'reward-mechanism-2': 'rewardMechanism2',
  'prob-9-finds-featured-need': 'prob9FindsFeaturedNeed',
  'prob-project-advertises-a-task': 'probProjectAdvertises',
  'prob-set-a-bounty': 'probSetBounty',
  'prop-productless-proj': 'propProductlessProj',
  'max-noise': 'maxNoise',
  bountiesEffect: 'bountiesEffect',
  reputationEffect: 'reputationEffect',
  'task-project-volume-increment-ratio': 'taskProjectVolumeRatio',
  'chance-9-chases-a-bounty': 'chance9ChasesBounty',
  'chance-9-picks-tasks-with-friends': 'chance9PicksFriendsTasks',
  'max-project-initial-volume': 'maxProjectInitialVolume',
  'volume-increment-to-initial-volume-ratio': 'volumeIncrementRatio',
};

/** Builds the typed view from a fully resolved parameter record. */
export function toModelParams(params: ResolvedParams): ModelParams {
  const out: Record<string, number | boolean | string> = {};
  for (const [name, field] of Object.entries(PARAM_FIELDS)) {
    const v = params[name];
    if (v === undefined) throw new Error(`toModelParams: missing ${name}`);
    out[field] = v;
  }
  return out as unknown as ModelParams;
}
